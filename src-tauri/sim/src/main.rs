//! `ringcentral-sim`: prints one JSON line with the server URL and credentials, then serves
//! until Ctrl-C or SIGTERM.

use clap::Parser;
use ringcentral_sim::cli::SimArgs;
use std::io::Write;
use std::process::ExitCode;

/// A stateful, deterministic RingCentral platform simulator.
#[derive(Parser)]
#[command(name = "ringcentral-sim", version, about)]
struct Cli {
    #[command(flatten)]
    sim: SimArgs,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match ringcentral_sim::start(cli.sim.into()).await {
        Ok(running) => {
            let mut out = std::io::stdout();
            let _ = writeln!(out, "{}", running.credentials().to_json_line());
            let _ = out.flush();
            running.wait_for_signal().await;
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ringcentral-sim: {e}");
            ExitCode::FAILURE
        }
    }
}
