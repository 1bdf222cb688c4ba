//! `ringdesk --demo call …` on a fresh machine: no configuration, no keychain, no network.

use std::process::Command;

#[test]
#[ignore = "starts the real binary: run by scripts/test"]
fn demo_call_works_with_no_configuration() {
    let dirs = tempfile::tempdir().expect("temp dir");
    let output = Command::new("timeout")
        .args([
            "90",
            env!("CARGO_BIN_EXE_ringdesk"),
            "--demo",
            "call",
            "+16505550123",
        ])
        .env("RINGDESK_CONFIG_DIR", dirs.path().join("config"))
        .env("RINGDESK_DATA_DIR", dirs.path().join("data"))
        .env_remove("RINGCENTRAL_CLIENT_ID")
        .env_remove("RINGCENTRAL_SERVER_URL")
        .env_remove("RINGCENTRAL_JWT")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .output()
        .expect("ringdesk runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(0),
        "the call connects\n{stdout}\n{stderr}"
    );
    assert!(
        stderr.contains("DEMO MODE"),
        "clearly labelled as demo: {stderr}"
    );
    for step in ["ringing your phone", "ringing the other party", "connected"] {
        assert!(
            stdout.contains(step),
            "progress of both legs, live: no {step:?} in\n{stdout}"
        );
    }
    assert!(
        stdout.contains("+1 650-555-0123"),
        "the normalised number is shown: {stdout}"
    );
}

#[test]
#[ignore = "starts the real binary: run by scripts/test"]
fn a_failed_demo_call_exits_non_zero_with_json_progress() {
    let (code, last) = demo_json(&["call", "(650) 555-0150"]);
    assert_eq!(code, Some(1), "a busy line is a failed call: {last}");
    assert_eq!(last["event"], "result");
    assert_eq!(last["progress"]["phase"], "failed");
    assert_eq!(last["progress"]["failure"], "Busy", "{last}");
    assert_eq!(last["progress"]["leg"], "them");
}

#[test]
#[ignore = "starts the real binary: run by scripts/test"]
fn ringdesk_sim_serves_in_the_foreground() {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ringdesk"))
        .args(["sim", "--timing", "fast", "--seed", "7"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("ringdesk sim starts");
    let mut line = String::new();
    if let Some(stdout) = child.stdout.take() {
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .expect("startup line");
    }
    let credentials: serde_json::Value =
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
    let url = credentials["server_url"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let reachable = std::net::TcpStream::connect(url.trim_start_matches("http://")).is_ok();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        url.starts_with("http://127.0.0.1:"),
        "the simulator's credentials line: {line}"
    );
    assert!(
        credentials["jwt"].is_string() && credentials["client_id"].is_string(),
        "{line}"
    );
    assert!(reachable, "it serves at {url}");
}

/// Runs `ringdesk --demo --json ARGS…` with empty folders and returns (exit code, stdout JSON).
fn demo_json(args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let dirs = tempfile::tempdir().expect("temp dir");
    let output = Command::new("timeout")
        .arg("90")
        .arg(env!("CARGO_BIN_EXE_ringdesk"))
        .args(["--demo", "--json"])
        .args(args)
        .env("RINGDESK_CONFIG_DIR", dirs.path().join("config"))
        .env("RINGDESK_DATA_DIR", dirs.path().join("data"))
        .env_remove("RINGCENTRAL_CLIENT_ID")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .output()
        .expect("ringdesk runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json = stdout
        .lines()
        .rev()
        .find_map(|line| serde_json::from_str(line).ok())
        .unwrap_or_else(|| {
            panic!(
                "no JSON in {stdout}\n{}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    (output.status.code(), json)
}

#[test]
#[ignore = "starts the real binary: run by scripts/test"]
fn a_demo_text_goes_through_the_outbox_and_reports_its_id() {
    let (code, json) = demo_json(&["sms", "(650) 555-0123", "On my way"]);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(
        json["state"], "sent",
        "online, the outbox sends at once: {json}"
    );
    assert!(json["message_id"].is_i64(), "{json}");
    assert_eq!(json["to"], "+16505550123");
    assert_eq!(json["segments"], 1);
}

#[test]
#[ignore = "starts the real binary: run by scripts/test"]
fn a_text_from_a_number_that_cannot_text_fails_with_a_hint() {
    let (code, json) = demo_json(&["sms", "+16505550123", "hi", "--from", "+16505550100"]);
    assert_eq!(code, Some(1), "a refused text is a failure: {json}");
    let error = &json["error"];
    assert!(
        error["hint"].as_str().is_some_and(|h| !h.is_empty()),
        "{json}"
    );
}
