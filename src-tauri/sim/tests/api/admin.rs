//! The admin API: faults, request log, reset.

use crate::common::{config, logged_in, EXT};
use reqwest::Method;
use ringdesk_testkit::Fault;
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::test]
async fn faults_status_delay_drop_and_malformed() {
    let (_sim, api) = logged_in(config()).await;
    let path = format!("{EXT}/presence");
    let admin = api.admin();
    admin
        .arm(Fault::on("GET", &path).times(2).status(503).retry_after(7))
        .await;
    let first = api.get(&path).await;
    assert_eq!(
        (first.status, first.code(), first.header("retry-after")),
        (503, "CMN-211", Some("7")),
        "injected 503 with a RingCentral body"
    );
    assert_eq!(api.get(&path).await.status, 503, "second match");
    assert_eq!(api.get(&path).await.status, 200, "then back to normal");
    admin.arm(Fault::any(&path).delay_ms(400)).await;
    let started = Instant::now();
    assert_eq!(
        api.get(&path).await.status,
        200,
        "a delay alone still answers"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "after the delay"
    );
    admin.arm(Fault::any(&path).drop_connection()).await;
    let dropped = api
        .http
        .get(format!("{}{path}", api.creds.server_url))
        .bearer_auth(api.token.clone().unwrap_or_default())
        .send()
        .await;
    assert!(
        dropped.is_err(),
        "a dropped connection gives the client no response"
    );
    admin.arm(Fault::any(&path).malformed()).await;
    let garbled = api
        .http
        .get(format!("{}{path}", api.creds.server_url))
        .bearer_auth(api.token.clone().unwrap_or_default())
        .send()
        .await;
    let text = match garbled {
        Ok(r) => r.text().await.unwrap_or_default(),
        Err(e) => panic!("malformed answers still arrive: {e}"),
    };
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "the body is not valid JSON: {text}"
    );
    let bad = admin
        .send(Method::POST, "/sim/faults", json!({ "path": "no-slash" }))
        .await;
    assert_eq!(bad.status, 400, "fault paths must start with /");
    let unknown = admin
        .send(
            Method::POST,
            "/sim/faults",
            json!({ "path": "/x", "colour": "red" }),
        )
        .await;
    assert_eq!(unknown.status, 400, "unknown fault fields are refused");
}

#[tokio::test]
async fn request_log_and_reset() {
    let (_sim, api) = logged_in(config()).await;
    api.get(&format!("{EXT}/call-log?perPage=3")).await;
    let admin = api.admin();
    let log = admin.send(Method::GET, "/sim/requests", json!(null)).await;
    let entries = log.json["requests"].as_array().cloned().unwrap_or_default();
    let call_log = entries
        .iter()
        .find(|e| e["path"] == "/restapi/v1.0/account/~/extension/~/call-log");
    let entry = call_log.unwrap_or_else(|| panic!("the call-log request is logged: {entries:?}"));
    assert_eq!(
        (
            entry["method"].as_str(),
            entry["query"].as_str(),
            entry["status"].as_i64()
        ),
        (Some("GET"), Some("perPage=3"), Some(200)),
        "method, query and status"
    );
    assert!(entry["timestamp"].is_string(), "with a timestamp");
    let since = entry["seq"].as_u64().unwrap_or(0);
    let later = admin
        .send(
            Method::GET,
            &format!("/sim/requests?since={since}"),
            json!(null),
        )
        .await;
    assert!(
        later.json["requests"]
            .as_array()
            .is_some_and(|r| r.iter().all(|e| e["seq"].as_u64() > Some(since))),
        "since filters"
    );
    let before = api
        .get(&format!("{EXT}/message-store?perPage=1000"))
        .await
        .json["paging"]["totalElements"]
        .clone();
    admin.inbound_sms("+14155550127", "to be reset").await;
    let reset = admin.send(Method::POST, "/sim/reset", json!({})).await;
    assert_eq!(reset.status, 200, "reset");
    assert_eq!(
        api.get(&format!("{EXT}/message-store?perPage=1000"))
            .await
            .json["paging"]["totalElements"],
        before,
        "messages are back to the seed"
    );
    assert_eq!(
        api.get(EXT).await.status,
        200,
        "sessions survive a plain reset"
    );
    admin.reset(true).await;
    assert_eq!(
        api.get(EXT).await.status,
        401,
        "reset with sessions ends them"
    );
}
