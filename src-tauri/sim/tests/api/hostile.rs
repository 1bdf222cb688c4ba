//! Every endpoint against hostile input: wrong JSON shapes and types, deep nesting, huge strings,
//! junk query values. Each must get a RingCentral-shaped answer below 500 (a panic would drop the
//! connection and fail the request).

use crate::common::{config, logged_in};
use reqwest::Method;
use ringcentral_sim::ENDPOINTS;
use serde_json::{json, Value};

fn bodies() -> Vec<Value> {
    let mut deep = json!(1);
    for _ in 0..300 {
        deep = json!([deep]);
    }
    vec![
        Value::Null,
        json!([]),
        json!({}),
        json!("text"),
        json!(42),
        json!({ "from": [], "to": {}, "text": 5, "readStatus": 1, "eventFilters": "x", "phoneNumber": null }),
        json!({ "from": { "phoneNumber": "+1".repeat(5000) }, "to": [{ "phoneNumber": "+14155550120" }], "text": "x".repeat(100_000) }),
        json!({ "firstName": { "nested": true }, "email": ["a"], "birthday": "tomorrow", "webPage": "::" }),
        json!([{ "resourceId": 5, "body": "x" }]),
        deep,
    ]
}

const QUERIES: &[&str] = &[
    "page=-5&perPage=1e9",
    "dateFrom=2026-13-45T99:99:99Z&dateTo=%00",
    "syncType=Sometimes&syncToken=%FF%FE",
    "messageType=&direction=,,,&readStatus=Read,Unread,Maybe",
    "conversationId=1e400&distinctConversations=1",
    "view=&perPage=max&type=Voice&type=Fax&type=Sms",
    "recordCount=-1&statusGroup=Nope&pageId=abc",
    "startsWith=%F0%9F%98%80&sortBy=Shoe&phoneNumber=%2B",
];

#[tokio::test]
async fn no_endpoint_fails_on_hostile_input() {
    let (_sim, api) = logged_in(config()).await;
    for e in ENDPOINTS.iter().filter(|e| !e.path().ends_with("/revoke")) {
        let path = e
            .path()
            .replace("{accountId}", "~")
            .replace("{extensionId}", "~")
            .replace('{', "1")
            .replace('}', "");
        let method = Method::from_bytes(e.method().as_bytes()).unwrap_or(Method::GET);
        if e.method() == "GET" || e.method() == "DELETE" {
            for q in QUERIES {
                let reply = api.send(method.clone(), &format!("{path}?{q}"), None).await;
                assert!(
                    reply.status < 500,
                    "{} {path}?{q} → {}: {}",
                    e.method(),
                    reply.status,
                    reply.text
                );
            }
        } else {
            for body in bodies() {
                let reply = api.send(method.clone(), &path, Some(body.clone())).await;
                assert!(
                    reply.status < 500,
                    "{} {path} with {:.80} → {}: {}",
                    e.method(),
                    body.to_string(),
                    reply.status,
                    reply.text
                );
            }
        }
    }
    assert_eq!(
        api.get("/restapi/v1.0/account/~/extension/~").await.status,
        200,
        "the token survived it all"
    );
}
