//! SMS templates (company and personal, created, renamed, deleted) and opt-out: a customer who
//! texted STOP gets no texts (accepted, then failed with SMS-RC-413) until START.

use crate::common::{config, logged_in, poll, validate, EXT};
use reqwest::Method;
use serde_json::json;

const TEMPLATES: &str = "/restapi/v1.0/account/~/extension/~/message-store-templates";

#[tokio::test]
async fn templates_are_listed_created_renamed_and_deleted() {
    let (_sim, api) = logged_in(config()).await;
    let all = api.get(TEMPLATES).await;
    validate("GET", TEMPLATES, &all);
    let company = all.json["records"].as_array().cloned().unwrap_or_default();
    assert!(
        company.len() >= 2 && company.iter().all(|t| t["scope"] == "Company"),
        "the account's templates: {company:?}"
    );
    let body =
        json!({ "displayName": "On my way", "body": { "text": "On my way, see you soon." } });
    let created = api.post(TEMPLATES, body.clone()).await;
    assert_eq!(created.status, 201, "{}", created.text);
    validate("POST", TEMPLATES, &created);
    let id = created.json["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(created.json["scope"], "Personal");
    let twice = api.post(TEMPLATES, body).await;
    assert_eq!(twice.status, 400, "names are unique: {}", twice.text);
    let personal = api.get(&format!("{TEMPLATES}?scope=Personal")).await;
    assert_eq!(personal.json["records"].as_array().map(Vec::len), Some(1));
    let path = format!("{TEMPLATES}/{id}");
    let renamed = api
        .send(
            Method::PUT,
            &path,
            Some(json!({ "displayName": "Running late", "body": { "text": "Running 10 minutes late." } })),
        )
        .await;
    validate("PUT", &path, &renamed);
    assert_eq!(renamed.json["displayName"], "Running late");
    let long = api
        .post(
            TEMPLATES,
            json!({ "displayName": "Long", "body": { "text": "x".repeat(1001) } }),
        )
        .await;
    assert_eq!(long.status, 400, "at most 1000 units");
    assert_eq!(api.send(Method::DELETE, &path, None).await.status, 204);
    assert_eq!(api.get(&path).await.status, 404);
    let accounts = api
        .get("/restapi/v1.0/account/~/message-store-templates")
        .await;
    validate(
        "GET",
        "/restapi/v1.0/account/~/message-store-templates",
        &accounts,
    );
    assert_eq!(
        accounts.json["records"].as_array().map(Vec::len),
        Some(company.len())
    );
}

#[tokio::test]
async fn stop_blocks_texts_until_start() {
    let (_sim, api) = logged_in(config()).await;
    let customer = "+14155550177";
    let text = |body: &str| json!({ "from": { "phoneNumber": "+16505550101" }, "to": [{ "phoneNumber": customer }], "text": body });
    api.admin().inbound_sms(customer, "STOP").await;
    let sent = api
        .post(&format!("{EXT}/sms"), text("Your quote is ready"))
        .await;
    assert_eq!(
        (sent.status, sent.json["messageStatus"].as_str()),
        (200, Some("Queued")),
        "accepted first: {}",
        sent.text
    );
    let id = sent.json["id"].as_i64().unwrap_or_default();
    let failed = poll(&api, &format!("{EXT}/message-store/{id}"), |m| {
        m["messageStatus"] == "SendingFailed"
    })
    .await;
    assert_eq!(failed["deliveryErrorCode"], "SMS-RC-413", "{failed}");
    api.admin().inbound_sms(customer, "start").await;
    let again = api.post(&format!("{EXT}/sms"), text("Welcome back")).await;
    let id = again.json["id"].as_i64().unwrap_or_default();
    poll(&api, &format!("{EXT}/message-store/{id}"), |m| {
        m["messageStatus"] == "Delivered"
    })
    .await;
}
