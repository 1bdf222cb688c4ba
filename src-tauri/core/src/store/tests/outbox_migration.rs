//! Schema 5: an outbox item claimed by an older ringdesk keeps its claim time as the time its
//! sender was last alive, and the history still to fetch (once `sync_frames`) is in `sync_spans`.

use rusqlite::Connection;

use super::fixtures::us;
use crate::store::{Feed, OutboxState, SpanPurpose, Store, SCHEMA_VERSION};

#[test]
fn claims_and_spans_survive_the_upgrade_from_version_4() {
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let path = dir.path().join("v4.sqlite3");
    drop(Store::open_at_version(&path, us(), 4).expect("a version 4 file"));
    Connection::open(&path)
        .expect("reopen raw")
        .execute_batch(
            "INSERT INTO outbox (id, peer_key, to_number, from_number, text, created, state,
                                 attempts, last_attempt)
                 VALUES (1, '+14155550120', '+14155550120', '+16505550101', 'hi', 1000,
                         'sending', 1, 2000);
             INSERT INTO sync_frames (feed, purpose, date_from, date_to)
                 VALUES ('call_log', 'backfill', 1000, 5000);",
        )
        .expect("version 4 rows");

    let store = Store::open(&path, us()).expect("upgraded");
    assert_eq!(store.schema_version().ok(), Some(SCHEMA_VERSION));
    let item = store.outbox_item(1).expect("the item");
    assert_eq!(item.state, OutboxState::Sending);
    assert_eq!(
        item.alive_at, item.last_attempt,
        "an old claim counts its grace from when it was made"
    );
    let spans = store.spans(Feed::CallLog).expect("spans");
    assert_eq!(spans.len(), 1, "the span kept: {spans:?}");
    assert_eq!(spans[0].purpose, SpanPurpose::Backfill);
}
