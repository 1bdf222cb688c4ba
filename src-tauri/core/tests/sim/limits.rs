//! Rate limits, retries, the breaker, timeouts and broken answers.

use std::time::{Duration, Instant};

use ringcentral_sim::RateLimitConfig;
use ringdesk_core::api::call_log::{read_call_log, CallLogQuery};
use ringdesk_core::api::extension::read_extension;
use ringdesk_core::api::retry::RetryPolicy;
use ringdesk_core::api::{ApiError, BreakerState, ClientOptions, Priority};
use ringdesk_core::sms::{SmsError, SmsText};
use ringdesk_core::Recovery;
use ringdesk_testkit::admin::matching;
use ringdesk_testkit::fixtures::{number, send_sms, us};
use ringdesk_testkit::signin::{jwt_client, quick};
use ringdesk_testkit::sim::{sim, EXTENSION};
use ringdesk_testkit::{Fault, SimAdmin};

#[tokio::test]
async fn retry_after_is_honoured_and_nothing_is_sent_in_the_penalty() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    SimAdmin::of(&sim)
        .arm(Fault::on("GET", EXTENSION).status(429).retry_after(2))
        .await;
    let first = {
        let client = client.clone();
        tokio::spawn(async move { read_extension(&client).await })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    // A second request of the same group, started inside the penalty window.
    read_extension(&client).await.expect("waits, then succeeds");
    first
        .await
        .expect("task")
        .expect("retried after Retry-After");
    let log = SimAdmin::of(&sim).requests().await;
    let calls = matching(&log, "GET", EXTENSION);
    assert_eq!(calls.len(), 3, "the 429, then the two calls: {calls:?}");
    assert_eq!(calls[0].status, 429);
    let penalty_end = calls[0].at + chrono::Duration::seconds(2);
    for later in &calls[1..] {
        assert!(
            later.at >= penalty_end,
            "no request inside the penalty window: {} < {penalty_end}",
            later.at
        );
    }
}

#[tokio::test]
async fn budgets_wait_before_the_limit_instead_of_hitting_it() {
    let sim = sim(|c| {
        c.rate_limits = RateLimitConfig {
            light: 3,
            window: Duration::from_secs(2),
            ..RateLimitConfig::default()
        }
    })
    .await;
    let client = jwt_client(&sim, quick()).await;
    let started = Instant::now();
    for _ in 0..7 {
        read_extension(&client)
            .await
            .expect("every call gets through");
    }
    let log = SimAdmin::of(&sim).requests().await;
    assert!(
        log.iter().all(|r| r.status != 429),
        "never rate limited: {log:?}"
    );
    assert!(
        started.elapsed() >= Duration::from_secs(4),
        "7 requests at 3 per 2 s need two waits, took {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn the_breaker_opens_after_five_failures() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    SimAdmin::of(&sim)
        .arm(Fault::on("GET", EXTENSION).status(503).times(50))
        .await;
    let first = read_extension(&client).await.expect_err("503s");
    assert_eq!(first.recovery(), Recovery::Retry, "{first}");
    let second = read_extension(&client)
        .await
        .expect_err("the fifth failure opens it");
    assert!(matches!(second, ApiError::CircuitOpen { .. }), "{second}");
    let third = read_extension(&client).await.expect_err("still open");
    assert!(matches!(third, ApiError::CircuitOpen { .. }), "{third}");
    assert!(matches!(
        client.transport().breaker(),
        BreakerState::Open { .. }
    ));
    let log = SimAdmin::of(&sim).requests().await;
    assert_eq!(
        matching(&log, "GET", EXTENSION).len(),
        5,
        "four attempts of the first call, one of the second, then nothing: a failing service is not hammered"
    );
}

#[tokio::test]
async fn a_stalled_response_times_out() {
    let sim = sim(|_| {}).await;
    let options = ClientOptions {
        timeout: Duration::from_millis(400),
        retry: RetryPolicy {
            max_attempts: 2,
            base: Duration::from_millis(10),
            ..RetryPolicy::default()
        },
        ..quick()
    };
    let client = jwt_client(&sim, options).await;
    SimAdmin::of(&sim)
        .arm(Fault::on("GET", EXTENSION).delay_ms(3000).times(5))
        .await;
    let started = Instant::now();
    let err = read_extension(&client)
        .await
        .expect_err("no answer in time");
    assert!(matches!(err, ApiError::Timeout { .. }), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "bounded: {:?}",
        started.elapsed()
    );
    assert_eq!(err.recovery(), Recovery::Retry);
}

#[tokio::test]
async fn malformed_json_is_a_clear_error() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    SimAdmin::of(&sim)
        .arm(Fault::on("GET", EXTENSION).malformed())
        .await;
    let err = read_extension(&client).await.expect_err("truncated JSON");
    assert!(
        matches!(
            err,
            ApiError::Malformed {
                operation: "readExtension",
                ..
            }
        ),
        "{err}"
    );
    assert!(
        err.to_string().contains("readExtension"),
        "names the operation: {err}"
    );
}

