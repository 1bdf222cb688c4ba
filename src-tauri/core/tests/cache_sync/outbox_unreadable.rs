//! A 200 answer to a send whose body cannot be read: RingCentral may well have stored the text,
//! so the outcome is unknown and reconciled against the message store — never "refused", which
//! would invite the agent to send it again.

use chrono::{Duration, Utc};
use ringdesk_core::clock::SystemClock;
use ringdesk_core::sms::flush_outbox;
use ringdesk_core::store::OutboxState;

use super::sent::{assert_each_once, SMS_PATH};
use super::support::world;
use ringdesk_testkit::sim::seeded;
use ringdesk_testkit::Fault;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_200_is_an_unknown_outcome_then_found_sent() {
    let world = world(seeded(10, 10, 10)).await;
    let mut store = world.store();
    let from = world.sms_number().await;
    let text = "stored, but the answer says nothing readable";
    let item = store
        .queue_sms("+12125550126", &from, text, Utc::now())
        .expect("queued");
    world
        .admin
        .arm(Fault::on("POST", SMS_PATH).body(r#"{"unexpected":true}"#))
        .await;
    let report = flush_outbox(&mut store, &world.upstream, &SystemClock, Duration::zero())
        .await
        .expect("flush");
    let after = store.outbox_item(item.id).expect("item");
    assert_eq!(
        (after.state, report.failed),
        (OutboxState::Unknown, 0),
        "an unreadable 200 is not a refusal: {after:?}"
    );

    flush_outbox(&mut store, &world.upstream, &SystemClock, Duration::zero())
        .await
        .expect("the next flush");
    let after = store.outbox_item(item.id).expect("item");
    assert_eq!(
        after.state,
        OutboxState::Sent,
        "found in the message store: {after:?}"
    );
    assert!(after.message_id.is_some());
    assert_each_once(&world, &[text.to_owned()]).await;
}
