//! Demo mode: the built-in RingCentral simulator, started in this process, signed in with
//! memory-held tokens. Nothing touches the keychain or a real account.

use ringcentral_sim::{RunningSim, SimConfig, SimCredentials, TimingMode};

use crate::error::Error;

/// The running demo simulator (stopped when dropped).
#[derive(Debug)]
pub struct Demo {
    sim: RunningSim,
}

impl Demo {
    /// Starts the simulator on 127.0.0.1 (a free port) with human-scale timing.
    pub async fn start() -> Result<Self, Error> {
        Self::start_with(SimConfig::default()).await
    }

    /// Starts the simulator with test-scale timing (calls connect in well under a second).
    pub async fn start_fast() -> Result<Self, Error> {
        Self::start_with(SimConfig {
            timing: TimingMode::Fast,
            ..SimConfig::default()
        })
        .await
    }

    async fn start_with(config: SimConfig) -> Result<Self, Error> {
        let sim = ringcentral_sim::start(config)
            .await
            .map_err(|e| Error::Demo(e.to_string()))?;
        tracing::info!(server = %sim.credentials().server_url, "demo simulator started");
        Ok(Self { sim })
    }

    /// Where it serves and its app credentials.
    pub fn credentials(&self) -> &SimCredentials {
        self.sim.credentials()
    }

    /// Its base URL.
    pub fn server_url(&self) -> &str {
        &self.sim.credentials().server_url
    }
}
