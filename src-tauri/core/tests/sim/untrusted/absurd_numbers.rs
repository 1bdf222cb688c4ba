//! Numbers from the server cannot panic the process: an absurd `Retry-After`, rate-limit window
//! or token lifetime arrives over HTTP and the client answers cleanly, with bounded waits.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use ringdesk_core::api::extension::read_extension;
use ringdesk_core::api::{ApiError, ClientOptions};
use ringdesk_core::clock::{unix_seconds, Clock, ManualClock};
use serde_json::json;

use ringdesk_testkit::signin::{jwt_client, quick};
use ringdesk_testkit::sim::{roomy, sim, EXTENSION, TOKEN};
use ringdesk_testkit::{Fault, SimAdmin};

const HOUR: Duration = Duration::from_secs(3600);
const TEN_YEARS_AND_A_BIT: u64 = 10 * 366 * 24 * 3600;
const MAX: &str = "18446744073709551615";

#[tokio::test]
async fn a_429_with_an_absurd_retry_after_is_a_bounded_wait() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    SimAdmin::of(&sim)
        .arm(
            Fault::on("GET", EXTENSION)
                .status(429)
                .retry_after(u64::MAX),
        )
        .await;
    let err = read_extension(&client).await.expect_err("rate limited");
    let ApiError::RateLimited { retry_after, .. } = err else {
        panic!("a clean rate-limit error: {err:?}");
    };
    assert!(retry_after <= HOUR, "at most an hour: {retry_after:?}");
    let again = read_extension(&client)
        .await
        .expect_err("still inside the penalty");
    assert!(
        matches!(again, ApiError::RateLimited { retry_after, .. } if retry_after <= HOUR),
        "{again:?}"
    );
    let penalty = client
        .transport()
        .budgets()
        .into_iter()
        .filter_map(|b| b.penalty_secs)
        .max();
    assert!(
        penalty.is_some_and(|s| s <= 3600),
        "status shows a bounded penalty: {penalty:?}"
    );
}

#[tokio::test]
async fn an_absurd_rate_limit_window_on_every_answer_is_at_most_an_hour() {
    let sim = sim(|config| config.rate_limits = roomy()).await;
    let client = jwt_client(&sim, quick()).await;
    SimAdmin::of(&sim)
        .arm(
            Fault::any("/restapi")
                .times(1000)
                .header("X-Rate-Limit-Window", MAX),
        )
        .await;
    for _ in 0..3 {
        read_extension(&client).await.expect("answers as usual");
    }
    let budgets = client.transport().budgets();
    assert!(
        budgets.iter().all(|b| b.window_secs <= 3600),
        "every window at most an hour: {budgets:?}"
    );
}

#[tokio::test]
async fn absurd_token_lifetimes_are_bounded_at_sign_in_and_refresh() {
    let sim = sim(|_| {}).await;
    let clock = ManualClock::new(SystemTime::now());
    let options = ClientOptions {
        clock: Arc::new(clock.clone()),
        ..quick()
    };
    let absurd = Fault::on("POST", TOKEN)
        .patch(json!({ "expires_in": u64::MAX, "refresh_token_expires_in": u64::MAX }));
    SimAdmin::of(&sim).arm(absurd.clone()).await;
    let client = jwt_client(&sim, options).await;
    let bounded = |what: &str| {
        let tokens = client.session().tokens().expect("signed in");
        let now = unix_seconds(clock.now());
        assert!(
            tokens.access_expires_at > now && tokens.access_expires_at <= now + TEN_YEARS_AND_A_BIT,
            "{what}: the access token lives at most ten years"
        );
        assert!(
            tokens
                .refresh_expires_at
                .is_some_and(|at| at <= now + TEN_YEARS_AND_A_BIT),
            "{what}: so does the refresh token"
        );
    };
    bounded("sign-in");
    read_extension(&client).await.expect("the session works");

    // The refresh goes through the oauth2 crate: the same bounds apply.
    SimAdmin::of(&sim).arm(absurd).await;
    let margin = client.transport().options().refresh_margin;
    let expiry = client.session().tokens().expect("tokens").access_expiry();
    let until_refresh = expiry
        .duration_since(clock.now())
        .unwrap_or_default()
        .saturating_sub(margin);
    clock.advance(until_refresh + Duration::from_secs(1));
    // RingCentral's own tokens expire in an hour: the sim refuses the old one long before.
    let _ = read_extension(&client).await;
    bounded("refresh");
}
