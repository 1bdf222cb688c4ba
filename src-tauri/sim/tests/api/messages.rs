//! SMS, the message store and message sync.

use crate::common::{config, logged_in, poll, EXT};
use reqwest::Method;
use serde_json::json;

fn sms(from: &str, to: &[&str], text: &str) -> serde_json::Value {
    json!({ "from": { "phoneNumber": from }, "to": to.iter().map(|t| json!({ "phoneNumber": t })).collect::<Vec<_>>(), "text": text })
}

#[tokio::test]
async fn send_progresses_to_delivered_and_is_in_the_store() {
    let (_sim, api) = logged_in(config()).await;
    let sent = api
        .post(
            &format!("{EXT}/sms"),
            sms("+16505550101", &["+14155550120"], "Hello from the test"),
        )
        .await;
    assert_eq!(
        (sent.status, sent.json["messageStatus"].as_str()),
        (200, Some("Queued")),
        "sent SMS starts Queued: {}",
        sent.text
    );
    let id = sent.json["id"].as_i64().unwrap_or_default();
    let done = poll(&api, &format!("{EXT}/message-store/{id}"), |m| {
        m["messageStatus"] == "Delivered"
    })
    .await;
    assert_eq!(
        done["subject"], "Hello from the test",
        "subject holds the text"
    );
    let list = api
        .get(&format!(
            "{EXT}/message-store?messageType=SMS&direction=Outbound&perPage=5"
        ))
        .await;
    assert_eq!(
        list.json["records"][0]["id"].as_i64(),
        Some(id),
        "newest outbound message is ours"
    );
    let failed = api
        .post(
            &format!("{EXT}/sms"),
            sms("+16505550101", &["+16505550170", "+14155550122"], "group"),
        )
        .await;
    let failed_id = failed.json["id"].as_i64().unwrap_or_default();
    let end = poll(&api, &format!("{EXT}/message-store/{failed_id}"), |m| {
        m["messageStatus"] != "Queued" && m["messageStatus"] != "Sent"
    })
    .await;
    assert_eq!(
        end["messageStatus"], "DeliveryFailed",
        "magic 0170 recipient fails delivery"
    );
    assert_eq!(
        end["to"].as_array().map(Vec::len),
        Some(2),
        "several recipients"
    );
}

#[tokio::test]
async fn sender_and_text_rules() {
    let (_sim, api) = logged_in(config()).await;
    let not_ours = api
        .post(
            &format!("{EXT}/sms"),
            sms("+14155550199", &["+14155550120"], "x"),
        )
        .await;
    assert_eq!(
        (not_ours.status, not_ours.code()),
        (403, "MSG-304"),
        "only the extension's numbers may send"
    );
    let no_feature = api
        .post(
            &format!("{EXT}/sms"),
            sms("+442079460100", &["+14155550120"], "x"),
        )
        .await;
    assert_eq!(
        (no_feature.status, no_feature.code()),
        (403, "MSG-242"),
        "a number without SmsSender cannot send"
    );
    let long = "😀".repeat(501);
    let too_long = api
        .post(
            &format!("{EXT}/sms"),
            sms("+16505550101", &["+14155550120"], &long),
        )
        .await;
    assert_eq!(
        (too_long.status, too_long.code()),
        (400, "MSG-338"),
        "1002 UTF-16 units is over the limit"
    );
    let at_limit = api
        .post(
            &format!("{EXT}/sms"),
            sms("+16505550101", &["+14155550120"], &"😀".repeat(500)),
        )
        .await;
    assert_eq!(at_limit.status, 200, "exactly 1000 UTF-16 units is fine");
    let missing = api
        .post(
            &format!("{EXT}/sms"),
            json!({ "from": { "phoneNumber": "+16505550101" }, "text": "x" }),
        )
        .await;
    assert_eq!(
        missing.json["errors"][0]["parameterName"], "to",
        "missing to is named"
    );
    let foreign = api
        .post(
            &format!("{EXT}/sms"),
            sms("+16505550101", &["+442079460123"], "x"),
        )
        .await;
    assert_eq!(
        foreign.code(),
        "MSG-240",
        "international SMS is disabled for the account"
    );
}

