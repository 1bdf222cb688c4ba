//! CRM links on the command line of the real binary in demo mode, without a keychain: SuiteDash's
//! import mode (the CSV in its layout, only what was not exported, Mark as exported), the
//! connectors' status and log, and the clear refusals when nothing is set up.

mod demo_cli;

use demo_cli::{json, ringdesk};

#[test]
fn import_mode_exports_the_layout_then_only_what_is_new() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let contacts = dir.path().join("contacts.csv");
    std::fs::write(
        &contacts,
        "First Name,Last Name,Phone,Company\nAna,Silva,+14155550401,Acme\nBo,Chen,+14155550402,\n",
    )
    .expect("csv");
    let imported = ringdesk(
        dir.path(),
        &["import", "contacts", contacts.to_str().expect("utf-8")],
    );
    assert!(imported.status.success(), "{imported:?}");

    let first = dir.path().join("first.csv");
    let exported = ringdesk(
        dir.path(),
        &[
            "export",
            "contacts",
            "--for",
            "suitedash",
            "--csv",
            first.to_str().expect("utf-8"),
        ],
    );
    assert!(exported.status.success(), "{exported:?}");
    let export = json(&exported);
    let text = std::fs::read_to_string(&first).expect("written");
    assert_eq!(
        text.lines().next(),
        Some("ID,First Name,Last Name,Email,Phone,Company,Service Interest,Message,Source,Created Date,Tags")
    );
    assert!(
        text.contains(",Ana,Silva,,+14155550401,Acme,,,ringdesk,"),
        "{text}"
    );
    assert_eq!(
        export["rows"].as_u64(),
        Some(text.lines().count() as u64 - 1)
    );

    let marked = ringdesk(dir.path(), &["integrations", "mark-exported"]);
    assert!(marked.status.success(), "{marked:?}");
    assert_eq!(json(&marked)["marked"], true);
    let again = dir.path().join("again.csv");
    let none = json(&ringdesk(
        dir.path(),
        &[
            "export",
            "contacts",
            "--for",
            "suitedash",
            "--csv",
            again.to_str().expect("utf-8"),
        ],
    ));
    assert_eq!(none["rows"], 0, "marked contacts are left out: {none}");
    let all = json(&ringdesk(
        dir.path(),
        &[
            "export",
            "contacts",
            "--for",
            "suitedash",
            "--all",
            "--csv",
            again.to_str().expect("utf-8"),
        ],
    ));
    assert_eq!(all["rows"], export["rows"]);

    let status = json(&ringdesk(dir.path(), &["integrations", "status"]));
    assert_eq!(
        status["exports"].as_array().map(Vec::len),
        Some(3),
        "{status}"
    );
    assert!(status["webhook"].is_null() && status["suitedash"].is_null());
}

#[test]
fn nothing_set_up_is_said_plainly() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let test = ringdesk(dir.path(), &["integrations", "test", "webhook"]);
    assert_eq!(test.status.code(), Some(1));
    let error = json(&test);
    assert!(
        error["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("webhook is not set up")),
        "{error}"
    );
    assert!(error["error"]["hint"]
        .as_str()
        .is_some_and(|h| h.contains("Integrations")));
    let lead = json(&ringdesk(
        dir.path(),
        &["integrations", "suitedash-add", "+14155550403"],
    ));
    assert!(
        lead["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("suitedash")),
        "{lead}"
    );
    let mark = json(&ringdesk(dir.path(), &["integrations", "mark-exported"]));
    assert!(
        mark["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("exported")),
        "{mark}"
    );
    let log = ringdesk(dir.path(), &["integrations", "log"]);
    assert!(log.status.success());
    assert_eq!(json(&log), serde_json::json!([]));
    let only_contacts = ringdesk(
        dir.path(),
        &[
            "export",
            "calls",
            "--for",
            "suitedash",
            "--csv",
            "/dev/null",
        ],
    );
    assert_eq!(
        only_contacts.status.code(),
        Some(1),
        "--for suitedash is for contacts"
    );
}
