//! A request that cannot be repeated is repeated only when it provably never arrived.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, HeaderValue, RETRY_AFTER};

use super::*;

fn answered(status: u16, headers: &HeaderMap) -> Outcome<'_> {
    Outcome::Answered { status, headers }
}

fn with_retry_after(seconds: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(RETRY_AFTER, HeaderValue::from_str(seconds).expect("header"));
    headers
}

#[test]
fn a_send_answered_with_a_5xx_is_never_repeated() {
    let now = SystemTime::UNIX_EPOCH;
    let policy = RetryPolicy::default();
    for headers in [HeaderMap::new(), with_retry_after("2")] {
        for status in [500, 502, 503, 504] {
            assert_eq!(
                decide(answered(status, &headers), 1, false, now, &policy, 0.5),
                Decision::GiveUp,
                "a proxy may answer {status} after forwarding the send: repeating it may send twice"
            );
        }
    }
}

#[test]
fn a_send_is_repeated_only_when_it_provably_never_arrived() {
    let now = SystemTime::UNIX_EPOCH;
    let policy = RetryPolicy::default();
    assert_eq!(
        decide(
            answered(429, &with_retry_after("2")),
            1,
            false,
            now,
            &policy,
            0.5
        ),
        Decision::RetryAfter(Duration::from_secs(2)),
        "RingCentral documents a 429 as not processed"
    );
    assert!(
        matches!(
            decide(Outcome::NotSent, 1, false, now, &policy, 0.5),
            Decision::RetryAfter(_)
        ),
        "nothing left the machine"
    );
    for outcome in [Outcome::TimedOut, Outcome::Lost] {
        assert_eq!(
            decide(outcome, 1, false, now, &policy, 0.5),
            Decision::GiveUp,
            "{outcome:?}: it may have arrived"
        );
    }
}

#[test]
fn a_read_still_waits_out_a_503() {
    let now = SystemTime::UNIX_EPOCH;
    let policy = RetryPolicy::default();
    assert_eq!(
        decide(
            answered(503, &with_retry_after("3")),
            1,
            true,
            now,
            &policy,
            0.5
        ),
        Decision::RetryAfter(Duration::from_secs(3)),
        "repeating a GET is harmless: Retry-After is honoured"
    );
}
