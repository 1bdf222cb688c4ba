//! Durations the server states — `Retry-After`, `X-Rate-Limit-Window`, a token's `expires_in`
//! and `refresh_token_expires_in`, the WebSocket's `idleTimeout` and `recoveryTimeout` — bounded
//! in one place, each kind to a range RingCentral's documented values sit well inside. No number a
//! server sends can overflow a clock, make a wait last forever, or turn a keep-alive into a
//! flood. Adding one to a time goes through [`later`](crate::clock::later), which saturates.

use std::time::Duration;

const SECOND: Duration = Duration::from_secs(1);
const HOUR: Duration = Duration::from_secs(3600);
const DAY: Duration = Duration::from_secs(24 * 3600);
const TEN_YEARS: Duration = Duration::from_secs(10 * 365 * 24 * 3600);

/// A kind of duration the server states, with its bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerDuration {
    /// `Retry-After` of a 429 or 503: 0 s to 1 h (RingCentral's penalty is 60 s). Longer ones are
    /// reported as an hour, and the agent may try again then.
    RetryAfter,
    /// `X-Rate-Limit-Window`: 1 s to 1 h (RingCentral's windows are 60 s).
    RateWindow,
    /// A token's `expires_in` or `refresh_token_expires_in`: 1 s to 10 years (RingCentral: an
    /// hour and a week).
    TokenLifetime,
    /// The WebSocket's `idleTimeout`: 2 s to a day (RingCentral: 1800 s). Heartbeats go out at
    /// half of it, so `0` never means a heartbeat after every frame.
    IdleTimeout,
    /// The WebSocket's `recoveryTimeout`: 0 s to 1 h (RingCentral: 180 s).
    RecoveryTimeout,
}

impl ServerDuration {
    /// The shortest and the longest duration of this kind.
    pub const fn bounds(self) -> (Duration, Duration) {
        match self {
            Self::RetryAfter => (Duration::ZERO, HOUR),
            Self::RateWindow => (SECOND, HOUR),
            Self::TokenLifetime => (SECOND, TEN_YEARS),
            Self::IdleTimeout => (Duration::from_secs(2), DAY),
            Self::RecoveryTimeout => (Duration::ZERO, HOUR),
        }
    }

    /// `duration`, brought within this kind's bounds.
    pub fn bound(self, duration: Duration) -> Duration {
        let (shortest, longest) = self.bounds();
        duration.clamp(shortest, longest)
    }

    /// `seconds` as the server said them, within this kind's bounds.
    pub fn from_secs(self, seconds: u64) -> Duration {
        self.bound(Duration::from_secs(seconds))
    }
}

#[cfg(test)]
mod tests;
