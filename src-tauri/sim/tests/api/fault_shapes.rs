//! Faults that make the simulator say what a server should not: extra headers, a patched body,
//! and an error answer after the request was handled (a proxy that forwarded it).

use crate::common::{config, logged_in, Api, EXT};
use reqwest::Method;
use serde_json::{json, Value};

/// A GET whose answer is not validated against the spec (it is deliberately wrong).
async fn raw_get(api: &Api, path: &str) -> (u16, reqwest::header::HeaderMap, Value) {
    let response = api
        .http
        .get(format!("{}{path}", api.creds.server_url))
        .bearer_auth(api.token.clone().unwrap_or_default())
        .send()
        .await
        .unwrap_or_else(|e| panic!("answers: {e}"));
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, headers, body)
}

#[tokio::test]
async fn headers_and_patches_change_the_answer_the_handler_gave() {
    let (_sim, api) = logged_in(config()).await;
    let path = format!("{EXT}/phone-number");
    let armed = api
        .admin()
        .send(
            Method::POST,
            "/sim/faults",
            json!({
                "path": path,
                "count": 2,
                "headers": { "X-Rate-Limit-Window": "18446744073709551615" },
                "patch": {
                    "navigation": { "nextPage": { "uri": "https://elsewhere.example/next" } },
                    "paging": { "perPage": 18446744073709551615u64 }
                }
            }),
        )
        .await;
    assert_eq!(armed.status, 200, "{}", armed.text);
    let (status, headers, body) = raw_get(&api, &path).await;
    assert_eq!(status, 200, "the handler still answers");
    assert_eq!(
        headers
            .get("x-rate-limit-window")
            .and_then(|v| v.to_str().ok()),
        Some("18446744073709551615"),
        "the header is replaced"
    );
    assert_eq!(
        body["navigation"]["nextPage"]["uri"], "https://elsewhere.example/next",
        "the link is patched in"
    );
    assert_eq!(body["paging"]["perPage"], json!(18446744073709551615u64));
    assert!(
        body["records"].as_array().is_some_and(|r| !r.is_empty()),
        "the rest of the answer is the handler's"
    );
    let (_, _, again) = raw_get(&api, &path).await;
    assert_eq!(again["paging"]["perPage"], json!(18446744073709551615u64));
    let (_, headers, normal) = raw_get(&api, &path).await;
    assert_ne!(
        normal["paging"]["perPage"],
        json!(18446744073709551615u64),
        "count exhausted"
    );
    assert_ne!(
        headers
            .get("x-rate-limit-window")
            .and_then(|v| v.to_str().ok()),
        Some("18446744073709551615")
    );
    let bad = api
        .admin()
        .send(
            Method::POST,
            "/sim/faults",
            json!({ "path": "/x", "headers": { "bad name": "v" } }),
        )
        .await;
    assert_eq!(bad.status, 400, "header names are checked when armed");
}

#[tokio::test]
async fn a_processed_fault_answers_with_an_error_after_the_handler_ran() {
    let (_sim, api) = logged_in(config()).await;
    let numbers = api.get(&format!("{EXT}/phone-number")).await;
    let from = numbers.json["records"]
        .as_array()
        .and_then(|records| {
            records.iter().find(|r| {
                r["features"]
                    .as_array()
                    .is_some_and(|f| f.iter().any(|x| x == "SmsSender"))
            })
        })
        .and_then(|r| r["phoneNumber"].as_str())
        .unwrap_or_default()
        .to_string();
    api.admin().send(Method::POST,
        "/sim/faults",
        json!({ "method": "POST", "path": format!("{EXT}/sms"), "status": 503, "processed": true }),
    )
    .await;
    let text = "sent behind a proxy's 503";
    let reply = api
        .post(
            &format!("{EXT}/sms"),
            json!({ "from": {"phoneNumber": from}, "to": [{"phoneNumber": "+16505550123"}], "text": text }),
        )
        .await;
    assert_eq!(reply.status, 503, "the client sees the proxy's error");
    let store = api
        .get(&format!(
            "{EXT}/message-store?direction=Outbound&perPage=1000"
        ))
        .await;
    let copies = store.json["records"]
        .as_array()
        .map(|records| records.iter().filter(|m| m["subject"] == text).count())
        .unwrap_or_default();
    assert_eq!(copies, 1, "yet the text was sent");
}
