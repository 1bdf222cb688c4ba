//! The phone-line commands of the real binary in demo mode: `presence` reads and sets
//! RingCentral presence (the answer is the simulator's), and `hangup` with no call on the line
//! is a clear failure.

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
fn presence_is_read_and_set_and_a_bad_word_is_refused() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let read = ringdesk(dir.path(), &["presence"]);
    assert!(read.status.success(), "{read:?}");
    assert_eq!(
        json(&read)["presence"],
        "available",
        "the demo starts available"
    );
    let dnd = ringdesk(dir.path(), &["presence", "dnd"]);
    assert!(dnd.status.success(), "{dnd:?}");
    let shown = json(&dnd);
    assert_eq!(
        (shown["presence"].as_str(), shown["dndStatus"].as_str()),
        (Some("dnd"), Some("DoNotAcceptAnyCalls")),
        "RingCentral's answer: {shown}"
    );
    let bad = ringdesk(dir.path(), &["presence", "sleeping"]);
    assert_eq!(bad.status.code(), Some(1), "{bad:?}");
    let said =
        String::from_utf8_lossy(&bad.stdout).to_string() + &String::from_utf8_lossy(&bad.stderr);
    assert!(said.contains("available, busy, dnd or offline"), "{said}");
}

#[test]
fn hangup_with_no_call_says_so() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let out = ringdesk(dir.path(), &["hangup"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("no call on your line"), "{said}");
}
