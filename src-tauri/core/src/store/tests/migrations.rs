//! Migrations: from an empty file, from every earlier version, and a newer file refused intact.

use rusqlite::Connection;

use super::fixtures::{call, contact, message, us};
use crate::store::{ContactSource, Direction, Store, StoreError, SCHEMA_VERSION};

#[test]
fn an_empty_file_migrates_to_the_latest_schema() {
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let path = dir.path().join("nested/dir/empty.sqlite3");
    let store = Store::open(&path, us()).expect("a new file in a new folder opens");
    assert_eq!(store.schema_version().ok(), Some(SCHEMA_VERSION));
    store
        .check_integrity()
        .expect("a fresh schema is consistent");
    drop(store);
    let again = Store::open(&path, us()).expect("reopening the latest schema is a no-op");
    assert_eq!(again.schema_version().ok(), Some(SCHEMA_VERSION));
}

/// Data written at each earlier version survives the upgrade and becomes searchable.
#[test]
fn every_earlier_version_upgrades_with_its_data() {
    for version in 1..SCHEMA_VERSION {
        let dir = tempfile::TempDir::new().expect("a temp dir");
        let path = dir.path().join("old.sqlite3");
        {
            let old = Store::open_at_version(&path, us(), version).expect("an old schema builds");
            assert_eq!(old.schema_version().ok(), Some(version));
        }
        // Write as the old binary would have: plain SQL against the old tables.
        let conn = Connection::open(&path).expect("reopen raw");
        conn.execute_batch(
            "INSERT INTO contacts (id, source, remote_id, first_name, last_name, company, updated_at)
                 VALUES (7, 'personal', '77', 'Ada', 'Lovelace', 'Analytical', 0);
             INSERT INTO contact_numbers (contact_id, match_key, label) VALUES (7, '+14155550120', 'mobile');
             INSERT INTO calls (remote_id, start_time, direction, peer_key, peer_number, peer_name)
                 VALUES ('C1', 1000, 'inbound', '+14155550120', '+14155550120', 'ADA L');
             INSERT INTO messages (id, conversation_id, direction, created, modified, peer_key, text, read)
                 VALUES (5, 9, 'inbound', 1000, 1000, '+14155550120', 'engine ready', 0);",
        )
        .expect("old-schema rows insert");
        if version >= 3 {
            // From v3 on, the binary also registers every number it stores for search.
            conn.execute_batch(
                "INSERT INTO numbers (match_key, e164_digits, national_digits, reversed_digits, name)
                     VALUES ('+14155550120', '14155550120', '4155550120', '02105551441', 'ADA L');",
            )
            .expect("v3 numbers row inserts");
        }
        drop(conn);
        let store = Store::open(&path, us()).expect("an old file upgrades");
        assert_eq!(
            store.schema_version().ok(),
            Some(SCHEMA_VERSION),
            "from v{version}"
        );
        store
            .check_integrity()
            .expect("upgraded file is consistent");
        let found = store
            .search("lovel", 10)
            .expect("search works after upgrade");
        assert_eq!(
            found.contacts.len(),
            1,
            "old contacts are indexed (from v{version})"
        );
        assert_eq!(
            found.calls.len(),
            1,
            "old calls match the old contact (from v{version})"
        );
        let by_number = store.search("415 555", 10).expect("number search");
        assert_eq!(
            by_number.calls.len(),
            1,
            "old numbers get digits (from v{version})"
        );
        let by_text = store.search("engine", 10).expect("text search");
        assert_eq!(
            by_text.messages.len(),
            1,
            "old messages are indexed (from v{version})"
        );
        let conversations = store.conversations(None, 10).expect("conversations");
        assert_eq!(
            conversations.conversations[0].unread, 1,
            "triggers kept counts"
        );
    }
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let path = dir.path().join("future.sqlite3");
    let mut store = Store::open(&path, us()).expect("opens");
    let mut batch = store.batch().expect("batch");
    batch
        .put_call(&call("C1", 5, Direction::Inbound, "+14155550120", "Ada"))
        .expect("put");
    batch.commit().expect("commit");
    drop(store);
    let future = SCHEMA_VERSION + 1;
    Connection::open(&path)
        .and_then(|c| c.pragma_update(None, "user_version", future))
        .expect("pretend a newer ringdesk wrote it");
    let before = std::fs::read(&path).expect("read file");
    match Store::open(&path, us()) {
        Err(StoreError::NewerSchema { found, known, .. }) => {
            assert_eq!((found, known), (future, SCHEMA_VERSION));
        }
        other => panic!("a newer schema must be refused, got {other:?}"),
    }
    let after = std::fs::read(&path).expect("read file");
    assert!(
        before == after,
        "the refused file is byte-for-byte unchanged"
    );
    let message = StoreError::NewerSchema {
        path: path.clone(),
        found: future,
        known: SCHEMA_VERSION,
    };
    assert!(
        message.to_string().contains("newer"),
        "the message says why"
    );
    assert!(!message.hint().is_empty(), "and what to do");
}