#[tokio::test]
async fn store_filters_threads_paging_and_read_state() {
    let (_sim, api) = logged_in(config()).await;
    api.admin().inbound_sms("+14155550123", "First").await;
    let second = api.admin().inbound_sms("+14155550123", "Second").await;
    let id = second["id"].as_i64().unwrap_or_default();
    let conversation = second["conversationId"].as_i64().unwrap_or_default();
    let thread = api
        .get(&format!(
            "{EXT}/message-store?conversationId={conversation}"
        ))
        .await;
    assert_eq!(
        thread.json["records"].as_array().map(Vec::len),
        Some(2),
        "both messages are in one conversation"
    );
    let unread = api
        .get(&format!(
            "{EXT}/message-store?readStatus=Unread&direction=Inbound"
        ))
        .await;
    assert!(
        unread.json["records"]
            .as_array()
            .is_some_and(|r| r.iter().any(|m| m["id"].as_i64() == Some(id))),
        "new inbound is unread"
    );
    let threads = api.get(&format!("{EXT}/message-store?distinctConversations=true&dateFrom=2000-01-01T00:00:00Z&perPage=1000")).await;
    let ids: Vec<_> = threads.json["records"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|m| m["conversationId"].clone())
        .collect();
    let unique: std::collections::HashSet<_> = ids.iter().map(|v| v.to_string()).collect();
    assert_eq!(
        ids.len(),
        unique.len(),
        "distinctConversations returns one message per conversation"
    );
    let page = api
        .get(&format!(
            "{EXT}/message-store?dateFrom=2000-01-01T00:00:00Z&perPage=10&page=2"
        ))
        .await;
    assert_eq!(
        (
            page.json["paging"]["page"].as_i64(),
            page.json["records"].as_array().map(Vec::len)
        ),
        (Some(2), Some(10)),
        "paging"
    );
    assert!(
        page.json["navigation"]["nextPage"]["uri"].is_string(),
        "navigation links the next page"
    );
    let read = api
        .send(
            Method::PUT,
            &format!("{EXT}/message-store/{id}"),
            Some(json!({ "readStatus": "Read" })),
        )
        .await;
    assert_eq!(
        (read.status, read.json["readStatus"].as_str()),
        (200, Some("Read")),
        "mark read"
    );
    let first_id = thread.json["records"][1]["id"].as_i64().unwrap_or_default();
    let bulk = api
        .send(
            Method::PUT,
            &format!("{EXT}/message-store/{id},{first_id}"),
            Some(json!({ "readStatus": "Unread" })),
        )
        .await;
    assert_eq!(bulk.status, 207, "bulk update answers multi-status");
    assert!(
        bulk.json.as_array().is_some_and(|a| a.len() == 2
            && a.iter()
                .all(|e| e["status"] == 200 && e["body"]["readStatus"] == "Unread")),
        "both marked unread"
    );
    let array_form = api
        .send(
            Method::PATCH,
            &format!("{EXT}/message-store/{id},{first_id}"),
            Some(json!([{ "resourceId": id.to_string(), "body": { "readStatus": "Read" } }])),
        )
        .await;
    assert_eq!(array_form.status, 207, "the array bulk form works");
    let deleted = api
        .send(Method::DELETE, &format!("{EXT}/message-store/{id}"), None)
        .await;
    assert_eq!(deleted.status, 204, "delete");
    assert_eq!(
        api.get(&format!("{EXT}/message-store/{id}")).await.json["availability"],
        "Deleted",
        "deleted messages are marked Deleted"
    );
    let restored = api
        .send(
            Method::PATCH,
            &format!("{EXT}/message-store/{id}"),
            Some(json!({ "availability": "Alive" })),
        )
        .await;
    assert_eq!(restored.json["availability"], "Alive", "PATCH restores");
    let content = api
        .http
        .get(format!(
            "{}{EXT}/message-store/{id}/content/{id}",
            api.creds.server_url
        ))
        .bearer_auth(api.token.clone().unwrap_or_default())
        .send()
        .await;
    assert_eq!(
        content.map(|r| r.status().as_u16()).ok(),
        Some(200),
        "attachment content"
    );
    assert_eq!(
        api.get(&format!("{EXT}/message-store/123")).await.status,
        404,
        "unknown message"
    );
}

#[tokio::test]
async fn message_sync_full_then_incremental() {
    let (_sim, api) = logged_in(config()).await;
    let full = api
        .get(&format!("{EXT}/message-sync?syncType=FSync&recordCount=5"))
        .await;
    assert_eq!(full.json["syncInfo"]["syncType"], "FSync", "full sync");
    assert!(
        full.json["records"]
            .as_array()
            .is_some_and(|r| r.len() <= 5),
        "recordCount caps it"
    );
    let token = full.json["syncInfo"]["syncToken"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let new = api.admin().inbound_sms("+14155550124", "incremental").await;
    let inc = api
        .get(&format!(
            "{EXT}/message-sync?syncType=ISync&syncToken={token}"
        ))
        .await;
    assert!(
        inc.json["records"]
            .as_array()
            .is_some_and(|r| r.iter().any(|m| m["id"] == new["id"])),
        "ISync returns the new message"
    );
    let bad = api
        .get(&format!(
            "{EXT}/message-sync?syncType=ISync&syncToken=garbage"
        ))
        .await;
    assert_eq!(
        (bad.status, bad.code()),
        (400, "CMN-101"),
        "invalid tokens are refused"
    );
    api.admin().reset(false).await;
    let stale = api
        .get(&format!(
            "{EXT}/message-sync?syncType=ISync&syncToken={token}"
        ))
        .await;
    assert_eq!(
        stale.code(),
        "MSG-333",
        "after a reset a full sync is required"
    );
}

#[tokio::test]
async fn demo_mode_customers_text_on_their_own() {
    let cfg = ringcentral_sim::SimConfig {
        demo_inbound_sms: Some(std::time::Duration::from_millis(100)),
        ..config()
    };
    let (_sim, api) = logged_in(cfg).await;
    let before = api
        .get(&format!(
            "{EXT}/message-store?direction=Inbound&readStatus=Unread&perPage=1000"
        ))
        .await
        .json["paging"]["totalElements"]
        .as_u64()
        .unwrap_or(0);
    let after = poll(
        &api,
        &format!("{EXT}/message-store?direction=Inbound&readStatus=Unread&perPage=1000"),
        |r| r["paging"]["totalElements"].as_u64().unwrap_or(0) >= before + 2,
    )
    .await;
    assert!(
        after["records"][0]["from"]["name"].is_string(),
        "demo texts come from named seeded people"
    );
}
