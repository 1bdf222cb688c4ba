//! Time as the simulator sees it. Everything that depends on time (token expiry, RingOut
//! progression, SMS delivery, rate-limit windows, WebSocket timeouts) asks a [`Clock`], so tests
//! can move time forward instead of sleeping.

use chrono::{DateTime, Duration, Utc};
use std::fmt::Debug;
use std::sync::Mutex;
use std::time::Instant;

/// A source of "now".
pub trait Clock: Send + Sync + Debug {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
}

/// The wall clock, optionally shifted so that it starts at a pinned instant (for fully
/// reproducible timestamps with `--start-time`).
#[derive(Debug)]
pub struct SystemClock {
    origin: Option<(DateTime<Utc>, Instant)>,
}

impl SystemClock {
    /// The real wall clock.
    pub fn new() -> Self {
        Self { origin: None }
    }

    /// A clock that reads `start` now and then runs at real speed.
    pub fn starting_at(start: DateTime<Utc>) -> Self {
        Self {
            origin: Some((start, Instant::now())),
        }
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        match self.origin {
            None => Utc::now(),
            Some((start, at)) => {
                let elapsed = Duration::from_std(at.elapsed()).unwrap_or_else(|_| Duration::zero());
                start + elapsed
            }
        }
    }
}

/// A clock that only moves when told to. Share it (`Arc<ManualClock>`) between a test and the
/// simulator to step through RingOut phases, token expiry or rate-limit windows instantly.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<DateTime<Utc>>,
}

impl ManualClock {
    /// A clock frozen at `start`.
    pub fn new(start: DateTime<Utc>) -> Self {
        Self {
            now: Mutex::new(start),
        }
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: std::time::Duration) {
        let by = Duration::from_std(by).unwrap_or_else(|_| Duration::zero());
        let mut now = self.now.lock().unwrap_or_else(|e| e.into_inner());
        *now += by;
    }

    /// Sets the clock to `to`.
    pub fn set(&self, to: DateTime<Utc>) {
        *self.now.lock().unwrap_or_else(|e| e.into_inner()) = to;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_advanced() {
        let start = Utc::now();
        let clock = ManualClock::new(start);
        assert_eq!(clock.now(), start, "a manual clock stands still");
        clock.advance(std::time::Duration::from_secs(90));
        assert_eq!(
            clock.now() - start,
            Duration::seconds(90),
            "advance moves it by exactly that much"
        );
    }

    #[test]
    fn pinned_system_clock_starts_at_the_pin() {
        let pin = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        let clock = SystemClock::starting_at(pin);
        let drift = clock.now() - pin;
        assert!(
            drift >= Duration::zero() && drift < Duration::seconds(5),
            "pinned clock reads the pin, then runs"
        );
    }
}
