//! The ringdesk desktop shell: Tauri and OS wiring over `ringdesk_core`.
//!
//! One binary, three faces: no arguments opens the window, a link argument hands the link to
//! the window, and a subcommand runs the command line. All of them sit on `ringdesk_core`.

mod cli;
mod commands;
mod error;
mod launch;
mod window;

pub use cli::{Cli, Command};
pub use error::{UiError, UiErrorCode};
pub use launch::Launch;

use clap::Parser;
use tauri::Runtime;

/// Registers ringdesk's commands, state and plugins on a Tauri builder.
///
/// Generic over the runtime so tests can drive it with `tauri::test::mock_builder()`.
pub fn builder<R: Runtime>(builder: tauri::Builder<R>, launch: Launch) -> tauri::Builder<R> {
    builder
        .manage(launch)
        .invoke_handler(tauri::generate_handler![commands::app::app_info])
}

/// Runs ringdesk with the process arguments and returns the exit code.
pub fn run() -> i32 {
    let mut cli = Cli::parse();
    init_logging();
    if let Some(command) = cli.command.take() {
        return cli::run(cli, command);
    }
    match Launch::from_cli(&cli) {
        Ok(launch) => window::run(launch),
        Err(error) => {
            eprintln!("ringdesk: {error}\n{}", error.hint());
            2
        }
    }
}

/// Logs go to stderr; `RINGDESK_LOG` (or `RUST_LOG`) picks the level, `warn` by default.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("RINGDESK_LOG")
        .or_else(|_| tracing_subscriber::EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
