use std::time::Duration;

use super::*;

#[test]
fn every_kind_is_bounded_both_ways() {
    let cases = [
        (ServerDuration::RetryAfter, 0, 3600),
        (ServerDuration::RateWindow, 1, 3600),
        (ServerDuration::TokenLifetime, 1, 315_360_000),
        (ServerDuration::IdleTimeout, 2, 86_400),
        (ServerDuration::RecoveryTimeout, 0, 3600),
    ];
    for (kind, shortest, longest) in cases {
        assert_eq!(
            kind.from_secs(0),
            Duration::from_secs(shortest),
            "{kind:?}: 0 becomes the shortest"
        );
        assert_eq!(
            kind.from_secs(u64::MAX),
            Duration::from_secs(longest),
            "{kind:?}: u64::MAX becomes the longest"
        );
        assert_eq!(kind.bound(Duration::MAX), Duration::from_secs(longest));
    }
}

#[test]
fn ringcentrals_own_values_are_kept() {
    assert_eq!(
        ServerDuration::RetryAfter.from_secs(60),
        Duration::from_secs(60)
    );
    assert_eq!(
        ServerDuration::RateWindow.from_secs(60),
        Duration::from_secs(60)
    );
    assert_eq!(
        ServerDuration::TokenLifetime.from_secs(604_800),
        Duration::from_secs(604_800)
    );
    assert_eq!(
        ServerDuration::IdleTimeout.from_secs(1800),
        Duration::from_secs(1800)
    );
    assert_eq!(
        ServerDuration::RecoveryTimeout.from_secs(180),
        Duration::from_secs(180)
    );
}
