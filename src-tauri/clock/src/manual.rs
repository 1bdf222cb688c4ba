//! A clock that only moves when told to, for tests and reproducible runs.

use crate::{Clock, Sleep};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// A clock that only moves when told to; sleeping moves it forward at once. Clones share one
/// time, so a test can keep a clone and step the clock it handed to the code under test.
#[derive(Debug, Clone)]
pub struct ManualClock {
    now: Arc<Mutex<SystemTime>>,
}

impl ManualClock {
    /// A clock standing at `start` (a `SystemTime` or a chrono `DateTime`).
    pub fn new(start: impl Into<SystemTime>) -> Self {
        Self {
            now: Arc::new(Mutex::new(start.into())),
        }
    }

    /// Moves the clock forward by `by` (it stays put if that would overflow).
    pub fn advance(&self, by: Duration) {
        let mut now = self.now.lock().unwrap_or_else(|e| e.into_inner());
        *now = now.checked_add(by).unwrap_or(*now);
    }

    /// Sets the clock to `to`, forward or back.
    pub fn set(&self, to: impl Into<SystemTime>) {
        *self.now.lock().unwrap_or_else(|e| e.into_inner()) = to.into();
    }
}

impl Clock for ManualClock {
    fn now(&self) -> SystemTime {
        *self.now.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn sleep(&self, duration: Duration) -> Sleep {
        self.advance(duration);
        Box::pin(tokio::task::yield_now())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{from_unix_seconds, unix_seconds, until};
    use chrono::{DateTime, Utc};

    #[tokio::test]
    async fn manual_clock_moves_only_when_told_or_slept() {
        let clock = ManualClock::new(from_unix_seconds(1_000));
        clock.sleep(Duration::from_secs(30)).await;
        assert_eq!(unix_seconds(clock.now()), 1_030, "sleeping advances time");
        assert_eq!(
            until(clock.now(), from_unix_seconds(1_000)),
            Duration::ZERO,
            "the past is zero away"
        );
    }

    #[test]
    fn manual_clock_moves_only_when_advanced() {
        let start: DateTime<Utc> = SystemTime::now().into();
        let clock = ManualClock::new(start);
        assert_eq!(clock.now_utc(), start, "a manual clock stands still");
        clock.advance(Duration::from_secs(90));
        assert_eq!(
            clock.now_utc() - start,
            chrono::Duration::seconds(90),
            "advance moves it by exactly that much"
        );
    }

    #[test]
    fn set_moves_every_clone_to_the_given_instant() {
        let clock = ManualClock::new(from_unix_seconds(5_000));
        let shared = clock.clone();
        let to = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        clock.set(to);
        assert_eq!(shared.now_utc(), to, "clones share one time");
        clock.set(from_unix_seconds(10));
        assert_eq!(unix_seconds(shared.now()), 10, "set can move back");
    }
}
