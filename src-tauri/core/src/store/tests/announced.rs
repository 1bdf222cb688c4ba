//! Announcements: once per message id, inbound unread only, nothing before the horizon.

use chrono::Duration;

use super::fixtures::{contact, message, store, t0};
use crate::store::ContactSource;

#[test]
fn each_new_inbound_message_is_claimed_once_with_its_contact() {
    let (_dir, mut store) = store();
    let horizon = store
        .announce_horizon(t0() - Duration::minutes(15))
        .expect("horizon set");
    assert_eq!(
        store.announce_horizon(t0()).expect("horizon read"),
        horizon,
        "the first horizon stays: later starts must not hide what arrived meanwhile"
    );
    let mut batch = store.batch().expect("batch");
    batch
        .put_contact(
            ContactSource::Personal,
            &contact(Some("7"), "Ada", "Lovelace", "", &["+14155550120"]),
            1,
        )
        .expect("contact");
    let history = message(1, 10, 60, true, "+14155550120", "old news");
    let fresh = message(2, 10, 5, true, "+14155550120", "new");
    let ours = message(3, 10, 4, false, "+14155550120", "our reply");
    let mut seen = message(4, 11, 3, true, "+12125550199", "read elsewhere");
    seen.read = true;
    for m in [&history, &fresh, &ours, &seen] {
        batch.put_message(m).expect("put");
    }
    let claimed = batch
        .claim_announcements(t0() - Duration::hours(24), t0(), 10)
        .expect("claim");
    batch.commit().expect("commit");
    let ids: Vec<i64> = claimed.iter().map(|m| m.id).collect();
    assert_eq!(
        ids,
        [2],
        "only the unread inbound message after the horizon: not history, not ours, not read"
    );
    let contact_name = claimed[0].peer.contact.as_ref().map(|c| c.name.as_str());
    assert_eq!(contact_name, Some("Ada Lovelace"), "matched by number");
    let again = store
        .claim_announcements(t0() - Duration::hours(24), t0(), 10)
        .expect("claim again");
    assert!(again.is_empty(), "a message is announced once: {again:?}");
    assert!(store.is_announced(2).expect("ledger"), "recorded");
}

#[test]
fn without_a_horizon_or_past_the_cutoff_nothing_is_announced() {
    let (_dir, mut store) = store();
    let mut batch = store.batch().expect("batch");
    batch
        .put_message(&message(1, 10, 5, true, "+14155550120", "hi"))
        .expect("put");
    batch.commit().expect("commit");
    let none = store
        .claim_announcements(t0() - Duration::hours(1), t0(), 10)
        .expect("claim");
    assert!(none.is_empty(), "no horizon yet: announcing never started");
    store
        .announce_horizon(t0() - Duration::hours(2))
        .expect("horizon");
    let stale = store
        .claim_announcements(t0() - Duration::minutes(1), t0(), 10)
        .expect("claim");
    assert!(stale.is_empty(), "older than the cutoff: not news any more");
    let claimed = store
        .claim_announcements(t0() - Duration::hours(1), t0(), 10)
        .expect("claim");
    assert_eq!(claimed.len(), 1, "inside the cutoff");
    assert_eq!(
        store.prune_announced(t0()).expect("prune"),
        1,
        "old ledger rows go"
    );
}
