//! What a sync should have fetched, and what it stored: the record ids RingCentral holds for a
//! feed (read through plain page-number navigation, not the sync engine's ways), and the ids a
//! cache file holds (read straight from SQLite), so a test compares the two sets.

use std::collections::BTreeSet;

use chrono::{Duration, Utc};
use ringdesk_core::api::{call_log, contacts, directory, message_store, Call, Client, Pages};
use ringdesk_core::store::{Feed, Store};
use serde_json::Value;

/// Every id RingCentral holds for `feed`: call-log records, SMS, personal contacts or directory
/// entries (all of them, from the year 2000 to tomorrow where the listing takes dates).
pub async fn upstream_ids(client: &Client, feed: Feed) -> BTreeSet<String> {
    let tomorrow = (Utc::now() + Duration::days(1)).to_rfc3339();
    let call = match feed {
        Feed::CallLog => Call::new(&call_log::READ_CALL_LOG, &[])
            .query("dateFrom", "2000-01-01T00:00:00Z")
            .query("dateTo", tomorrow),
        Feed::Messages => Call::new(&message_store::LIST_MESSAGES, &[])
            .query("messageType", "SMS")
            .query("dateFrom", "2000-01-01T00:00:00Z")
            .query("dateTo", tomorrow),
        Feed::Contacts => Call::new(&contacts::LIST_CONTACTS, &[]),
        Feed::Directory => Call::new(&directory::LIST_DIRECTORY, &[]),
    };
    let mut pages: Pages<Value> = Pages::new(client.clone(), call.query("perPage", 1000));
    let mut ids = BTreeSet::new();
    while let Some(page) = pages.next_page().await.expect("an oracle page") {
        for record in page.records {
            ids.insert(match &record["id"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
        }
    }
    ids
}

/// The ids `store` holds for `feed`; panics when one is stored twice.
pub fn cached_ids(store: &Store, feed: Feed) -> BTreeSet<String> {
    let sql = match feed {
        Feed::CallLog => "SELECT remote_id FROM calls",
        Feed::Messages => "SELECT CAST(id AS TEXT) FROM messages",
        Feed::Contacts => "SELECT remote_id FROM contacts WHERE source = 'personal'",
        Feed::Directory => "SELECT remote_id FROM contacts WHERE source = 'directory'",
    };
    let conn = rusqlite::Connection::open(store.path()).expect("read the cache directly");
    let mut stmt = conn.prepare(sql).expect("query");
    let ids: Vec<String> = stmt
        .query_map([], |row| row.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("ids");
    let unique: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(unique.len(), ids.len(), "no {feed:?} row is stored twice");
    unique
}
