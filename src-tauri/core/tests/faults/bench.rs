//! One simulator per test and what the cells read it with: its admin API, and an oracle client
//! of its own (never faulted, never warped) that counts what RingCentral holds.

use std::time::Duration;

use chrono::{DateTime, Utc};
use ringcentral_sim::{RunningSim, SimConfig};
use ringdesk_core::api::{call_log, message_store, presence, Call, Pages};
use ringdesk_testkit::signin::{jwt_client, quick, TestClient};
use ringdesk_testkit::sim::{sim, unlimited};
use ringdesk_testkit::SimAdmin;
use serde_json::Value;
use tokio::time::Instant;

/// A simulator with its admin API and the oracle.
pub struct Bench {
    /// The simulator.
    pub sim: RunningSim,
    /// Its admin API.
    pub admin: SimAdmin,
    /// A client that only reads, to check what RingCentral holds.
    pub oracle: TestClient,
}

impl Bench {
    /// A fast simulator with `change` applied: limits that never bind, room for a session per
    /// cell, and no keep-alive (so refused connections leave no idle one to slip through).
    pub async fn start(change: impl FnOnce(&mut SimConfig)) -> Self {
        let sim = sim(|config| {
            config.rate_limits = unlimited();
            config.max_sessions = 1000;
            config.keep_alive = false;
            change(config);
        })
        .await;
        Self {
            admin: SimAdmin::of(&sim),
            oracle: jwt_client(&sim, quick()).await,
            sim,
        }
    }

    /// Waits until no call is live (every placed RingOut has ended and is in the call log).
    pub async fn calls_ended(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let call = Call::new(&presence::READ_PRESENCE, &[]);
            let now: Value = self.oracle.fetch(call).await.expect("presence");
            if now["telephonyStatus"] == "NoCall" {
                return;
            }
            assert!(Instant::now() < deadline, "a call never ended: {now}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// How many calls to `callee` the call log holds since `since` (call once they ended).
    pub async fn calls_to(&self, callee: &str, since: DateTime<Utc>) -> usize {
        let call = Call::new(&call_log::READ_CALL_LOG, &[])
            .query(
                "dateFrom",
                (since - chrono::Duration::seconds(5)).to_rfc3339(),
            )
            .query("perPage", 1000);
        let records = self.records(call).await;
        records
            .iter()
            .filter(|r| r["to"]["phoneNumber"] == callee)
            .count()
    }

    /// The ids of the outbound texts saying `text` the message store holds since `since`.
    pub async fn texts_saying(&self, text: &str, since: DateTime<Utc>) -> Vec<String> {
        let call = Call::new(&message_store::LIST_MESSAGES, &[])
            .query("direction", "Outbound")
            .query(
                "dateFrom",
                (since - chrono::Duration::minutes(1)).to_rfc3339(),
            )
            .query("perPage", 1000);
        let records = self.records(call).await;
        records
            .iter()
            .filter(|m| m["subject"] == text)
            .map(|m| m["id"].to_string())
            .collect()
    }

    async fn records(&self, call: Call) -> Vec<Value> {
        let mut pages: Pages<Value> = Pages::new(self.oracle.client(), call);
        let mut records = Vec::new();
        while let Some(page) = pages.next_page().await.expect("an oracle page") {
            records.extend(page.records);
        }
        records
    }
}
