//! Extension, phone numbers, forwarding numbers, caller ID, presence, directory.

use crate::common::{config, logged_in, EXT};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn extension_and_numbers() {
    let (_sim, api) = logged_in(config()).await;
    let ext = api.get(EXT).await;
    assert_eq!(ext.status, 200, "extension info");
    assert_eq!(
        ext.json["id"].to_string(),
        api.creds.extension_id,
        "the extension of the token"
    );
    let numbers = api.get(&format!("{EXT}/phone-number")).await;
    let records = numbers.json["records"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let has = |f: &str| {
        records
            .iter()
            .filter(|r| {
                r["features"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|x| x == f))
            })
            .count()
    };
    assert!(
        has("SmsSender") >= 1 && has("CallerId") >= 1,
        "some numbers send SMS, some are caller IDs"
    );
    assert!(
        records
            .iter()
            .any(|r| r["features"].as_array().is_some_and(|a| a.is_empty())),
        "and some can do neither"
    );
    let fwd = api.get(&format!("{EXT}/forwarding-number")).await;
    assert!(
        fwd.json["records"].as_array().is_some_and(|a| a.len() >= 3),
        "ring-me-at candidates"
    );
    let created = api
        .post(
            &format!("{EXT}/forwarding-number"),
            json!({ "phoneNumber": "+14155550130", "label": "Car", "type": "Mobile" }),
        )
        .await;
    assert_eq!(
        created.status, 200,
        "a forwarding number can be added: {}",
        created.text
    );
    let caller_id = api.get(&format!("{EXT}/caller-id")).await;
    assert_eq!(caller_id.status, 200, "caller-id settings");
    assert_eq!(
        api.get("/restapi/v1.0/account/~/extension/123")
            .await
            .status,
        404,
        "unknown extension ids are 404"
    );
}

#[tokio::test]
async fn presence_read_and_update() {
    let (_sim, api) = logged_in(config()).await;
    assert_eq!(
        api.get(&format!("{EXT}/presence?detailedTelephonyState=true"))
            .await
            .json["userStatus"],
        "Available",
        "seeded presence"
    );
    let updated = api
        .send(
            Method::PUT,
            &format!("{EXT}/presence"),
            Some(json!({ "userStatus": "Busy", "message": "In a meeting" })),
        )
        .await;
    assert_eq!(
        (updated.status, updated.json["userStatus"].as_str()),
        (200, Some("Busy")),
        "presence can be set"
    );
    let bad = api
        .send(
            Method::PUT,
            &format!("{EXT}/presence"),
            Some(json!({ "userStatus": "Sleeping" })),
        )
        .await;
    assert_eq!(
        (bad.status, bad.code()),
        (400, "CMN-101"),
        "unknown statuses are refused"
    );
}

#[tokio::test]
async fn company_directory() {
    let (_sim, api) = logged_in(config()).await;
    let list = api
        .get("/restapi/v1.0/account/~/directory/entries?perPage=10")
        .await;
    let first = list.json["records"][1]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        list.json["records"].as_array().map(Vec::len),
        Some(10),
        "paged directory"
    );
    assert_eq!(
        api.get(&format!(
            "/restapi/v1.0/account/~/directory/entries/{first}"
        ))
        .await
        .json["id"],
        first.as_str(),
        "read one entry"
    );
    let missing = api
        .get("/restapi/v1.0/account/~/directory/entries/999")
        .await;
    assert_eq!(
        (missing.status, missing.code()),
        (404, "ADG-122"),
        "directory errors are ADG-"
    );
    let found = api
        .post(
            "/restapi/v1.0/account/~/directory/entries/search",
            json!({ "searchString": "jordan" }),
        )
        .await;
    assert!(
        found.json["records"]
            .as_array()
            .is_some_and(|r| !r.is_empty()),
        "search finds the user"
    );
}
