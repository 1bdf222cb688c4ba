//! The `body` fault: the handler runs and keeps its status, but the answer's body is replaced by
//! JSON that parses and is not what the operation answers (a 200 a client cannot read).

use crate::common::{config, logged_in, EXT};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn a_body_fault_answers_the_handlers_status_with_another_body() {
    let (_sim, api) = logged_in(config()).await;
    let sms = format!("{EXT}/sms");
    api.admin().send(Method::POST,
        "/sim/faults",
        json!({ "method": "POST", "path": "/restapi/v1.0/account/~/extension/~/sms", "body": "{\"unexpected\":true}" }),
    )
    .await;
    let text = "stored although the answer is unreadable";
    let reply = api
        .post(
            &sms,
            json!({ "from": { "phoneNumber": "+16505550101" }, "to": [{ "phoneNumber": "+14155550120" }], "text": text }),
        )
        .await;
    assert_eq!(
        (reply.status, reply.json.clone()),
        (200, json!({ "unexpected": true })),
        "the handler's status with the injected body"
    );
    let stored = api
        .get(&format!(
            "{EXT}/message-store?direction=Outbound&phoneNumber=%2B14155550120"
        ))
        .await;
    let records = stored.json["records"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        records.iter().any(|m| m["subject"] == text),
        "the handler ran: the message is stored"
    );
    let log = api
        .admin()
        .send(Method::GET, "/sim/requests", json!(null))
        .await;
    let faulted = log.json["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|e| e["path"] == "/restapi/v1.0/account/~/extension/~/sms" && e["fault"] == "body");
    assert!(faulted, "the request log names the fault: {}", log.text);
}