#[tokio::test]
async fn a_lost_send_is_an_unknown_outcome_and_never_repeated() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    let sms_path = format!("{EXTENSION}/sms");
    SimAdmin::of(&sim)
        .arm(Fault::on("POST", &sms_path).drop_connection())
        .await;
    let to = number("+1 650 555 0199");
    let text = SmsText::new("hello").expect("short");
    let err = send_sms(&client, "+16505550101", &to, &text)
        .await
        .expect_err("connection dropped");
    assert!(
        matches!(err, SmsError::Api(ApiError::UnknownOutcome { .. })),
        "{err}"
    );
    assert_eq!(err.recovery(), Recovery::Reconcile);
    let log = SimAdmin::of(&sim).requests().await;
    assert_eq!(
        matching(&log, "POST", "/sms").len(),
        1,
        "a send is never repeated blindly"
    );
}

#[tokio::test]
async fn call_log_pages_follow_next_page_without_collecting() {
    let sim = sim(|c| c.call_log = 2500).await;
    let client = jwt_client(&sim, quick()).await;
    let query = CallLogQuery {
        date_from: Some("2000-01-01T00:00:00Z".into()),
        priority: Priority::Background,
        ..CallLogQuery::default()
    };
    let mut pages = read_call_log(&client, &query);
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().await.expect("page") {
        sizes.push(page.records.len());
    }
    assert_eq!(
        sizes.iter().sum::<usize>(),
        2500,
        "every record, page by page: {sizes:?}"
    );
    assert_eq!(sizes[0], 1000, "1000 per page");
}

#[tokio::test]
async fn a_call_goes_first_while_a_sync_uses_the_budget() {
    let sim = sim(|c| c.call_log = 5000).await;
    let client = jwt_client(&sim, quick()).await;
    let sync = {
        let client = client.clone();
        tokio::spawn(async move {
            let query = CallLogQuery {
                date_from: Some("2000-01-01T00:00:00Z".into()),
                per_page: 100,
                priority: Priority::Background,
                ..CallLogQuery::default()
            };
            let mut pages = read_call_log(&client, &query);
            while let Ok(Some(_)) = pages.next_page().await {}
        })
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while matching(&SimAdmin::of(&sim).requests().await, "GET", "/call-log").len() < 8 {
        assert!(
            Instant::now() < deadline,
            "the sync pages through the Heavy group"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        matching(&SimAdmin::of(&sim).requests().await, "GET", "/call-log").len(),
        8,
        "a background sync stops at 8 of the Heavy group's 10 requests a minute"
    );
    let started = Instant::now();
    let target = ringdesk_core::calls::CallTarget {
        number: "+16505550123".into(),
        ring_me_at: Some("+16505550110".into()),
        caller_id: None,
        country: us(),
    };
    let plan = ringdesk_core::calls::plan_call(&client, &target)
        .await
        .expect("plans");
    ringdesk_core::calls::place(&client, &plan)
        .await
        .expect("the call goes at once");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "no wait for the sync: {:?}",
        started.elapsed()
    );
    sync.abort();
    let log = SimAdmin::of(&sim).requests().await;
    assert!(
        log.iter().all(|r| r.status != 429),
        "and nobody was rate limited"
    );
}

#[tokio::test]
async fn a_background_request_never_waits_longer_than_the_policy_allows() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    SimAdmin::of(&sim)
        .arm(
            Fault::on("GET", &format!("{EXTENSION}/call-log"))
                .status(429)
                .retry_after(3600),
        )
        .await;
    let query = CallLogQuery {
        date_from: Some("2000-01-01T00:00:00Z".into()),
        priority: Priority::Background,
        ..CallLogQuery::default()
    };
    for attempt in ["the 429 itself", "a request inside the hour's penalty"] {
        let started = Instant::now();
        let page = tokio::time::timeout(
            Duration::from_secs(10),
            read_call_log(&client, &query).next_page(),
        )
        .await
        .unwrap_or_else(|_| panic!("{attempt}: an hour is not waited out inside one call"));
        let err = page.expect_err("rate limited");
        assert!(
            matches!(err, ApiError::RateLimited { .. }),
            "{attempt}: {err}"
        );
        assert_eq!(
            err.recovery(),
            Recovery::Wait { seconds: 3600 },
            "{attempt}: the wait is reported"
        );
        assert!(started.elapsed() < Duration::from_secs(5), "{attempt}");
    }
    let log = SimAdmin::of(&sim).requests().await;
    assert_eq!(
        matching(&log, "GET", "/call-log").len(),
        1,
        "nothing was sent inside the penalty"
    );
}