#[test]
fn contacts_round_trip_with_numbers_matched() {
    let (_dir, mut store) = super::fixtures::store();
    let mut batch = store.batch().expect("batch");
    batch
        .put_contact(
            ContactSource::Personal,
            &contact(
                Some("1"),
                "Ada",
                "Lovelace",
                "Analytical",
                &["(415) 555-0120"],
            ),
            1,
        )
        .expect("put contact");
    batch
        .put_message(&message(1, 9, 3, true, "+14155550120", "hi"))
        .expect("put message");
    batch.commit().expect("commit");
    let page = store.conversations(None, 10).expect("conversations");
    let peer = &page.conversations[0].last_message.peer;
    assert_eq!(
        peer.key.as_deref(),
        Some("+14155550120"),
        "stored under E.164"
    );
    assert_eq!(
        peer.display_name(),
        "Ada Lovelace",
        "matched to the contact by number"
    );
}

#[test]
fn connections_opening_a_new_file_at_once_all_succeed() {
    // The window, its background sync and a CLI can all open a fresh cache at the same moment.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("race.sqlite3");
    let country = crate::phone::Country::united_states();
    let openers: Vec<_> = (0..6)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || Store::open(&path, country).map(|s| s.schema_version()))
        })
        .collect();
    for opener in openers {
        let version = opener.join().expect("no panic");
        let version = version
            .expect("every concurrent open succeeds")
            .expect("version");
        assert_eq!(
            version, SCHEMA_VERSION,
            "each connection sees the full schema"
        );
    }
}

/// Schema 14 rebuilds `contacts` (a new source, SuiteDash): with foreign keys on, dropping the old
/// table would have deleted every contact number; they all survive, and so do the ids.
#[test]
fn the_contacts_rebuild_keeps_every_number_and_id() {
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let path = dir.path().join("v13.sqlite3");
    drop(Store::open_at_version(&path, us(), 13).expect("a version 13 file"));
    let conn = Connection::open(&path).expect("reopen raw");
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         INSERT INTO contacts (id, source, remote_id, first_name, last_name, updated_at)
             VALUES (3, 'local', NULL, 'Ana', 'Silva', 1000), (9, 'personal', '99', 'Bo', 'Chen', 2000);
         INSERT INTO contact_numbers (contact_id, match_key, label)
             VALUES (3, '+14155550101', 'mobile'), (9, '+14155550102', 'work'), (9, '+14155550103', 'home');",
    )
    .expect("version 13 rows");
    drop(conn);
    let store = Store::open(&path, us()).expect("upgraded");
    store.check_integrity().expect("consistent");
    let numbers: i64 = store
        .conn
        .query_row("SELECT count(*) FROM contact_numbers", [], |row| row.get(0))
        .expect("count");
    assert_eq!(numbers, 3, "no number lost to the rebuild");
    let bo = store.contact_entry(9).expect("same id");
    assert_eq!(bo.numbers.len(), 2);
    let created: i64 = store
        .conn
        .query_row("SELECT created_at FROM contacts WHERE id = 3", [], |row| {
            row.get(0)
        })
        .expect("created_at");
    assert_eq!(
        created, 1000,
        "an old contact counts as created when last updated"
    );
    let foreign_keys: i64 = store
        .conn
        .query_row("PRAGMA foreign_keys", [], |row| row.get(0))
        .expect("pragma");
    assert_eq!(
        foreign_keys, 1,
        "foreign keys are back on after the rebuild"
    );
    assert_eq!(
        store.search("silva", 5).expect("search").contacts.len(),
        1,
        "the full-text index still finds them"
    );
}
