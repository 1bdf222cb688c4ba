//! A simulator, a signed-in upstream and a cache file for each test, plus an oracle that reads
//! the simulator's data through plain page-number navigation.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use chrono::{Duration, Utc};
use ringcentral_sim::{RunningSim, SimConfig};
use ringdesk_core::api::{call_log, message_store, Call, Pages};
use ringdesk_core::store::{Feed, Store};
use ringdesk_core::sync::{sync_all, RingCentral, SyncOptions, SyncReport};
use ringdesk_testkit::fixtures::us;
use ringdesk_testkit::oracle::{cached_ids, upstream_ids};
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

    /// A `ringdesk-cache-sync` child signed in to the world's simulator with its JWT, working
    /// on the world's cache with `args` added, its stdout piped.
    pub fn sync_child(&self, args: &[&str]) -> Child {
        let c = self.sim.credentials();
        Command::new(env!("CARGO_BIN_EXE_ringdesk-cache-sync"))
            .args([
                "--db",
                &self.db().to_string_lossy(),
                "--server",
                &c.server_url,
            ])
            .args([
                "--client-id",
                &c.client_id,
                "--client-secret",
                &c.client_secret,
            ])
            .args(args)
            .env("RINGDESK_SYNC_JWT", &c.jwt)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the sync child starts")
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
        upstream_ids(self.upstream.client(), Feed::CallLog).await
    }

    /// Every SMS id the simulator holds.
    pub async fn message_ids(&self) -> BTreeSet<String> {
        upstream_ids(self.upstream.client(), Feed::Messages).await
    }

    /// Every personal contact id.
    pub async fn contact_ids(&self) -> BTreeSet<String> {
        upstream_ids(self.upstream.client(), Feed::Contacts).await
    }

    /// Every directory entry id.
    pub async fn directory_ids(&self) -> BTreeSet<String> {
        upstream_ids(self.upstream.client(), Feed::Directory).await
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
        let mut pages: Pages<Value> = Pages::new(self.upstream.client().clone(), call);
        let mut ids = BTreeSet::new();
        while let Some(page) = pages.next_page().await.expect("oracle page") {
            ids.extend(
                page.records
                    .iter()
                    .filter_map(|r| r["id"].as_str().map(str::to_owned)),
            );
        }
        ids
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

/// The ids stored in a cache table (`calls`, `messages`, `personal` or `directory`).
pub fn stored_ids(store: &Store, table: &str) -> BTreeSet<String> {
    let feed = match table {
        "calls" => Feed::CallLog,
        "messages" => Feed::Messages,
        "personal" => Feed::Contacts,
        _ => Feed::Directory,
    };
    cached_ids(store, feed)
}
