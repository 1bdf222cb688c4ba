//! Call log listing, paging, views and call-log sync.

use crate::common::{config, logged_in, poll, EXT};
use ringcentral_sim::SimConfig;
use serde_json::json;

#[tokio::test]
async fn list_filters_views_and_pages_with_navigation() {
    let (_sim, api) = logged_in(SimConfig {
        call_log: 5000,
        ..config()
    })
    .await;
    let from = "dateFrom=2000-01-01T00:00:00Z";
    let first = api.get(&format!("{EXT}/call-log?{from}&perPage=100")).await;
    assert_eq!(
        first.json["paging"]["totalElements"], 5000,
        "every seeded record is counted"
    );
    let next = first.json["navigation"]["nextPage"]["uri"]
        .as_str()
        .unwrap_or_default()
        .replace(&api.creds.server_url, "");
    let second = api.get(&next).await;
    assert_eq!(second.json["paging"]["page"], 2, "nextPage leads to page 2");
    assert!(
        second.json["records"][0]["startTime"].as_str()
            < first.json["records"][99]["startTime"].as_str(),
        "pages continue newest-first"
    );
    let inbound = api
        .get(&format!(
            "{EXT}/call-log?{from}&direction=Inbound&type=Voice&perPage=50"
        ))
        .await;
    assert!(
        inbound.json["records"].as_array().is_some_and(|r| r
            .iter()
            .all(|c| c["direction"] == "Inbound" && c["type"] == "Voice")),
        "filters apply"
    );
    let max = api
        .get(&format!("{EXT}/call-log?{from}&perPage=max&view=Detailed"))
        .await;
    assert_eq!(
        max.json["records"].as_array().map(Vec::len),
        Some(1000),
        "perPage=max is 1000"
    );
    assert!(
        max.json["records"][0]["legs"].is_array(),
        "Detailed view has legs"
    );
    let recent = api.get(&format!("{EXT}/call-log")).await;
    assert!(
        recent.json["records"]
            .as_array()
            .is_some_and(|r| r.len() < 100),
        "without dateFrom only the last 24 h"
    );
    let bad = api.get(&format!("{EXT}/call-log?perPage=0")).await;
    assert_eq!(
        (bad.status, bad.code()),
        (400, "CMN-101"),
        "perPage 0 is invalid"
    );
    let bad_date = api.get(&format!("{EXT}/call-log?dateFrom=yesterday")).await;
    assert_eq!(
        bad_date.json["errors"][0]["parameterName"], "dateFrom",
        "bad dates are named"
    );
    assert_eq!(
        api.get(&format!("{EXT}/call-log/nope")).await.status,
        404,
        "unknown record"
    );
}

#[tokio::test]
async fn call_log_sync_full_incremental_and_errors() {
    let (_sim, api) = logged_in(config()).await;
    let full = api
        .get(&format!(
            "{EXT}/call-log-sync?syncType=FSync&recordCount=20"
        ))
        .await;
    assert_eq!(
        full.json["records"].as_array().map(Vec::len),
        Some(20),
        "FSync returns recordCount records"
    );
    let token = full.json["syncInfo"]["syncToken"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let over = api
        .get(&format!(
            "{EXT}/call-log-sync?syncType=FSync&recordCount=251"
        ))
        .await;
    assert_eq!(over.status, 400, "FSync is capped at 250");
    let call = api.post(&format!("{EXT}/ring-out"), json!({ "from": { "phoneNumber": "+16505550110" }, "to": { "phoneNumber": "+16505550150" } })).await;
    let id = call.json["id"].as_str().unwrap_or_default();
    poll(&api, &format!("{EXT}/ring-out/{id}"), |s| {
        s["status"]["callStatus"] == "Busy"
    })
    .await;
    let inc = poll(
        &api,
        &format!("{EXT}/call-log-sync?syncType=ISync&syncToken={token}"),
        |r| r["records"].as_array().is_some_and(|a| !a.is_empty()),
    )
    .await;
    assert_eq!(
        inc["records"][0]["result"], "Busy",
        "ISync brings the new record"
    );
    let bad = api
        .get(&format!("{EXT}/call-log-sync?syncType=ISync&syncToken=xyz"))
        .await;
    assert_eq!((bad.status, bad.code()), (400, "CLG-101"), "invalid token");
    let missing = api
        .get(&format!("{EXT}/call-log-sync?syncType=ISync"))
        .await;
    assert_eq!(
        missing.json["errors"][0]["parameterName"], "syncToken",
        "ISync needs a token"
    );
}

#[tokio::test]
async fn isync_beyond_250_changes_demands_a_full_sync() {
    let (_sim, api) = logged_in(config()).await;
    let full = api
        .get(&format!("{EXT}/call-log-sync?syncType=FSync&recordCount=1"))
        .await;
    let token = full.json["syncInfo"]["syncToken"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let mut last = String::new();
    for _ in 0..251 {
        let call = api.post(&format!("{EXT}/ring-out"), json!({ "from": { "phoneNumber": "+16505550110" }, "to": { "phoneNumber": "+16505550154" } })).await;
        last = call.json["id"].as_str().unwrap_or_default().to_owned();
    }
    poll(&api, &format!("{EXT}/ring-out/{last}"), |s| {
        s["status"]["callStatus"] == "InternationalDisabled"
    })
    .await;
    let over = poll(
        &api,
        &format!("{EXT}/call-log-sync?syncType=ISync&syncToken={token}"),
        |r| r["errors"].is_array(),
    )
    .await;
    assert_eq!(
        over["errors"][0]["errorCode"], "CLG-104",
        "more than 250 changes since the token: run FSync again"
    );
    let again = api
        .get(&format!(
            "{EXT}/call-log-sync?syncType=FSync&recordCount=250"
        ))
        .await;
    assert_eq!(
        again.json["records"][0]["result"], "International Disabled",
        "a new FSync starts from the newest records"
    );
}
