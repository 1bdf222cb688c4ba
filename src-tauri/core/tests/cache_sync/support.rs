//! A simulator, a signed-in upstream and a cache file for each test, plus an oracle that reads
//! the simulator's data through plain page-number navigation.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{Duration, Utc};
use ringcentral_sim::{RunningSim, SimConfig};
use ringdesk_core::api::{call_log, contacts, directory, message_store, Call, Pages};
use ringdesk_core::store::Store;
use ringdesk_core::sync::{sync_all, RingCentral, SyncOptions, SyncReport};
use ringdesk_testkit::fixtures::us;
use ringdesk_testkit::signin::jwt_upstream;
use ringdesk_testkit::SimAdmin;
use serde_json::{json, Value};
use tempfile::TempDir;

/// Everything one test needs.
pub struct World {
    pub sim: RunningSim,
    /// The simulator's admin API.
    pub admin: SimAdmin,
    pub upstream: RingCentral,
    pub dir: TempDir,
}

/// A simulator started with `config`, an upstream signed in to it, and an empty folder for the
/// cache.
pub async fn world(config: SimConfig) -> World {
    let sim = ringdesk_testkit::sim::start(config).await;
    World {
        admin: SimAdmin::of(&sim),
        upstream: jwt_upstream(&sim).await,
        sim,
        dir: TempDir::new().expect("a temp dir"),
    }
}

impl World {
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("cache.sqlite3")
    }

    pub fn store(&self) -> Store {
        Store::open(&self.db(), us()).expect("cache opens")
    }

    pub async fn sync(&self, store: &mut Store) -> SyncReport {
        sync_all(
            store,
            &self.upstream,
            &SyncOptions::new(Utc::now()),
            &|_| {},
        )
        .await
        .expect("sync completes")
    }

    /// Every call-log id the simulator holds, read page by page (`page=N` navigation).
    pub async fn call_ids(&self) -> BTreeSet<String> {
        let call = Call::new(&call_log::READ_CALL_LOG, &[])
            .query("dateFrom", "2000-01-01T00:00:00Z")
            .query("dateTo", (Utc::now() + Duration::days(1)).to_rfc3339())
            .query("perPage", 1000);
        self.ids(call, "id").await
    }

    /// Every SMS id the simulator holds.
    pub async fn message_ids(&self) -> BTreeSet<String> {
        let call = Call::new(&message_store::LIST_MESSAGES, &[])
            .query("messageType", "SMS")
            .query("dateFrom", "2000-01-01T00:00:00Z")
            .query("dateTo", (Utc::now() + Duration::days(1)).to_rfc3339())
            .query("perPage", 1000);
        self.ids(call, "id").await
    }

    /// Every personal contact id.
    pub async fn contact_ids(&self) -> BTreeSet<String> {
        let call = Call::new(&contacts::LIST_CONTACTS, &[]).query("perPage", 1000);
        self.ids(call, "id").await
    }

    /// Every directory entry id.
    pub async fn directory_ids(&self) -> BTreeSet<String> {
        let call = Call::new(&directory::LIST_DIRECTORY, &[]).query("perPage", 1000);
        self.ids(call, "id").await
    }

    async fn ids(&self, call: Call, field: &str) -> BTreeSet<String> {
        let mut pages: Pages<Value> = Pages::new(self.upstream.client().clone(), call);
        let mut ids = BTreeSet::new();
        while let Some(page) = pages.next_page().await.expect("oracle page") {
            for record in page.records {
                let id = match &record[field] {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                ids.insert(id);
            }
        }
        ids
    }

    /// A message's `readStatus` upstream.
    pub async fn read_status(&self, id: i64) -> String {
        let call = Call::new(&message_store::READ_MESSAGE, &[&id.to_string()]);
        let message: Value = self
            .upstream
            .client()
            .fetch(call)
            .await
            .expect("read message");
        message["readStatus"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Call-log ids of the last hour.
    async fn recent_call_ids(&self) -> BTreeSet<String> {
        let call = Call::new(&call_log::READ_CALL_LOG, &[])
            .query("dateFrom", (Utc::now() - Duration::hours(1)).to_rfc3339())
            .query("perPage", 1000);
        self.ids(call, "id").await
    }

    /// The extension's SMS-capable number.
    pub async fn sms_number(&self) -> String {
        let numbers = ringdesk_core::api::phone_numbers::list_phone_numbers(self.upstream.client())
            .await
            .expect("phone numbers");
        let json = serde_json::to_value(&numbers).expect("numbers as JSON");
        json.as_array()
            .into_iter()
            .flatten()
            .find(|n| n.to_string().contains("SmsSender"))
            .and_then(|n| n["phoneNumber"].as_str().map(str::to_owned))
            .expect("an SmsSender number")
    }

    /// Places a RingOut and waits until it is in the call log.
    pub async fn place_call(&self, to: &str) {
        let before = self.recent_call_ids().await.len();
        let call = Call::new(&ringdesk_core::api::ringout::CREATE_RINGOUT, &[]).json(&json!({
            "from": { "phoneNumber": "+14155550100" },
            "to": { "phoneNumber": to },
            "playPrompt": false
        }));
        self.upstream
            .client()
            .send(call)
            .await
            .expect("RingOut placed");
        for _ in 0..100 {
            if self.recent_call_ids().await.len() > before {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("the RingOut never reached the call log");
    }
}

/// The ids stored in a cache table.
pub fn stored_ids(store: &Store, table: &str) -> BTreeSet<String> {
    let path = store.path().to_path_buf();
    let conn = rusqlite::Connection::open(path).expect("read the cache directly");
    let (column, filter) = match table {
        "calls" => ("remote_id", ""),
        "messages" => ("CAST(id AS TEXT)", ""),
        "personal" => ("remote_id", "WHERE source = 'personal'"),
        _ => ("remote_id", "WHERE source = 'directory'"),
    };
    let from = if table == "calls" || table == "messages" {
        table
    } else {
        "contacts"
    };
    let sql = format!("SELECT {column} FROM {from} {filter}");
    let mut stmt = conn.prepare(&sql).expect("query");
    let ids: Vec<String> = stmt
        .query_map([], |row| row.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("ids");
    let unique: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(unique.len(), ids.len(), "no {table} row is stored twice");
    unique
}
