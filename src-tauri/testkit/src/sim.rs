//! Simulators for tests, and the paths and numbers of the simulated account that tests name.

use ringcentral_sim::{RateLimitConfig, RunningSim, SimConfig};

/// The extension path as clients send it (`~` for the current account and extension).
pub const EXTENSION: &str = "/restapi/v1.0/account/~/extension/~";

/// The OAuth token endpoint.
pub const TOKEN: &str = "/restapi/oauth/token";

/// A customer's number: valid, not a magic number, not one of the seeded account's own.
pub const CUSTOMER: &str = "+14155550123";

/// Starts a simulator with `config` (on 127.0.0.1:0 unless it says otherwise).
pub async fn start(config: SimConfig) -> RunningSim {
    ringcentral_sim::start(config)
        .await
        .unwrap_or_else(|e| panic!("the simulator must start: {e}"))
}

/// Starts a simulator with fast timing ([`SimConfig::fast`]) and `change` applied.
pub async fn sim(change: impl FnOnce(&mut SimConfig)) -> RunningSim {
    let mut config = SimConfig::fast();
    change(&mut config);
    start(config).await
}

/// A fast simulator's configuration seeded with `call_log` calls, `contacts` personal contacts
/// and `messages` texts, its rate limits [`unlimited`].
pub fn seeded(call_log: u64, contacts: usize, messages: usize) -> SimConfig {
    SimConfig {
        call_log,
        contacts,
        messages,
        rate_limits: unlimited(),
        ..SimConfig::fast()
    }
}

/// Generous limits (1000 requests a minute, 100 sign-ins), for tests that are not about rate
/// limits but still see them enforced and advertised.
pub fn roomy() -> RateLimitConfig {
    limits(1000, 100)
}

/// Limits so high they never bind, but advertised in `X-Rate-Limit-*` headers so a client learns
/// them (without the headers ringdesk keeps RingCentral's documented defaults: Heavy 10 a minute).
pub fn unlimited() -> RateLimitConfig {
    limits(1_000_000, 1_000)
}

/// No rate limiting at all, and no `X-Rate-Limit-*` headers.
pub fn unthrottled() -> RateLimitConfig {
    RateLimitConfig {
        enabled: false,
        ..RateLimitConfig::default()
    }
}

/// `requests` per window in every API group, `auth` for the OAuth endpoints.
fn limits(requests: u32, auth: u32) -> RateLimitConfig {
    RateLimitConfig {
        enabled: true,
        light: requests,
        medium: requests,
        heavy: requests,
        auth,
        ..RateLimitConfig::default()
    }
}
