//! Cancelling a pending text races a flush that claims it: the cancel only wins while the text
//! is still pending, otherwise the agent hears it is already on its way.

use std::time::Duration;

use chrono::Utc;
use ringdesk_core::app::DeskError;
use ringdesk_core::phone::Country;
use ringdesk_core::store::{OutboxState, Store};
use ringdesk_core::Error;

use crate::support::unstarted_demo_desk;

#[test]
fn a_cancel_that_loses_to_a_claim_says_the_text_is_underway() {
    let (desk, _dirs) = unstarted_demo_desk();
    let path = desk.cache_path();
    let us = Country::from_iso_code("US").expect("US");
    let item = Store::open(&path, us)
        .expect("cache opens")
        .queue_sms("+14155550120", "+16505550100", "on my way", Utc::now())
        .expect("queued");

    // Another process claims the text: its claim is written but not yet committed when the
    // agent presses cancel, and commits while the cancel waits for the write lock.
    let sender = rusqlite::Connection::open(&path).expect("a second connection");
    sender
        .execute_batch(&format!(
            "BEGIN IMMEDIATE;
             UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = {};",
            item.id
        ))
        .expect("claim written, uncommitted");
    let committer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        sender.execute_batch("COMMIT").expect("claim committed");
    });

    let cancelled = desk.cancel_outbox(item.id);
    committer.join().expect("the claimer finished");
    assert!(
        matches!(cancelled, Err(Error::Desk(DeskError::TextUnderway))),
        "a text already claimed by a sender cannot be cancelled: {cancelled:?}"
    );
    let after = Store::open(&path, us)
        .expect("cache opens")
        .outbox_item(item.id)
        .expect("item");
    assert_eq!(
        after.state,
        OutboxState::Sending,
        "the sender's claim stands: {after:?}"
    );
}
