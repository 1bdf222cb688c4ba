//! Live delivery: one event per inbound text, with its contact; none for the agent's own texts;
//! none again after a restart.

use std::time::Duration;

use ringdesk_core::realtime::{RealtimeEvent, Via};
use ringdesk_core::sms::SmsText;
use ringdesk_core::store::{ContactNumber, ContactRecord, ContactSource};
use ringdesk_testkit::fixtures::{number, send_sms};
use ringdesk_testkit::sim::CUSTOMER;

use super::support::*;

#[tokio::test]
async fn an_inbound_text_is_announced_once_with_its_contact_and_stored() {
    let mut rig = rig(|_| {}).await;
    let mut store = rig.store();
    let mut batch = store.batch().expect("batch");
    let ada = ContactRecord {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        numbers: vec![ContactNumber {
            number: CUSTOMER.into(),
            label: "mobile".into(),
        }],
        ..ContactRecord::default()
    };
    batch
        .put_contact(ContactSource::Local, &ada, 0)
        .expect("a local contact");
    batch.commit().expect("commit");
    rig.start(quick_realtime());
    rig.connected().await;
    assert!(
        rig.announced(Duration::from_millis(300)).await.is_empty(),
        "the history the first sync brought is not news"
    );
    let id = rig.push("Can you call me back?").await;
    let sms = rig
        .next_sms(Duration::from_secs(5))
        .await
        .expect("the pushed text is announced");
    assert_eq!(sms.message_id, id);
    assert_eq!(sms.text, "Can you call me back?");
    assert_eq!(sms.from.number, CUSTOMER);
    assert_eq!(
        sms.sender_name(),
        "Ada Lovelace",
        "the store's contact names it"
    );
    assert_eq!(sms.via, Via::Push, "it came over the WebSocket");
    let thread = rig
        .store()
        .thread(sms.conversation_id, None, 5)
        .expect("thread");
    assert_eq!(
        thread.messages.first().map(|m| m.id),
        Some(id),
        "it is in the cache when announced"
    );
    let again = rig.announced(Duration::from_millis(1500)).await;
    assert!(
        again.is_empty(),
        "the message-store event's catch-up finds it claimed: {again:?}"
    );
    let refresh = Some(vec![sms.conversation_id]);
    let changed = rig
        .seen
        .iter()
        .any(|e| matches!(e, RealtimeEvent::MessagesChanged(c) if c.conversations == refresh));
    assert!(
        changed,
        "the open thread is told to refresh: {:#?}",
        rig.seen
    );
    rig.stop().await;
}

#[tokio::test]
async fn the_agents_own_texts_are_not_announced() {
    let mut rig = rig(|_| {}).await;
    rig.start(quick_realtime());
    rig.connected().await;
    let text = SmsText::new("On my way").expect("short");
    let sent = send_sms(&rig.client, "+16505550101", &number(CUSTOMER), &text)
        .await
        .expect("the simulator sends it");
    let announced = rig.announced(Duration::from_secs(2)).await;
    assert!(
        announced.is_empty(),
        "our own text is not news: {announced:?}"
    );
    let stored = rig.store().has_messages(&[sent.id as i64]).expect("lookup");
    assert!(
        stored,
        "the message-store events synced our text into the cache"
    );
    rig.stop().await;
}

#[tokio::test]
async fn a_restart_catches_up_without_repeating() {
    let mut rig = rig(|_| {}).await;
    rig.start(quick_realtime());
    rig.connected().await;
    let first = rig.push("before the restart").await;
    let sms = rig.next_sms(Duration::from_secs(5)).await.expect("live");
    assert_eq!(sms.message_id, first);
    rig.stop().await;
    let missed = rig.push("while ringdesk was closed").await;
    rig.start(quick_realtime());
    let announced = rig.announced(Duration::from_secs(3)).await;
    let ids: Vec<i64> = announced.iter().map(|s| s.message_id).collect();
    assert_eq!(
        ids,
        [missed],
        "the catch-up at start brings the missed text, and only it"
    );
    assert_eq!(announced[0].via, Via::Sync);
    rig.stop().await;
}
