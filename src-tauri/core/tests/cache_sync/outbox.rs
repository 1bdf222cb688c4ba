//! The outbox sends each SMS exactly once across an outage, reconciling ambiguous failures
//! against the message store instead of sending again.

use chrono::{Duration, Utc};
use ringdesk_core::clock::SystemClock;
use ringdesk_core::sms::flush_outbox;
use ringdesk_core::store::OutboxState;
use ringdesk_testkit::sim::{seeded, EXTENSION};
use ringdesk_testkit::Fault;

use super::support::world;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_sms_is_sent_exactly_once_across_an_outage() {
    let world = world(seeded(10, 10, 10)).await;
    let mut store = world.store();
    let from = world.sms_number().await;
    let texts = [
        "first while offline",
        "second while offline",
        "third, answer lost",
    ];
    for text in texts {
        store
            .queue_sms("(212) 555-0123", &from, text, Utc::now())
            .expect("queued offline");
    }

    // Outage: the connection drops before RingCentral sees anything.
    let sms_path = format!("{EXTENSION}/sms");
    world
        .admin
        .arm(Fault::on("POST", &sms_path).status(503).times(20))
        .await;
    let offline = flush_outbox(&mut store, &world.upstream, &SystemClock, Duration::zero())
        .await
        .expect("flush");
    assert_eq!(offline.sent, 0, "nothing goes out during the outage");
    assert!(offline.waiting >= 1);
    world.admin.clear_faults().await;

    // Back online, but the answer to one send is lost after RingCentral stored the message.
    world
        .admin
        .arm(Fault::on("POST", &sms_path).malformed())
        .await;
    let mut rounds = 0;
    while !store.open_outbox().expect("outbox").is_empty() {
        rounds += 1;
        assert!(rounds < 10, "the outbox drains");
        flush_outbox(&mut store, &world.upstream, &SystemClock, Duration::zero())
            .await
            .expect("flush");
    }
    let items = store.outbox().expect("outbox");
    assert!(
        items.iter().all(|i| i.state == OutboxState::Sent),
        "all sent: {items:?}"
    );

    // RingCentral holds each text exactly once.
    let sent: Vec<String> = world
        .upstream
        .client()
        .fetch::<serde_json::Value>(
            ringdesk_core::api::Call::new(&ringdesk_core::api::message_store::LIST_MESSAGES, &[])
                .query("direction", "Outbound")
                .query("dateFrom", (Utc::now() - Duration::hours(1)).to_rfc3339())
                .query("perPage", 1000),
        )
        .await
        .expect("message store")["records"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|m| m["subject"].as_str().map(str::to_owned))
        .collect();
    for text in texts {
        let copies = sent.iter().filter(|s| s.as_str() == text).count();
        assert_eq!(copies, 1, "{text:?} reached RingCentral exactly once");
    }
    let ids: std::collections::BTreeSet<_> = items.iter().filter_map(|i| i.message_id).collect();
    assert_eq!(
        ids.len(),
        texts.len(),
        "each item stands for its own message"
    );
}
