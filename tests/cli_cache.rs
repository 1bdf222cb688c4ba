//! The cache commands of the real binary in demo mode: sync, calls, messages, contacts, import
//! and export, each with `--json` and a non-zero exit on failure.

use std::process::{Command, Output};

use serde_json::Value;

fn ringdesk(data: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ringdesk"))
        .args(["--demo", "--json"])
        .args(args)
        .env("RINGDESK_DATA_DIR", data.join("data"))
        .env("RINGDESK_CONFIG_DIR", data.join("config"))
        .env_remove("RINGDESK_PROFILE")
        .output()
        .expect("the binary runs")
}

fn json(output: &Output) -> Value {
    let text = String::from_utf8_lossy(&output.stdout);
    let last = text.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("JSON from {text:?}: {e}"))
}

#[test]
fn sync_then_read_search_import_and_export_offline() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let synced = ringdesk(dir.path(), &["sync"]);
    assert!(synced.status.success(), "sync succeeds: {synced:?}");
    let report = json(&synced);
    assert!(
        report["cache"]["calls"].as_u64().unwrap_or(0) >= 1000,
        "the demo call log is cached"
    );
    assert!(report["cache"]["messages"].as_u64().unwrap_or(0) > 0);

    let calls = json(&ringdesk(
        dir.path(),
        &["calls", "--limit", "5", "--missed"],
    ));
    let calls = calls["calls"].as_array().cloned().unwrap_or_default();
    assert_eq!(calls.len(), 5, "five missed calls");
    assert!(
        calls.iter().all(|c| c["missed"] == true),
        "only missed calls"
    );

    let messages = json(&ringdesk(dir.path(), &["messages", "--limit", "3"]));
    assert_eq!(messages["conversations"].as_array().map(Vec::len), Some(3));

    let csv = dir.path().join("in.csv");
    std::fs::write(
        &csv,
        "First Name,Last Name,Phone\nZed,Quark,+1 415 555 0199\nNo,Phone,abc\n",
    )
    .expect("write CSV");
    let imported = json(&ringdesk(
        dir.path(),
        &["import", "contacts", &csv.to_string_lossy()],
    ));
    assert_eq!(imported["imported"], 1);
    assert_eq!(
        imported["skipped"][0]["line"], 3,
        "the bad row is reported by line"
    );
    let found = json(&ringdesk(dir.path(), &["contacts", "--search", "zed qu"]));
    assert_eq!(found["contacts"][0]["last_name"], "Quark");

    let out = dir.path().join("contacts.csv");
    let exported = ringdesk(
        dir.path(),
        &["export", "contacts", "--csv", &out.to_string_lossy()],
    );
    assert!(exported.status.success());
    let text = std::fs::read_to_string(&out).expect("CSV written");
    assert!(text.starts_with("First Name,Last Name,Email,Phone,Company,Tags,Notes"));

    let bad = ringdesk(dir.path(), &["calls", "--since", "yesterday-ish"]);
    assert!(!bad.status.success(), "a bad date fails");
    assert_eq!(json(&bad)["error"]["code"], "validation");
}
