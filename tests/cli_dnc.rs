//! The do-not-call list on the command line of the real binary in demo mode: a number put on it
//! is refused by `ringdesk call` in any spelling, with a clear word and no RingOut; taken off, it
//! can be called again.

mod demo_cli;

use demo_cli::{json, ringdesk};

#[test]
fn a_number_on_the_list_is_never_called_until_taken_off() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let added = ringdesk(
        dir.path(),
        &[
            "dnc",
            "add",
            "+1 650 555 0123",
            "--note",
            "asked us to stop",
        ],
    );
    assert!(added.status.success(), "{added:?}");
    assert_eq!(json(&added)["note"], "asked us to stop");
    let listed = json(&ringdesk(dir.path(), &["dnc", "list"]));
    assert_eq!(
        listed["numbers"].as_array().map(Vec::len),
        Some(1),
        "{listed}"
    );

    let refused = ringdesk(dir.path(), &["call", "(650) 555-0123"]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    let said = String::from_utf8_lossy(&refused.stdout).to_string();
    assert!(said.contains("do-not-call"), "{said}");
    assert_eq!(json(&refused)["error"]["code"], "validation", "{said}");

    let removed = json(&ringdesk(dir.path(), &["dnc", "remove", "6505550123"]));
    assert_eq!(removed["removed"], true);
    let called = ringdesk(dir.path(), &["call", "(650) 555-0123"]);
    assert!(called.status.success(), "callable again: {called:?}");
}

#[test]
fn a_file_of_numbers_is_put_on_the_list_and_bad_lines_named() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let file = dir.path().join("stop.csv");
    std::fs::write(
        &file,
        "Number,Why\n(650) 555-0191,replied STOP\n+1 650 555 0192; 650.555.0193,complaint\nnot a number\n",
    )
    .expect("file");
    let imported = ringdesk(
        dir.path(),
        &[
            "dnc",
            "import",
            file.to_str().expect("utf-8"),
            "--note",
            "CRM export",
        ],
    );
    assert!(imported.status.success(), "{imported:?}");
    let view = json(&imported);
    assert_eq!(view["added"].as_array().map(Vec::len), Some(3), "{view}");
    let lines: Vec<u64> = view["skipped"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|s| s["line"].as_u64())
        .collect();
    assert_eq!(
        lines,
        [1, 4],
        "the header and the line without a number: {view}"
    );
    let refused = ringdesk(dir.path(), &["call", "650-555-0193"]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
}
