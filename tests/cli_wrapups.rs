//! After-call work on the command line of the real binary in demo mode: a call that ended (a
//! busy number) waits in `ringdesk wrapups`, `ringdesk wrapup` saves it with a follow-up (a
//! disposition outside the list is refused), and `ringdesk followups` lists the promise.

mod demo_cli;

use demo_cli::{json, ringdesk};

#[test]
fn an_ended_call_is_wrapped_up_and_its_follow_up_listed() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let due = (chrono::Utc::now() + chrono::Duration::days(2))
        .format("%Y-%m-%dT09:30:00Z")
        .to_string();
    let busy = ringdesk(dir.path(), &["call", "+1 650 555 0150"]);
    assert_eq!(busy.status.code(), Some(1), "a busy number fails: {busy:?}");
    let to_do = json(&ringdesk(dir.path(), &["wrapups"]));
    let drafts = to_do["to_wrap_up"].as_array().cloned().unwrap_or_default();
    assert_eq!(drafts.len(), 1, "{to_do}");
    let call = drafts[0]["callKey"]
        .as_str()
        .expect("a call key")
        .to_string();
    assert!(call.starts_with("ringout:"), "{call}");
    assert_eq!(to_do["dispositions"][2], "No answer");

    let refused = ringdesk(dir.path(), &["wrapup", &call, "--disposition", "Shrug"]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    assert!(String::from_utf8_lossy(&refused.stdout).contains("not a disposition"));

    let saved = ringdesk(
        dir.path(),
        &[
            "wrapup",
            &call,
            "--disposition",
            "call back",
            "--notes",
            "Line busy twice",
            "--tag",
            "renewal",
            "--follow-up",
            &due,
            "--follow-up-note",
            "Try after the holidays",
        ],
    );
    assert!(saved.status.success(), "{saved:?}");
    let view = json(&saved);
    assert_eq!(view["disposition"], "Call back");
    assert_eq!(view["saved"], true);
    let left = json(&ringdesk(dir.path(), &["wrapups"]));
    assert_eq!(left["to_wrap_up"].as_array().map(Vec::len), Some(0));
    let bad_time = ringdesk(
        dir.path(),
        &[
            "wrapup",
            &call,
            "--disposition",
            "Sale",
            "--follow-up",
            "soon",
        ],
    );
    assert_eq!(bad_time.status.code(), Some(1), "{bad_time:?}");

    let follow_ups = json(&ringdesk(dir.path(), &["followups"]));
    assert_eq!(
        follow_ups["upcoming"][0]["followUpNote"], "Try after the holidays",
        "{follow_ups}"
    );
    assert_eq!(follow_ups["overdue"].as_array().map(Vec::len), Some(0));
}
