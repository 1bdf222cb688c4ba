//! Unix-seconds arithmetic on `SystemTime`, for stored expiry times and `Retry-After` waits.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The last second of the year 9999: later stored times are read as this one, so adding a
/// lifetime to a time read from storage or from a server cannot overflow.
const LATEST: u64 = 253_402_300_799;

/// Seconds since the Unix epoch (0 for times before it).
pub fn unix_seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The time `seconds` after the Unix epoch (at most the end of the year 9999).
pub fn from_unix_seconds(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds.min(LATEST))
}

/// `time + by`, or the end of the year 9999 when that is earlier (the sum would overflow, or
/// reach beyond any time worth storing): adding a duration a server gave cannot panic.
pub fn later(time: SystemTime, by: Duration) -> SystemTime {
    let latest = from_unix_seconds(LATEST);
    match time.checked_add(by) {
        Some(sum) if sum <= latest => sum,
        _ => latest.max(time),
    }
}

/// How long from `now` until `later` (zero when `later` has passed).
pub fn until(now: SystemTime, later: SystemTime) -> Duration {
    later.duration_since(now).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_seconds_round_trip_and_absurd_times_are_capped() {
        assert_eq!(
            unix_seconds(from_unix_seconds(1_700_000_000)),
            1_700_000_000,
            "seconds round-trip"
        );
        assert_eq!(
            unix_seconds(UNIX_EPOCH - Duration::from_secs(5)),
            0,
            "times before the epoch read as 0"
        );
        let far = from_unix_seconds(u64::MAX);
        assert_eq!(unix_seconds(far), LATEST, "a corrupt stored time is capped");
        assert!(
            far.checked_add(Duration::from_secs(365 * 24 * 3600))
                .is_some(),
            "and a lifetime can still be added to it"
        );
    }

    #[test]
    fn later_saturates_instead_of_overflowing() {
        let now = from_unix_seconds(1_700_000_000);
        assert_eq!(
            later(now, Duration::from_secs(60)),
            from_unix_seconds(1_700_000_060)
        );
        assert_eq!(
            later(now, Duration::MAX),
            from_unix_seconds(LATEST),
            "no panic, the latest storable time"
        );
    }
}
