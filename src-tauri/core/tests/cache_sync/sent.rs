//! The simulator as the outbox tests use it: faults for the SMS endpoint, the outbound texts its
//! message store holds (counted by text), and its request log.

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use ringdesk_core::api::{message_store, Call};
use serde_json::{json, Value};

use super::support::World;

/// The SMS endpoint as the outbox posts to it.
pub const SMS_PATH: &str = "/restapi/v1.0/account/~/extension/~/sms";

/// Arms one fault per delay, in order, for the SMS endpoint: the n-th send waits `delays_ms[n]`
/// (one client for all, so that hundreds arm in a moment).
pub async fn delay_sends(world: &World, delays_ms: impl IntoIterator<Item = u64>) {
    let http = reqwest::Client::new();
    let url = format!("{}/sim/faults", world.sim.credentials().server_url);
    for delay_ms in delays_ms {
        let fault = json!({ "method": "POST", "path": SMS_PATH, "delay_ms": delay_ms });
        let armed = http
            .post(&url)
            .json(&fault)
            .send()
            .await
            .expect("fault armed");
        assert!(armed.status().is_success(), "the fault is accepted");
    }
}

/// How many copies of each outbound text of the last hour the simulator's message store holds.
pub async fn copies_at_the_sim(world: &World) -> BTreeMap<String, usize> {
    let listing: Value = world
        .upstream
        .client()
        .fetch(
            Call::new(&message_store::LIST_MESSAGES, &[])
                .query("direction", "Outbound")
                .query("dateFrom", (Utc::now() - Duration::hours(1)).to_rfc3339())
                .query("dateTo", (Utc::now() + Duration::hours(1)).to_rfc3339())
                .query("perPage", 1000),
        )
        .await
        .expect("message store");
    let mut copies = BTreeMap::new();
    for message in listing["records"].as_array().into_iter().flatten() {
        if let Some(text) = message["subject"].as_str() {
            *copies.entry(text.to_owned()).or_default() += 1;
        }
    }
    copies
}

/// Requests the simulator logged, as JSON (`GET /sim/requests`).
pub async fn requests(world: &World) -> Vec<Value> {
    let url = format!("{}/sim/requests", world.sim.credentials().server_url);
    let log: Value = reqwest::get(url)
        .await
        .expect("request log")
        .json()
        .await
        .expect("request log JSON");
    log["requests"].as_array().cloned().unwrap_or_default()
}

/// Asserts that the simulator holds each of `texts` exactly once.
pub async fn assert_each_once(world: &World, texts: &[String]) {
    let copies = copies_at_the_sim(world).await;
    let wrong: Vec<_> = texts
        .iter()
        .map(|t| (t, copies.get(t).copied().unwrap_or(0)))
        .filter(|(_, n)| *n != 1)
        .collect();
    assert!(
        wrong.is_empty(),
        "each text reaches RingCentral exactly once; these did not (text, copies): {wrong:?}"
    );
}
