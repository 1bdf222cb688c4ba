//! The signed webhook over real HTTP: a receiver on 127.0.0.1 checks every signature with its
//! own HMAC; one that fails three times and then recovers gets every event exactly once (by
//! event id), each contact's events in order; a refusal stops only that event, shown and
//! replayable; every attempt is in the activity log.

use std::sync::Arc;
use std::time::Duration;

use ringdesk_clock::ManualClock;
use ringdesk_core::app::{Desk, NewContact, WebhookSetup};
use ringdesk_core::Secret;
use ringdesk_testkit::webhook::WebhookReceiver;
use serde_json::Value;

use crate::support::integrations_desk;

const SECRET: &str = "whsec_app_tests";

fn contact(name: &str, number: &str) -> NewContact {
    NewContact {
        name: name.into(),
        number: number.into(),
        ..NewContact::default()
    }
}

/// A receiver, and the desk's webhook pointed at it with the right secret.
async fn hooked_up(desk: &Desk) -> WebhookReceiver {
    let receiver = WebhookReceiver::start(SECRET).await;
    desk.set_webhook(WebhookSetup {
        url: receiver.url.clone(),
        secret: Some(Secret::new(SECRET)),
    })
    .await
    .expect("webhook set up");
    receiver
}

fn types_for(taken: &[Value], number: &str) -> Vec<String> {
    taken
        .iter()
        .filter(|e| e["data"]["number"] == number)
        .map(|e| e["type"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_receiver_that_fails_three_times_gets_every_event_once_in_order() {
    let clock = Arc::new(ManualClock::new(std::time::SystemTime::now()));
    let demo = integrations_desk(Some(clock.clone())).await;
    let desk = &demo.desk;
    let receiver = hooked_up(desk).await;
    let first = desk.run_integrations().await;
    assert_eq!(
        first.events_queued, 0,
        "nothing before the webhook was set up"
    );
    assert!(first.problems.is_empty(), "{:?}", first.problems);

    desk.add_contact(&contact("Ana Silva", "+14155550101"))
        .expect("Ana");
    desk.add_contact(&contact("Bo Chen", "+14155550102"))
        .expect("Bo");
    desk.send_sms("+14155550101", "Your quote is ready", None)
        .await
        .expect("text to Ana");
    desk.send_sms("+14155550101", "Call me when you can", None)
        .await
        .expect("second text to Ana");
    receiver.inbox(|inbox| inbox.fail_next.extend([503, 503, 503]));

    let mut runs = Vec::new();
    for _ in 0..6 {
        runs.push(desk.run_integrations().await);
        // Past any backoff of the attempt just made (2.5–5 s, 5–10 s, 10–20 s …).
        clock.advance(Duration::from_secs(25));
    }
    let queued: usize = runs.iter().map(|r| r.events_queued).sum();
    assert_eq!(queued, 4, "two contacts created, two texts sent: {runs:?}");
    let retried: u32 = runs
        .iter()
        .filter_map(|r| r.webhook)
        .map(|r| r.retried)
        .sum();
    assert_eq!(retried, 3, "each failure is retried later: {runs:?}");

    let (taken, deliveries, repeats) =
        receiver.inbox(|inbox| (inbox.taken(), inbox.deliveries.clone(), inbox.repeats()));
    assert!(
        deliveries.iter().all(|d| d.signature_ok),
        "every request is signed with the secret: {deliveries:?}"
    );
    assert_eq!(taken.len(), 4, "every event once: {taken:?}");
    assert_eq!(repeats, 3, "the first event came four times under one id");
    assert_eq!(
        types_for(&taken, "+14155550101"),
        ["contact.created", "sms.sent", "sms.sent"],
        "Ana's events in the order they happened"
    );
    assert_eq!(types_for(&taken, "+14155550102"), ["contact.created"]);
    let text = taken
        .iter()
        .find(|e| e["type"] == "sms.sent")
        .expect("a text event");
    assert_eq!(text["profile"], "default");
    assert_eq!(text["data"]["contact"]["name"], "Ana Silva", "{text}");
    assert_eq!(text["data"]["message"]["text"], "Your quote is ready");
    assert!(text["id"].as_str().is_some_and(|id| id.starts_with("evt_")));
    for event in &taken {
        let body = event.to_string();
        assert!(
            !body.contains("access_token") && !body.contains(SECRET),
            "never a token or the secret: {body}"
        );
    }

    let view = desk.integrations().await.expect("view");
    let hook = view.webhook.expect("webhook shown");
    assert!(hook.secret_set);
    assert_eq!(
        (hook.queue.delivered, hook.queue.failed, hook.queue.pending),
        (4, 0, 0)
    );
    let log = desk.activity(50).expect("activity");
    let failures = log
        .iter()
        .filter(|e| e.action.starts_with("webhook:") && e.http_status == Some(503))
        .count();
    assert_eq!(failures, 3, "every attempt is logged with its status");
    assert!(log
        .iter()
        .any(|e| e.action == "webhook:sms.sent" && e.http_status == Some(200)));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_event_is_shown_and_replayed_while_the_rest_go_on() {
    let demo = integrations_desk(None).await;
    let desk = &demo.desk;
    let receiver = hooked_up(desk).await;
    desk.run_integrations().await;
    desk.add_contact(&contact("Cy Park", "+14155550103"))
        .expect("Cy");
    desk.add_contact(&contact("Di Ross", "+14155550104"))
        .expect("Di");
    receiver.inbox(|inbox| inbox.fail_next.push_back(410));
    let run = desk.run_integrations().await;
    let report = run.webhook.expect("webhook ran");
    assert_eq!((report.delivered, report.failed), (1, 1), "{run:?}");

    let view = desk.integrations().await.expect("view");
    let failed = &view.webhook.expect("webhook").failed;
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].http_status, Some(410));
    let again = desk.replay_event(&failed[0].event_id).expect("replayed");
    assert_eq!(
        again.event_id, failed[0].event_id,
        "the same id: the receiver's key"
    );
    let run = desk.run_integrations().await;
    assert_eq!(run.webhook.map(|r| r.delivered), Some(1), "{run:?}");
    assert_eq!(receiver.inbox(|inbox| inbox.taken().len()), 2);
    assert!(desk.replay_event("evt_unknown").is_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn test_connection_posts_a_signed_test_event_and_a_wrong_secret_is_refused() {
    let demo = integrations_desk(None).await;
    let desk = &demo.desk;
    let receiver = WebhookReceiver::start(SECRET).await;
    let not_set = desk.test_integration("webhook").await;
    assert!(not_set.is_err(), "not set up yet");
    desk.set_webhook(WebhookSetup {
        url: receiver.url.clone(),
        secret: Some(Secret::new("another secret")),
    })
    .await
    .expect("set up");
    let refused = desk.test_integration("webhook").await;
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.to_string().contains("401")),
        "the receiver refuses a bad signature: {refused:?}"
    );
    desk.set_integration_secret("webhook", Secret::new(SECRET))
        .await
        .expect("secret");
    desk.test_integration("webhook").await.expect("test passes");
    let test = receiver
        .inbox(|inbox| inbox.taken().pop())
        .expect("test event");
    assert_eq!(test["type"], "ringdesk.test");
    let insecure = desk
        .set_webhook(WebhookSetup {
            url: "http://hooks.example.com/x".into(),
            secret: None,
        })
        .await;
    assert!(insecure.is_err(), "plain http only to this machine");
}
