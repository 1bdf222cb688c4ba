//! The circuit breaker: after five consecutive failures RingCentral is left alone for a while,
//! then one probe decides whether requests flow again.

use std::time::{Duration, SystemTime};

use serde::Serialize;

use crate::clock::{later, until};
use crate::recovery::whole_seconds;

/// When to open and for how long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakerPolicy {
    /// Consecutive failures that open the breaker.
    pub threshold: u32,
    /// How long it stays open before a probe is allowed.
    pub cool_down: Duration,
}

impl Default for BreakerPolicy {
    fn default() -> Self {
        Self {
            threshold: 5,
            cool_down: Duration::from_secs(30),
        }
    }
}

/// The breaker's state, as `status` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum BreakerState {
    /// Requests flow; `failures` in a row so far.
    Closed {
        /// Consecutive failures.
        failures: u32,
    },
    /// Requests are refused until `retry_in_secs` pass.
    Open {
        /// Seconds until a probe is allowed.
        retry_in_secs: u64,
    },
    /// One probe request is deciding.
    HalfOpen,
}

/// The breaker itself (one per server).
#[derive(Debug)]
pub struct Breaker {
    policy: BreakerPolicy,
    failures: u32,
    open_until: Option<SystemTime>,
    probing: bool,
}

impl Breaker {
    /// A closed breaker.
    pub fn new(policy: BreakerPolicy) -> Self {
        Self {
            policy,
            failures: 0,
            open_until: None,
            probing: false,
        }
    }

    /// When the breaker half-opens, as of `now`: never more than a cool-down away, so a wall
    /// clock set back after it opened does not keep it open for as long again.
    fn open_until(&self, now: SystemTime) -> Option<SystemTime> {
        self.open_until
            .map(|at| at.min(later(now, self.policy.cool_down)))
    }

    /// May a request go now? `Err(wait)` while open or while a probe is out.
    pub fn admit(&mut self, now: SystemTime) -> Result<(), Duration> {
        self.open_until = self.open_until(now);
        match self.open_until {
            None => Ok(()),
            Some(until_at) if now < until_at => Err(until(now, until_at)),
            Some(_) if self.probing => Err(Duration::from_secs(1)),
            Some(_) => {
                self.probing = true;
                Ok(())
            }
        }
    }

    /// The service answered (any status but 5xx).
    pub fn succeeded(&mut self) {
        self.failures = 0;
        self.open_until = None;
        self.probing = false;
    }

    /// The service failed (5xx, timeout, connection error).
    pub fn failed(&mut self, now: SystemTime) {
        self.failures += 1;
        if self.probing || self.failures >= self.policy.threshold {
            self.open_until = Some(now + self.policy.cool_down);
            self.probing = false;
        }
    }

    /// The state at `now`.
    pub fn state(&self, now: SystemTime) -> BreakerState {
        match self.open_until(now) {
            None => BreakerState::Closed {
                failures: self.failures,
            },
            Some(at) if now < at => BreakerState::Open {
                retry_in_secs: whole_seconds(until(now, at)),
            },
            Some(_) => BreakerState::HalfOpen,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_after_five_failures_and_half_opens_later() {
        let t0 = SystemTime::UNIX_EPOCH;
        let mut breaker = Breaker::new(BreakerPolicy::default());
        for _ in 0..4 {
            breaker.failed(t0);
        }
        assert!(breaker.admit(t0).is_ok(), "four failures are not enough");
        breaker.failed(t0);
        assert_eq!(
            breaker.admit(t0),
            Err(Duration::from_secs(30)),
            "the fifth failure opens it"
        );
        let later = t0 + Duration::from_secs(31);
        assert_eq!(breaker.state(later), BreakerState::HalfOpen);
        assert!(breaker.admit(later).is_ok(), "one probe goes");
        assert!(breaker.admit(later).is_err(), "only one probe at a time");
        breaker.failed(later);
        assert!(
            matches!(breaker.state(later), BreakerState::Open { .. }),
            "a failed probe opens it again"
        );
        let much_later = later + Duration::from_secs(31);
        assert!(breaker.admit(much_later).is_ok());
        breaker.succeeded();
        assert_eq!(
            breaker.state(much_later),
            BreakerState::Closed { failures: 0 }
        );
    }

    #[test]
    fn a_clock_set_back_does_not_keep_it_open_longer() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(100_000);
        let mut breaker = Breaker::new(BreakerPolicy::default());
        for _ in 0..5 {
            breaker.failed(t0);
        }
        let back = t0 - Duration::from_secs(2 * 3600);
        assert_eq!(
            breaker.admit(back),
            Err(Duration::from_secs(30)),
            "one cool-down at most, not two hours more"
        );
        assert!(breaker.admit(back + Duration::from_secs(30)).is_ok());
    }
}
