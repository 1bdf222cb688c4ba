//! The message store's status progression.
use super::*;
use chrono::Duration;

const TIMING: Delivery = Delivery {
    sent: Duration::seconds(1),
    delivered: Duration::seconds(3),
};

#[test]
fn outbound_moves_queued_sent_delivered() {
    let now = Utc::now();
    let mut store = MessageStore::new(1000);
    let id = store.send(
        Party::number("+16505550101"),
        vec![Party::number("+14155550120")],
        "hi",
        now,
        false,
    );
    assert_eq!(
        store.get(id).map(|m| m.status),
        Some(Status::Queued),
        "starts queued"
    );
    assert_eq!(
        store.advance(now + Duration::seconds(1), TIMING),
        vec![id],
        "a change is reported"
    );
    assert_eq!(
        store.get(id).map(|m| m.status),
        Some(Status::Sent),
        "then sent"
    );
    store.advance(now + Duration::seconds(3), TIMING);
    assert_eq!(
        store.get(id).map(|m| m.status),
        Some(Status::Delivered),
        "then delivered"
    );
    assert!(
        store.advance(now + Duration::seconds(9), TIMING).is_empty(),
        "settled messages stop changing"
    );
}

#[test]
fn magic_recipient_fails_and_aggregate_follows_docs() {
    let now = Utc::now();
    let mut store = MessageStore::new(1000);
    let to = vec![Party::number("+16505550170"), Party::number("+14155550120")];
    let id = store.send(Party::number("+16505550101"), to, "hi", now, false);
    store.advance(now + Duration::seconds(5), TIMING);
    let message = store.get(id).cloned();
    assert_eq!(
        message.as_ref().map(|m| m.status),
        Some(Status::DeliveryFailed),
        "one failed recipient fails the aggregate"
    );
    assert_eq!(
        message.and_then(|m| m.to[1].status),
        Some(Status::Delivered),
        "the other recipient still got it"
    );
}
