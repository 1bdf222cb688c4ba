//! Starting, describing and stopping a simulator in-process.

use crate::common::config;
use ringcentral_sim::SimCredentials;
use std::time::Duration;

async fn reachable(url: &str) -> bool {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap_or_default();
    client
        .get(format!("{url}/sim/requests"))
        .send()
        .await
        .is_ok()
}

#[tokio::test]
async fn credentials_line_shutdown_and_drop() {
    let sim = ringcentral_sim::start(config())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let creds = sim.credentials().clone();
    assert!(
        creds.server_url.starts_with("http://127.0.0.1:") && sim.addr().port() != 0,
        "port 0 picked a real port"
    );
    let line: SimCredentials = serde_json::from_str(&creds.to_json_line())
        .unwrap_or_else(|e| panic!("the startup line is JSON: {e}"));
    assert_eq!(line, creds, "the JSON line carries exactly the credentials");
    assert!(
        creds.main_number.starts_with('+') && !creds.jwt.is_empty(),
        "main number and JWT"
    );
    assert!(reachable(&creds.server_url).await, "serving");
    sim.shutdown().await;
    assert!(
        !reachable(&creds.server_url).await,
        "shutdown stops serving"
    );

    let dropped = ringcentral_sim::start(config())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let url = dropped.credentials().server_url.clone();
    drop(dropped);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        !reachable(&url).await,
        "dropping the handle stops serving too"
    );
}

#[tokio::test]
async fn a_taken_port_is_a_clean_error() {
    let first = ringcentral_sim::start(config())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let taken = ringcentral_sim::SimConfig {
        listen: first.addr(),
        ..config()
    };
    let second = ringcentral_sim::start(taken).await;
    assert!(
        matches!(second, Err(ringcentral_sim::SimError::Bind { .. })),
        "binding a used port fails with SimError::Bind"
    );
}
