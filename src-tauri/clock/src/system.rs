//! The real clocks: the system's wall time, and the same time shifted to start at a pinned
//! instant. Both sleep on tokio's timers.

use crate::{Clock, Sleep};
use std::time::{Duration, Instant, SystemTime};

/// The real clock: system time and tokio timers.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }

    fn sleep(&self, duration: Duration) -> Sleep {
        Box::pin(tokio::time::sleep(duration))
    }
}

/// The real clock shifted so that it reads a pinned instant when created and then runs at real
/// speed (the simulator's `--start-time`, for reproducible timestamps).
#[derive(Debug, Clone, Copy)]
pub struct PinnedClock {
    start: SystemTime,
    at: Instant,
}

impl PinnedClock {
    /// A clock that reads `start` now and then runs at real speed.
    pub fn starting_at(start: impl Into<SystemTime>) -> Self {
        Self {
            start: start.into(),
            at: Instant::now(),
        }
    }
}

impl Clock for PinnedClock {
    fn now(&self) -> SystemTime {
        let elapsed = self.at.elapsed();
        self.start.checked_add(elapsed).unwrap_or(self.start)
    }

    fn sleep(&self, duration: Duration) -> Sleep {
        Box::pin(tokio::time::sleep(duration))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    #[test]
    fn pinned_system_clock_starts_at_the_pin() {
        let pin = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        let clock = PinnedClock::starting_at(pin);
        let drift = clock.now_utc() - pin;
        assert!(
            drift >= chrono::Duration::zero() && drift < chrono::Duration::seconds(5),
            "pinned clock reads the pin, then runs"
        );
    }

    #[test]
    fn the_system_clock_reads_the_wall_clock() {
        let before = SystemTime::now();
        let now = SystemClock.now();
        assert!(
            now >= before && now <= SystemTime::now(),
            "the system clock is the wall clock"
        );
    }
}
