//! Rate limits per group with headers, 429 + Retry-After + CMN-301, and the penalty trap.

use crate::common::{start, Api, EXT};
use ringcentral_sim::{ManualClock, SimConfig};
use std::sync::Arc;
use std::time::Duration;

async fn login(api: &mut Api) -> u16 {
    api.jwt_login().await.status
}

#[tokio::test]
async fn groups_headers_429_and_the_penalty_trap() {
    let clock = Arc::new(ManualClock::new(chrono::Utc::now()));
    let config = SimConfig {
        clock: Some(clock.clone()),
        call_log: 100,
        contacts: 10,
        messages: 10,
        ..SimConfig::fast()
    };
    let (_sim, mut api) = start(config).await;
    for i in 0..5 {
        assert_eq!(
            login(&mut api).await,
            200,
            "login {i} within the Auth limit of 5"
        );
    }
    let refused = api.jwt_login().await;
    assert_eq!(
        (refused.status, refused.code()),
        (429, "CMN-301"),
        "the 6th Auth request is refused"
    );
    assert_eq!(
        refused.header("retry-after"),
        Some("60"),
        "Retry-After says the penalty"
    );
    assert_eq!(
        (
            refused.header("x-rate-limit-group"),
            refused.header("x-rate-limit-remaining")
        ),
        (Some("Auth"), Some("0")),
        "headers on the 429 too"
    );
    clock.advance(Duration::from_secs(59));
    assert_eq!(
        api.jwt_login().await.status,
        429,
        "a request during the penalty restarts it"
    );
    clock.advance(Duration::from_secs(59));
    assert_eq!(
        api.jwt_login().await.status,
        429,
        "so 118 s after the first 429 it still holds"
    );
    clock.advance(Duration::from_secs(61));
    let ok = api.jwt_login().await;
    assert_eq!(ok.status, 200, "after a quiet penalty it works again");
    api.keep(&ok);
    let light = api.get(EXT).await;
    assert_eq!(
        (
            light.header("x-rate-limit-group"),
            light.header("x-rate-limit-limit"),
            light.header("x-rate-limit-remaining"),
            light.header("x-rate-limit-window")
        ),
        (Some("Light"), Some("50"), Some("49"), Some("60")),
        "every response carries the group headers"
    );
    for i in 0..10 {
        assert_eq!(
            api.get(&format!("{EXT}/call-log")).await.status,
            200,
            "Heavy request {i}"
        );
    }
    assert_eq!(
        api.get(&format!("{EXT}/call-log")).await.status,
        429,
        "the 11th Heavy request is refused"
    );
    assert_eq!(
        api.get(EXT).await.status,
        200,
        "other groups are unaffected"
    );
}
