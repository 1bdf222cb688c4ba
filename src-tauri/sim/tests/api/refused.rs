//! A simulator that refuses connections (nothing reaches it) and accepts them again at the same
//! address; with keep-alive off, every answer closes its connection.

use crate::common::config;
use ringcentral_sim::SimConfig;
use std::time::Duration;

#[tokio::test]
async fn refused_connections_reach_nothing_until_accepted_again() {
    let sim = ringdesk_testkit::sim::start(SimConfig {
        keep_alive: false,
        ..config()
    })
    .await;
    let server = &sim.credentials().server_url;
    // Answered 401 without a token, and logged (the log leaves itself out).
    let url = format!("{server}{}", crate::common::EXT);
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap_or_default();
    let first = http
        .get(&url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("serving: {e}"));
    assert_eq!(
        first
            .headers()
            .get("connection")
            .and_then(|v| v.to_str().ok()),
        Some("close"),
        "keep-alive off: the answer closes its connection"
    );
    sim.refuse_connections().await;
    let refused = http.get(&url).send().await;
    assert!(
        refused.as_ref().is_err_and(reqwest::Error::is_connect),
        "the connection is refused: nothing was sent ({refused:?})"
    );
    sim.accept_connections()
        .await
        .unwrap_or_else(|e| panic!("listens again at its address: {e}"));
    let log: serde_json::Value = http
        .get(format!("{server}/sim/requests"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("serving again: {e}"))
        .json()
        .await
        .unwrap_or_default();
    let probes = log["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["path"] == crate::common::EXT)
        .count();
    assert_eq!(
        probes, 1,
        "only the first request reached the simulator: {log}"
    );
}

#[tokio::test]
async fn a_websocket_upgrade_still_works_without_keep_alive() {
    let (_sim, api) = crate::common::logged_in(SimConfig {
        keep_alive: false,
        ..config()
    })
    .await;
    let ticket = api
        .post("/restapi/oauth/wstoken", serde_json::json!({}))
        .await;
    let url = format!(
        "{}?access_token={}",
        ticket.json["uri"].as_str().unwrap_or(""),
        ticket.json["ws_access_token"].as_str().unwrap_or("")
    );
    let connected = tokio_tungstenite::connect_async(url).await;
    assert!(
        connected.is_ok(),
        "the upgrade keeps its Connection header: {:?}",
        connected.err()
    );
}
