//! Outbox transitions are durable: they commit with `synchronous = FULL`, and the connection goes
//! back to `NORMAL` for everything else.

use super::fixtures::{message, store, t0, OWN};
use crate::store::durable::observed;
use crate::store::{OutboxState, Store};

/// `PRAGMA synchronous` values.
const NORMAL: i64 = 1;
const FULL: i64 = 2;

fn level(store: &Store) -> i64 {
    store
        .conn
        .query_row("PRAGMA synchronous", [], |row| row.get(0))
        .expect("pragma")
}

#[test]
fn a_claim_commits_with_synchronous_full() {
    let (_dir, mut store) = store();
    let item = store
        .queue_sms("(415) 555-0120", OWN, "on my way", t0())
        .expect("queued");
    observed::take();
    assert!(store.outbox_claim(&item, t0()).expect("claimed").is_some());
    assert_eq!(observed::take(), vec![FULL], "the claim committed durably");
    assert_eq!(level(&store), NORMAL, "other writes stay fast");
}

#[test]
fn every_outbox_transition_commits_with_synchronous_full() {
    let (_dir, mut store) = store();
    let item = store
        .queue_sms("(415) 555-0120", OWN, "on my way", t0())
        .expect("queued");
    let cancelled = store
        .queue_sms("(415) 555-0120", OWN, "never mind", t0())
        .expect("queued");
    assert_eq!(observed::take(), vec![FULL, FULL], "queueing is durable");

    let claim = store
        .outbox_claim(&item, t0())
        .expect("claim")
        .expect("claimed");
    assert!(store.outbox_renew(&claim, t0()).expect("renewed"));
    assert!(store
        .outbox_move(&claim, OutboxState::Unknown, Some("no answer"))
        .expect("unknown"));
    let unknown = store.outbox_item(item.id).expect("item");
    store
        .durable_batch(|batch| {
            batch.put_message(&message(99, 10, 0, false, "+14155550120", "on my way"))?;
            batch.outbox_sent(&unknown, 99)
        })
        .expect("sent");
    assert!(store
        .outbox_move(
            &cancelled,
            OutboxState::Failed,
            Some("cancelled by the agent")
        )
        .expect("cancelled"));
    assert_eq!(
        observed::take(),
        vec![FULL; 5],
        "claim, renewal, unknown, sent and cancel commit durably"
    );
    assert_eq!(level(&store), NORMAL, "the connection is back to NORMAL");
    assert_eq!(
        store.outbox_item(item.id).expect("item").state,
        OutboxState::Sent
    );
}
