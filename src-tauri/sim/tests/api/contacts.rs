//! Personal contacts CRUD and address-book sync.

use crate::common::{config, logged_in, EXT};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn crud_search_and_sync() {
    let (_sim, api) = logged_in(config()).await;
    let path = format!("{EXT}/address-book/contact");
    let list = api.get(&format!("{path}?perPage=10&sortBy=LastName")).await;
    assert_eq!(
        list.json["records"].as_array().map(Vec::len),
        Some(10),
        "seeded contacts, paged"
    );
    let full = api
        .get(&format!(
            "{EXT}/address-book-sync?syncType=FSync&perPage=25"
        ))
        .await;
    assert!(
        full.json["nextPageId"].is_number(),
        "40 contacts need a second FSync page"
    );
    let token = full.json["syncInfo"]["syncToken"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let created = api.post(&path, json!({ "firstName": "Ada", "lastName": "Lovelace", "mobilePhone": "+442079460199", "email": "ada@example.com", "businessAddress": { "city": "London" } })).await;
    assert_eq!(created.status, 200, "create: {}", created.text);
    let id = created.json["id"].as_i64().unwrap_or_default();
    let found = api.get(&format!("{path}?startsWith=lov")).await;
    assert!(
        found.json["records"]
            .as_array()
            .is_some_and(|r| r.iter().any(|c| c["id"].as_i64() == Some(id))),
        "startsWith finds her"
    );
    let by_phone = api
        .get(&format!("{path}?phoneNumber=%2B442079460199"))
        .await;
    assert_eq!(
        by_phone.json["records"][0]["id"].as_i64(),
        Some(id),
        "phoneNumber filter"
    );
    let patched = api
        .send(
            Method::PATCH,
            &format!("{path}/{id}"),
            Some(json!({ "company": "Analytical Engines" })),
        )
        .await;
    assert_eq!(
        (
            patched.json["company"].as_str(),
            patched.json["firstName"].as_str()
        ),
        (Some("Analytical Engines"), Some("Ada")),
        "PATCH keeps other fields"
    );
    let put = api
        .send(
            Method::PUT,
            &format!("{path}/{id}"),
            Some(json!({ "firstName": "Augusta" })),
        )
        .await;
    assert!(put.json["lastName"].is_null(), "PUT replaces all fields");
    assert_eq!(
        api.send(Method::DELETE, &format!("{path}/{id}"), None)
            .await
            .status,
        204,
        "delete"
    );
    assert_eq!(
        api.get(&format!("{path}/{id}")).await.status,
        404,
        "deleted contacts are gone"
    );
    let inc = api
        .get(&format!(
            "{EXT}/address-book-sync?syncType=ISync&syncToken={token}"
        ))
        .await;
    assert!(
        inc.json["records"].as_array().is_some_and(|r| r
            .iter()
            .any(|c| c["id"].as_i64() == Some(id) && c["availability"] == "Deleted")),
        "ISync reports the deletion"
    );
    let bad_email = api
        .post(&path, json!({ "firstName": "X", "email": "not-an-email" }))
        .await;
    assert_eq!(
        bad_email.json["errors"][0]["parameterName"], "email",
        "invalid emails are refused"
    );
    let wrong_type = api.post(&path, json!({ "firstName": 42 })).await;
    assert_eq!(
        (
            wrong_type.status,
            wrong_type.json["errors"][0]["parameterName"].as_str()
        ),
        (400, Some("firstName")),
        "wrong types name the field"
    );
}
