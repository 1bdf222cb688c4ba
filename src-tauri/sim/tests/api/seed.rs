//! Determinism for a seed, realistic seed data, and a million-record call log that starts fast.

use crate::common::{config, logged_in, EXT};
use ringcentral_sim::{ManualClock, SimConfig};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn pinned(seed: u64) -> SimConfig {
    let start = chrono::DateTime::parse_from_rfc3339("2026-03-01T12:00:00Z")
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_default();
    SimConfig {
        seed,
        clock: Some(Arc::new(ManualClock::new(start))),
        ..config()
    }
}

async fn snapshot(seed: u64) -> (String, String) {
    let (_sim, api) = logged_in(pinned(seed)).await;
    let mut out = String::new();
    for path in [
        format!("{EXT}/call-log?dateFrom=2000-01-01T00:00:00Z&perPage=50&view=Detailed"),
        format!("{EXT}/message-store?dateFrom=2000-01-01T00:00:00Z&perPage=50"),
        format!("{EXT}/address-book/contact?perPage=50"),
        "/restapi/v1.0/account/~/directory/entries".to_owned(),
    ] {
        out.push_str(
            &api.get(&path)
                .await
                .text
                .replace(&api.creds.server_url, "SERVER"),
        );
    }
    (api.creds.client_id.clone(), out)
}

#[tokio::test]
async fn same_seed_same_world_other_seed_other_world() {
    let (a, b, c) = (snapshot(7).await, snapshot(7).await, snapshot(8).await);
    assert_eq!(a.0, b.0, "same seed, same client id");
    assert!(
        a.1 == b.1,
        "same seed and start time give byte-identical data"
    );
    assert_ne!(a.1, c.1, "another seed gives another world");
}

#[tokio::test]
async fn seed_data_is_realistic() {
    let (_sim, api) = logged_in(config()).await;
    let calls = api
        .get(&format!(
            "{EXT}/call-log?dateFrom=2000-01-01T00:00:00Z&perPage=500"
        ))
        .await;
    let records = calls.json["records"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let prefixes: std::collections::BTreeSet<String> = records
        .iter()
        .filter_map(|r| {
            if r["direction"] == "Inbound" {
                r["from"]["phoneNumber"].as_str()
            } else {
                r["to"]["phoneNumber"].as_str()
            }
        })
        .map(|p| p.chars().take(3).collect())
        .collect();
    assert!(
        prefixes.len() >= 6,
        "numbers from many countries: {prefixes:?}"
    );
    let results: std::collections::BTreeSet<&str> = records
        .iter()
        .filter_map(|r| r["result"].as_str())
        .collect();
    assert!(results.len() >= 6, "a spread of results: {results:?}");
    let oldest = records
        .last()
        .and_then(|r| r["startTime"].as_str())
        .unwrap_or("");
    let newest = records
        .first()
        .and_then(|r| r["startTime"].as_str())
        .unwrap_or("");
    let span = chrono::DateTime::parse_from_rfc3339(newest)
        .ok()
        .zip(chrono::DateTime::parse_from_rfc3339(oldest).ok())
        .map(|(n, o)| (n - o).num_days());
    assert!(
        span.is_some_and(|d| d > 90),
        "history spans months: {span:?} days"
    );
    let named = records
        .iter()
        .filter(|r| r["from"]["name"].is_string() && r["to"]["name"].is_string())
        .count();
    assert_eq!(named, records.len(), "parties have names");
}

#[tokio::test]
async fn a_million_call_log_records_start_in_seconds() {
    let started = Instant::now();
    let (_sim, api) = logged_in(SimConfig {
        call_log: 1_000_000,
        ..config()
    })
    .await;
    let boot = started.elapsed();
    assert!(
        boot < Duration::from_secs(3),
        "startup with 1,000,000 records took {boot:?}"
    );
    let first = Instant::now();
    let page = api
        .get(&format!(
            "{EXT}/call-log?dateFrom=2000-01-01T00:00:00Z&perPage=1000&page=3"
        ))
        .await;
    assert_eq!(
        page.json["paging"]["totalElements"], 1_000_000,
        "all records are listed"
    );
    assert_eq!(
        page.json["records"].as_array().map(Vec::len),
        Some(1000),
        "a full page"
    );
    assert!(
        first.elapsed() < Duration::from_secs(10),
        "a full-range page answers in {:?}",
        first.elapsed()
    );
    let day = api.get(&format!("{EXT}/call-log")).await;
    let count = day.json["paging"]["totalElements"].as_u64().unwrap_or(0);
    assert!(
        (5000..6000).contains(&count),
        "the last 24 h hold ~5,555 of 1M records over 180 days: {count}"
    );
}
