//! Call lists on the command line of the real binary in demo mode: a
//! list imported from CSV, `list next` dialing each entry in order and following its call to
//! the end, refusing to go on before the call is wrapped up, and saying when the list is through;
//! a list pasted on standard input, added to, reordered, skipped and deleted.

mod demo_cli;

use demo_cli::{json, ringdesk, ringdesk_with_input};

#[test]
fn a_list_is_called_entry_by_entry_each_wrapped_up_before_the_next() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let csv = dir.path().join("leads.csv");
    std::fs::write(
        &csv,
        "Name,Phone\nAna Silva,+1 650 555 0101\nBo Chen,+1 650 555 0102\n",
    )
    .expect("csv");
    let csv = csv.to_str().expect("utf-8");
    let imported = ringdesk(dir.path(), &["list", "import", csv, "--name", "Leads"]);
    assert!(imported.status.success(), "{imported:?}");
    assert_eq!(
        json(&imported)["list"]["entries"].as_array().map(Vec::len),
        Some(2)
    );

    for expected in ["+16505550101", "+16505550102"] {
        let next = ringdesk(dir.path(), &["list", "next", "leads"]);
        assert!(next.status.success(), "{next:?}");
        let early = ringdesk(dir.path(), &["list", "next", "leads"]);
        assert_eq!(early.status.code(), Some(1), "{early:?}");
        assert!(String::from_utf8_lossy(&early.stdout).contains("wrap up"));
        let to_do = json(&ringdesk(dir.path(), &["wrapups"]));
        let draft = &to_do["to_wrap_up"][0];
        assert_eq!(draft["number"], expected, "{to_do}");
        let call = draft["callKey"].as_str().expect("call key");
        let saved = ringdesk(dir.path(), &["wrapup", call, "--disposition", "Connected"]);
        assert!(saved.status.success(), "{saved:?}");
    }
    let through = ringdesk(dir.path(), &["list", "next", "leads"]);
    assert!(through.status.success(), "{through:?}");
    assert_eq!(json(&through)["event"], "through");
    // Every command was a process of its own: the list walked to its end across restarts,
    // each entry settled by its own call's wrap-up.
    let shown = json(&ringdesk(dir.path(), &["list", "show", "Leads"]));
    assert_eq!(shown["finished"], 2, "{shown}");
    let entries = shown["entries"].as_array().cloned().unwrap_or_default();
    assert!(entries.iter().all(|e| e["state"] == "done"), "{shown}");
    assert_ne!(entries[0]["callKey"], entries[1]["callKey"], "{shown}");
    assert!(entries.iter().all(|e| e["callKey"].is_string()), "{shown}");
}

#[test]
fn a_pasted_list_is_added_to_moved_skipped_and_deleted() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let pasted = ringdesk_with_input(
        dir.path(),
        &["list", "paste", "Renewals"],
        "Ana Silva, (650) 555-0141, promised a quote\nno number here\n",
    );
    assert!(pasted.status.success(), "{pasted:?}");
    let made = json(&pasted);
    assert_eq!(made["list"]["entries"][0]["name"], "Ana Silva", "{made}");
    assert_eq!(made["skipped"][0]["line"], 2, "{made}");

    let added = ringdesk(
        dir.path(),
        &[
            "list",
            "add",
            "renewals",
            "650-555-0142",
            "--who",
            "Bo Chen",
        ],
    );
    assert!(added.status.success(), "{added:?}");
    let moved = json(&ringdesk(
        dir.path(),
        &["list", "move", "Renewals", "2", "1"],
    ));
    assert_eq!(moved["entries"][0]["name"], "Bo Chen", "{moved}");
    let skipped = json(&ringdesk(dir.path(), &["list", "skip", "Renewals", "2"]));
    assert_eq!(skipped["entries"][1]["state"], "skipped", "{skipped}");
    let missing = ringdesk(dir.path(), &["list", "skip", "Renewals", "9"]);
    assert_eq!(missing.status.code(), Some(1), "{missing:?}");

    let deleted = ringdesk(dir.path(), &["list", "delete", "Renewals"]);
    assert!(deleted.status.success(), "{deleted:?}");
    let gone = ringdesk(dir.path(), &["list", "show", "Renewals"]);
    assert_eq!(gone.status.code(), Some(1), "{gone:?}");
}
