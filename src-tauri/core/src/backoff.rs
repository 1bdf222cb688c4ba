//! Backoff, the one formula for waiting before trying again — a repeated request
//! (`api::retry`) and a WebSocket reconnect (`realtime`) alike: exponential, capped, with jitter
//! so that many desks recovering from one outage do not arrive together. A pure function of the
//! attempt and a jitter sample.

use std::time::Duration;

/// Exponential backoff with "equal jitter": attempt `n` waits between half and all of
/// `min(cap, base × 2ⁿ)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backoff {
    /// The first delay's upper bound.
    pub base: Duration,
    /// The longest delay.
    pub cap: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Self {
            base: Duration::from_secs(1),
            cap: Duration::from_secs(60),
        }
    }
}

impl Backoff {
    /// The delay before attempt `attempt` (0-based) for a jitter sample in `0.0..1.0`.
    pub fn delay(&self, attempt: u32, jitter: f64) -> Duration {
        let factor = 2u32.saturating_pow(attempt.min(31));
        let full = self.base.saturating_mul(factor).min(self.cap);
        let half = full / 2;
        half + half.mul_f64(jitter.clamp(0.0, 1.0))
    }

    /// The delay before attempt `attempt` with a random jitter.
    pub fn next(&self, attempt: u32) -> Duration {
        self.delay(attempt, rand::random())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_with_jitter_up_to_the_cap() {
        let backoff = Backoff::default();
        assert_eq!(backoff.delay(0, 0.0), Duration::from_millis(500));
        assert_eq!(backoff.delay(0, 1.0), Duration::from_secs(1));
        assert_eq!(
            backoff.delay(3, 0.0),
            Duration::from_secs(4),
            "2³ s, halved"
        );
        assert_eq!(
            backoff.delay(40, 1.0),
            Duration::from_secs(60),
            "capped, and no overflow however long the outage"
        );
        assert!(
            backoff.delay(40, 0.0) >= Duration::from_secs(30),
            "jitter never takes more than half"
        );
        let sample = backoff.next(2);
        assert!(
            (Duration::from_secs(2)..=Duration::from_secs(4)).contains(&sample),
            "random jitter stays in range: {sample:?}"
        );
    }
}
