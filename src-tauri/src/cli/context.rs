//! What every subcommand needs: the resolved launch (profile, paths), the output, and the desk —
//! the application layer every subcommand talks to (it connects the profile on demand: the
//! keychain in live mode, the simulator in demo mode).

use std::sync::Arc;

use ringdesk_core::app::{Background, ConfigError, Desk, Error, Mode};

use super::{Cli, Output};
use crate::{Launch, UiError};

/// The context of one command.
#[derive(Debug)]
pub struct Context {
    /// Profile and paths.
    pub launch: Launch,
    /// Where results go.
    pub output: Output,
    /// The profile at work, with nothing running in the background.
    pub desk: Arc<Desk>,
}

impl Context {
    /// Resolves the profile from the arguments and the process environment.
    pub fn from_cli(cli: &Cli, output: Output) -> Result<Self, ConfigError> {
        let launch = Launch::from_cli(cli)?;
        let desk = launch.desk(Background::Off);
        Ok(Self {
            launch,
            output,
            desk,
        })
    }

    /// Whether this is demo mode.
    pub fn is_demo(&self) -> bool {
        self.launch.profile.mode == Mode::Demo
    }

    /// Connects the profile (see [`Context::announce`]). A profile with no stored session stays
    /// signed out: the first request says so.
    pub async fn connect(&self) -> Result<(), Error> {
        self.announce();
        self.desk.connect().await.map(|_| ())
    }

    /// Says on stderr when this is demo mode, which is never mixed with a real account.
    pub fn announce(&self) {
        if self.is_demo() {
            tracing::info!(profile = %self.launch.profile.name, "demo mode: the built-in RingCentral simulator");
            if !self.output.is_json() {
                eprintln!(
                    "DEMO MODE — the built-in RingCentral simulator; no real calls or texts."
                );
            }
        }
    }

    /// Reports `error` and returns the failure exit code.
    pub fn fail(&self, error: Error) -> i32 {
        fail(&self.output, error)
    }
}

/// Logs the full error, prints `{code, message, hint}`, returns the failure exit code.
pub fn fail(output: &Output, error: Error) -> i32 {
    tracing::info!(%error, "command failed");
    output.fail(&UiError::from(error))
}
