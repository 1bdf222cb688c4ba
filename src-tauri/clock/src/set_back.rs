//! Noticing the wall clock being set back (by a person, NTP, a VM restored from a snapshot):
//! instants stored before the change lie in the "future" afterwards, so a rate-limit window or a
//! cool-down measured from them would last as long again as the clock went back — hours, for a
//! clock set back by hours. Whoever stores instants moves them back by the same amount.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The newest wall time seen, to tell when the clock went back.
#[derive(Debug, Clone, Default)]
pub struct SetBack {
    newest: Option<SystemTime>,
}

impl SetBack {
    /// Moves to `now`; answers how far the clock went back since the newest reading, if it did.
    pub fn check(&mut self, now: SystemTime) -> Option<Duration> {
        let back = self
            .newest
            .and_then(|newest| newest.duration_since(now).ok())
            .filter(|back| !back.is_zero());
        self.newest = Some(now);
        back
    }
}

/// `time - by`, or the Unix epoch when that is earlier.
pub fn earlier(time: SystemTime, by: Duration) -> SystemTime {
    time.checked_sub(by).unwrap_or(UNIX_EPOCH).max(UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_clock_going_back_is_reported_and_by_how_much() {
        let t0 = UNIX_EPOCH + Duration::from_secs(10_000);
        let mut watch = SetBack::default();
        assert_eq!(watch.check(t0), None, "the first reading");
        assert_eq!(watch.check(t0 + Duration::from_secs(5)), None, "forward");
        let back = watch.check(t0 - Duration::from_secs(7195));
        assert_eq!(back, Some(Duration::from_secs(7200)));
        assert_eq!(
            watch.check(t0 - Duration::from_secs(7194)),
            None,
            "on from there"
        );
        assert_eq!(earlier(t0, Duration::from_secs(20_000)), UNIX_EPOCH);
    }
}
