//! Demo mode: the built-in RingCentral simulator, started in this process, signed in with
//! memory-held tokens. Nothing touches the keychain or a real account.

use ringcentral_sim::{RateLimitConfig, RunningSim, SimConfig, SimCredentials, TimingMode};

/// The demo simulator could not start.
#[derive(Debug, thiserror::Error)]
#[error("the demo simulator could not start: {message}")]
pub struct DemoError {
    /// What went wrong.
    pub message: String,
}

/// The running demo simulator (stopped when dropped).
#[derive(Debug)]
pub struct Demo {
    sim: RunningSim,
}

impl Demo {
    /// Starts the simulator on 127.0.0.1 (a free port) with human-scale timing.
    pub async fn start() -> Result<Self, DemoError> {
        Self::start_with(SimConfig::default()).await
    }

    /// Starts the simulator for tests: calls connect in well under a second, and the rate
    /// limits are out of reach, since following such calls polls far faster than RingCentral's
    /// budgets allow. The limits stay on and advertised in headers: with none, the client would
    /// keep RingCentral's documented budgets itself.
    pub async fn start_fast() -> Result<Self, DemoError> {
        const OUT_OF_REACH: u32 = 1_000_000;
        Self::start_with(SimConfig {
            timing: TimingMode::Fast,
            rate_limits: RateLimitConfig {
                light: OUT_OF_REACH,
                medium: OUT_OF_REACH,
                heavy: OUT_OF_REACH,
                auth: OUT_OF_REACH,
                ..RateLimitConfig::default()
            },
            ..SimConfig::default()
        })
        .await
    }

    async fn start_with(config: SimConfig) -> Result<Self, DemoError> {
        let sim = ringcentral_sim::start(config)
            .await
            .map_err(|e| DemoError {
                message: e.to_string(),
            })?;
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
