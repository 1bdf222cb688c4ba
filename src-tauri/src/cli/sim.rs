//! `ringdesk sim`: the RingCentral simulator in the foreground (the `ringcentral-sim` flags).

use ringcentral_sim::cli::SimArgs;

use super::{Output, FAILURE};

/// The `sim` subcommand's flags.
#[derive(Debug, clap::Args)]
pub struct SimCommand {
    #[command(flatten)]
    args: SimArgs,
}

/// Serves until Ctrl-C; prints the credentials JSON line first.
pub async fn run(command: SimCommand, output: &Output) -> i32 {
    match ringcentral_sim::start(command.args.into()).await {
        Ok(sim) => {
            println!("{}", sim.credentials().to_json_line());
            if !output.is_json() {
                eprintln!(
                    "ringdesk sim: serving {} — Ctrl-C stops it",
                    sim.credentials().server_url
                );
            }
            sim.wait_for_signal().await;
            0
        }
        Err(error) => {
            eprintln!("ringdesk sim: {error}");
            FAILURE
        }
    }
}
