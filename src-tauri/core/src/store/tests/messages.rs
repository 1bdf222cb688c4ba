//! Messages, conversations, read state and the outbox.

use chrono::Duration;

use super::fixtures::{message, store, t0, OWN};
use crate::store::{OutboxState, StoreError};

#[test]
fn conversations_follow_their_messages() {
    let (_dir, mut store) = store();
    let mut batch = store.batch().expect("batch");
    batch
        .put_message(&message(1, 10, 30, true, "+14155550120", "first"))
        .expect("put");
    batch
        .put_message(&message(3, 10, 10, true, "+14155550120", "third"))
        .expect("put");
    batch
        .put_message(&message(2, 10, 20, false, "+14155550120", "second"))
        .expect("put");
    batch
        .put_message(&message(4, 11, 5, true, "+12125550199", "other"))
        .expect("put");
    // An overlapping ISync answer repeats a message: no double count.
    batch
        .put_message(&message(3, 10, 10, true, "+14155550120", "third"))
        .expect("again");
    batch.commit().expect("commit");
    let page = store.conversations(None, 10).expect("conversations");
    let ids: Vec<i64> = page.conversations.iter().map(|c| c.id).collect();
    assert_eq!(ids, [11, 10], "most recent conversation first");
    let ten = &page.conversations[1];
    assert_eq!(
        ten.last_message.text, "third",
        "the newest message, whatever the insert order"
    );
    assert_eq!(ten.unread, 2, "two inbound unread, the repeat counted once");
    let thread = store.thread(10, None, 2).expect("thread");
    let texts: Vec<&str> = thread.messages.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["third", "second"], "newest first, one page");
    let older = store.thread(10, thread.older, 2).expect("older page");
    assert_eq!(older.messages.len(), 1);
    assert!(older.older.is_none(), "the start of the thread");
}

#[test]
fn mark_read_is_local_first_and_survives_a_stale_sync() {
    let (_dir, mut store) = store();
    let mut batch = store.batch().expect("batch");
    batch
        .put_message(&message(1, 10, 30, true, "+14155550120", "a"))
        .expect("put");
    batch
        .put_message(&message(2, 10, 20, true, "+14155550120", "b"))
        .expect("put");
    batch.commit().expect("commit");
    let changed = store
        .mark_conversation_read(10, true, t0())
        .expect("mark read");
    assert_eq!(changed, [1, 2]);
    assert_eq!(
        store.conversations(None, 5).expect("list").conversations[0].unread,
        0
    );
    // A sync that ran before RingCentral saw the change still says unread.
    let mut stale = message(2, 10, 20, true, "+14155550120", "b");
    stale.modified = t0();
    let mut batch = store.batch().expect("batch");
    batch.put_message(&stale).expect("stale");
    batch.commit().expect("commit");
    assert_eq!(
        store.conversations(None, 5).expect("list").conversations[0].unread,
        0,
        "a queued local change wins over a stale sync"
    );
    let queued = store.queued_read_changes(50).expect("queue");
    assert_eq!(queued, [(1, true), (2, true)]);
    store.clear_read_changes(&queued).expect("clear");
    assert!(store.queued_read_changes(50).expect("queue").is_empty());
}

#[test]
fn deleted_messages_leave_and_conversations_recount() {
    let (_dir, mut store) = store();
    let mut batch = store.batch().expect("batch");
    batch
        .put_message(&message(1, 10, 30, true, "+14155550120", "a"))
        .expect("put");
    batch
        .put_message(&message(2, 10, 20, true, "+14155550120", "b"))
        .expect("put");
    let mut gone = message(2, 10, 20, true, "+14155550120", "b");
    gone.deleted = true;
    batch.put_message(&gone).expect("deleted upstream");
    batch.commit().expect("commit");
    let page = store.conversations(None, 5).expect("list");
    assert_eq!(
        page.conversations[0].last_message.id, 1,
        "last message falls back"
    );
    assert_eq!(page.conversations[0].unread, 1);
    let mut batch = store.batch().expect("batch");
    batch.remove_message(1).expect("remove");
    batch.commit().expect("commit");
    assert!(store
        .conversations(None, 5)
        .expect("list")
        .conversations
        .is_empty());
}

#[test]
fn the_outbox_moves_pending_sending_sent_and_shows_in_the_thread() {
    let (_dir, mut store) = store();
    let mut batch = store.batch().expect("batch");
    batch
        .put_message(&message(1, 10, 30, true, "+14155550120", "hello?"))
        .expect("put");
    batch.commit().expect("commit");
    let item = store
        .queue_sms("(415) 555-0120", OWN, "on my way", t0())
        .expect("queued");
    assert_eq!(item.state, OutboxState::Pending);
    assert_eq!(item.to_number, "+14155550120");
    let thread = store.thread(10, None, 10).expect("thread");
    assert_eq!(thread.pending.len(), 1, "the thread shows the pending item");
    assert_eq!(
        store.conversations(None, 5).expect("list").conversations[0].pending,
        1
    );
    assert!(
        store.outbox_claim(&item, t0()).expect("begin").is_some(),
        "pending → sending"
    );
    assert!(
        store.outbox_claim(&item, t0()).expect("again").is_none(),
        "only once"
    );
    let mut sent = message(99, 10, 0, false, "+14155550120", "on my way");
    sent.created = t0() + Duration::seconds(1);
    let claimed = store.outbox_item(item.id).expect("claimed");
    let mut batch = store.batch().expect("batch");
    batch.put_message(&sent).expect("message");
    batch.outbox_sent(&claimed, 99).expect("sent");
    batch.commit().expect("commit");
    let item = store.outbox_item(item.id).expect("item");
    assert_eq!(
        (item.state, item.message_id, item.attempts),
        (OutboxState::Sent, Some(99), 1)
    );
    assert!(store.open_outbox().expect("open").is_empty());
    assert!(matches!(
        store.queue_sms("hello", OWN, "x", t0()),
        Err(StoreError::Invalid { .. })
    ));
}
