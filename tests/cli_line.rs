//! The phone-line commands of the real binary in demo mode: `presence` reads and sets
//! RingCentral presence (the answer is the simulator's), and `hangup` with no call on the line
//! is a clear failure.

use std::process::Command;

use serde_json::Value;

mod demo_cli;

use demo_cli::{json, ringdesk};

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

/// `calls --live` prints a missed call as it happens, and Ctrl-C ends it cleanly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_live_prints_a_call_as_it_happens_until_ctrl_c() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    let dir = tempfile::TempDir::new().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ringdesk"))
        .args(["--demo", "--json", "calls", "--live"])
        .env("RINGDESK_DATA_DIR", dir.path().join("data"))
        .env("RINGDESK_CONFIG_DIR", dir.path().join("config"))
        .env("RINGDESK_DEMO_ADMIN_TOKEN", "cli-line")
        .env_remove("RINGDESK_PROFILE")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let stdout = child.stdout.take().expect("piped stdout");
    let (lines, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let next = || {
        let line = received
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("a line in time");
        serde_json::from_str::<Value>(&line).unwrap_or_else(|e| panic!("JSON {line:?}: {e}"))
    };
    let following = next();
    let server = following["demo_server"]
        .as_str()
        .expect("the demo's server")
        .to_owned();
    // The watch reads presence right after it subscribes: from then on it hears every call.
    let admin = ringdesk_testkit::SimAdmin::new(&server).with_token("cli-line");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !admin
        .requests()
        .await
        .iter()
        .any(|r| r.method == "GET" && r.path.ends_with("/presence"))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the watch never subscribed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    admin
        .inbound_call(
            "+14155550188",
            serde_json::json!({ "name": "Ana Silva", "outcome": "missed", "ring_ms": 500 }),
        )
        .await;
    let mut changes = Vec::new();
    while changes
        .last()
        .is_none_or(|c: &Value| c["change"] != "ended")
    {
        let line = next();
        assert_eq!(line["event"], "call", "{line}");
        changes.push(line["call"].clone());
    }
    assert_eq!(changes[0]["change"], "ringing", "{changes:?}");
    assert_eq!(changes[0]["call"]["number"], "+14155550188");
    assert_eq!(
        changes.last().map(|c| c["missed"].clone()),
        Some(Value::Bool(true))
    );
    let interrupted = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(interrupted.success());
    let status = child.wait().expect("the child ends");
    assert_eq!(status.code(), Some(0), "Ctrl-C ends it cleanly");
}
