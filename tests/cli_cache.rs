//! The cache commands of the real binary in demo mode: sync, calls, messages, contacts, import
//! and export, each with `--json` and a non-zero exit on failure; `calls --limit N` gives N
//! calls however large N is; a config file ringdesk cannot read fails every command with the
//! file, line and column.

mod demo_cli;

use demo_cli::{json, ringdesk};

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

#[test]
fn calls_limit_is_honoured_past_one_page() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let synced = ringdesk(dir.path(), &["sync"]);
    assert!(synced.status.success(), "sync succeeds: {synced:?}");
    let cached = json(&synced)["cache"]["calls"].as_u64().unwrap_or(0);
    assert!(
        cached > 800,
        "the demo call log is larger than the test's limit: {cached}"
    );

    let output = ringdesk(dir.path(), &["calls", "--limit", "800"]);
    assert!(output.status.success(), "{output:?}");
    let page = json(&output);
    let calls = page["calls"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        calls.len(),
        800,
        "--limit 800 gives 800 calls, not one page of 500"
    );
    assert_eq!(page["more"], true, "there are more calls than 800");
    let ids: std::collections::HashSet<&str> =
        calls.iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids.len(), 800, "no call is repeated across pages");

    let all = json(&ringdesk(dir.path(), &["calls", "--limit", "1000000"]));
    assert_eq!(
        all["calls"].as_array().map(Vec::len),
        Some(cached as usize),
        "a limit past the end gives every call"
    );
    assert_eq!(all["more"], false, "and says there are no more");
}

#[test]
fn a_broken_config_file_fails_with_its_line_and_column() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(
        config.join("config.toml"),
        "[app]\nnotifications = true\ndo_not_disturb = maybe\n",
    )
    .expect("write");
    let output = ringdesk(dir.path(), &["calls"]);
    assert!(!output.status.success(), "a command never runs on defaults");
    let error = &json(&output)["error"];
    assert_eq!(error["code"], "validation", "{error}");
    let message = error["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("config.toml:3:18:"),
        "the message names the file, line and column: {message}"
    );
}
