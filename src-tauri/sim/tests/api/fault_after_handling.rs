//! Faults that strike after the request was handled (`processed`): a connection dropped, or an
//! answer late, once the text is already sent; and a gateway's HTML error page.

use crate::common::{config, logged_in, Api, EXT};
use reqwest::Method;
use serde_json::json;
use std::time::Duration;

/// The outbound texts in the message store whose text is `text`.
async fn copies(api: &Api, text: &str) -> usize {
    let store = api
        .get(&format!(
            "{EXT}/message-store?direction=Outbound&perPage=1000"
        ))
        .await;
    store.json["records"]
        .as_array()
        .map(|records| records.iter().filter(|m| m["subject"] == text).count())
        .unwrap_or_default()
}

/// Sends `text` with a client that gives up after `timeout`; the error, if no answer came.
async fn send(api: &Api, text: &str, timeout: Duration) -> Result<u16, reqwest::Error> {
    let body = json!({ "from": {"phoneNumber": "+16505550101"}, "to": [{"phoneNumber": "+14155550123"}], "text": text });
    let response = api
        .http
        .post(format!("{}{EXT}/sms", api.creds.server_url))
        .bearer_auth(api.token.clone().unwrap_or_default())
        .timeout(timeout)
        .json(&body)
        .send()
        .await?;
    Ok(response.status().as_u16())
}

async fn arm(api: &Api, fault: serde_json::Value) {
    let armed = api.admin().send(Method::POST, "/sim/faults", fault).await;
    assert_eq!(armed.status, 200, "armed: {}", armed.text);
}

#[tokio::test]
async fn a_processed_drop_loses_the_answer_to_a_text_that_was_sent() {
    let (_sim, api) = logged_in(config()).await;
    arm(
        &api,
        json!({ "method": "POST", "path": format!("{EXT}/sms"), "drop": true, "processed": true }),
    )
    .await;
    let text = "sent, then the connection dropped";
    let sent = send(&api, text, Duration::from_secs(10)).await;
    assert!(sent.is_err(), "no answer reaches the client: {sent:?}");
    assert_eq!(copies(&api, text).await, 1, "yet the text was sent, once");
    let log = api
        .admin()
        .send(Method::GET, "/sim/requests", json!(null))
        .await;
    let dropped = log.json["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|e| e["path"] == format!("{EXT}/sms") && e["status"] == 0 && e["fault"] == "drop");
    assert!(dropped, "the log shows the dropped answer: {}", log.text);
}

#[tokio::test]
async fn a_processed_delay_answers_late_for_a_text_already_sent() {
    let (_sim, api) = logged_in(config()).await;
    arm(
        &api,
        json!({ "method": "POST", "path": format!("{EXT}/sms"), "delay_ms": 3000, "processed": true }),
    )
    .await;
    let text = "sent at once, answered late";
    let sent = send(&api, text, Duration::from_millis(500)).await;
    assert!(
        sent.as_ref().is_err_and(reqwest::Error::is_timeout),
        "the client gave up waiting: {sent:?}"
    );
    assert_eq!(
        copies(&api, text).await,
        1,
        "the text went before the answer was held back"
    );
}

#[tokio::test]
async fn an_html_fault_answers_a_gateway_page_and_handles_nothing() {
    let (_sim, api) = logged_in(config()).await;
    arm(
        &api,
        json!({ "method": "POST", "path": format!("{EXT}/sms"), "status": 502, "html": true, "retry_after": 5 }),
    )
    .await;
    let text = "turned away by the gateway";
    let body = json!({ "from": {"phoneNumber": "+16505550101"}, "to": [{"phoneNumber": "+14155550123"}], "text": text });
    let response = api
        .http
        .post(format!("{}{EXT}/sms", api.creds.server_url))
        .bearer_auth(api.token.clone().unwrap_or_default())
        .json(&body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("the gateway answers: {e}"));
    assert_eq!(response.status().as_u16(), 502);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(
        (header("content-type"), header("retry-after")),
        (Some("text/html".to_owned()), Some("5".to_owned())),
        "an HTML page, with the fault's Retry-After"
    );
    let page = response.text().await.unwrap_or_default();
    assert!(
        page.starts_with("<html>") && page.contains("502 Bad Gateway"),
        "a gateway's page, not JSON: {page}"
    );
    assert_eq!(copies(&api, text).await, 0, "the request was not handled");
}
