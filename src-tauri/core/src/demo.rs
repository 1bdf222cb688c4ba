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

/// The environment variable that fixes the demo simulator's admin token (for tests and
/// benchmarks that drive it); a random token per run otherwise.
pub const ADMIN_TOKEN_ENV: &str = "RINGDESK_DEMO_ADMIN_TOKEN";

/// How the demo simulator runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSetup {
    /// Calls connect in well under a second (tests), instead of at human pace.
    pub fast: bool,
    /// The token its admin API (`/sim/…`) needs: without one, any local process could push
    /// fake texts that become notifications.
    pub admin_token: String,
}

impl DemoSetup {
    /// A setup with `admin_token`, or a fresh random one when `None`.
    pub fn new(fast: bool, admin_token: Option<String>) -> Self {
        Self {
            fast,
            admin_token: admin_token.unwrap_or_else(random_token),
        }
    }
}

/// 128 random bits, hex.
fn random_token() -> String {
    let bits: u128 = rand::random();
    format!("{bits:032x}")
}

impl Demo {
    /// Starts the simulator on 127.0.0.1 (a free port). Fast demos (tests) have the rate
    /// limits out of reach, since following such calls polls far faster than RingCentral's
    /// budgets allow; the limits stay on and advertised in headers: with none, the client would
    /// keep RingCentral's documented budgets itself.
    pub async fn start(setup: DemoSetup) -> Result<Self, DemoError> {
        const OUT_OF_REACH: u32 = 1_000_000;
        let config = if setup.fast {
            SimConfig {
                timing: TimingMode::Fast,
                rate_limits: RateLimitConfig {
                    light: OUT_OF_REACH,
                    medium: OUT_OF_REACH,
                    heavy: OUT_OF_REACH,
                    auth: OUT_OF_REACH,
                    ..RateLimitConfig::default()
                },
                ..SimConfig::default()
            }
        } else {
            SimConfig::default()
        };
        Self::start_with(SimConfig {
            admin_token: Some(setup.admin_token),
            ..config
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
