//! IPC contract tests: the real command set on Tauri's mock runtime, invoked the way the
//! window invokes them (origin `tauri://localhost` on Linux), checked as JSON. Demo mode runs
//! the built-in simulator in-process with fast timing.

use std::time::{Duration, Instant};

use clap::Parser;
use ringdesk_app::{builder, Cli, Launch};
use ringdesk_core::config::Environment;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

struct Harness {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dirs: tempfile::TempDir,
}

/// Builds the app with the real config and capabilities, for `args` and extra environment.
fn harness(args: &[&str], env: &[(&str, &str)]) -> Harness {
    // Warnings reach the test's output: a failure shows why the desk did what it did.
    let _ = tracing_subscriber::fmt()
        .with_env_filter("warn")
        .with_test_writer()
        .try_init();
    let dirs = tempfile::tempdir().expect("temp dir");
    let config = dirs.path().join("config");
    let data = dirs.path().join("data");
    let mut pairs = vec![
        ("RINGDESK_CONFIG_DIR", config.to_str().expect("utf-8 path")),
        ("RINGDESK_DATA_DIR", data.to_str().expect("utf-8 path")),
        ("RINGDESK_DEMO_TIMING", "fast"),
    ];
    pairs.extend_from_slice(env);
    let cli = Cli::try_parse_from(std::iter::once("ringdesk").chain(args.iter().copied()))
        .expect("arguments parse");
    let launch = Launch::resolve(&cli, &Environment::from_pairs(pairs)).expect("launch resolves");
    let app = builder(mock_builder(), launch)
        .build(tauri::generate_context!())
        .expect("app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window builds");
    Harness {
        _app: app,
        window,
        _dirs: dirs,
    }
}

fn invoke(h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&h.window, request)
        .map(|body| body.deserialize::<Value>().expect("JSON response"))
}

/// Waits until the demo desk has signed in to its simulator.
fn signed_in_demo() -> Harness {
    let h = harness(&[], &[]);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let session = invoke(&h, "session", json!({})).expect("session answers");
        if session["state"] == "signed_in" {
            return h;
        }
        assert!(Instant::now() < deadline, "demo never signed in: {session}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Asserts the `{code, message, hint}` shape and returns the code.
fn error_code(error: &Value) -> String {
    let object = error
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {error}"));
    assert_eq!(object.len(), 3, "exactly code, message and hint: {error}");
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{error}"
    );
    assert!(
        error["hint"].as_str().is_some_and(|h| !h.is_empty()),
        "every error says what to do: {error}"
    );
    error["code"].as_str().expect("code").to_string()
}

#[test]
fn every_command_the_window_calls_is_registered() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/ui/js/backend.js"))
        .expect("backend.js");
    let commands: Vec<&str> = source
        .lines()
        .filter_map(|line| line.trim().split_once(": ['").map(|(_, rest)| rest))
        .filter_map(|rest| rest.split_once('\'').map(|(name, _)| name))
        .collect();
    assert!(
        commands.len() >= 25,
        "the contract lists the commands: {commands:?}"
    );
    let h = harness(&[], &[]);
    for command in commands {
        if let Err(error) = invoke(&h, command, json!({})) {
            let text = error.to_string();
            assert!(
                !text.contains("not found") && !text.contains("not allowed"),
                "{command} is called by the window but not registered: {text}"
            );
        }
    }
}

#[test]
fn app_info_in_demo_mode_names_the_simulator() {
    let h = signed_in_demo();
    let info = invoke(&h, "app_info", json!({})).expect("app_info");
    assert_eq!(info["mode"], "demo", "no RingCentral app configured → demo");
    assert_eq!(info["profile"], "default");
    assert!(
        info["server"]
            .as_str()
            .is_some_and(|s| s.starts_with("http://127.0.0.1:")),
        "{info}"
    );
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn live_mode_without_a_session_offers_sign_in() {
    let h = harness(
        &["--profile", "work"],
        &[
            ("RINGCENTRAL_CLIENT_ID", "abc"),
            ("RINGCENTRAL_SERVER_URL", "sandbox"),
        ],
    );
    let info = invoke(&h, "app_info", json!({})).expect("app_info");
    assert_eq!(info["mode"], "live");
    assert_eq!(info["server"], "https://platform.devtest.ringcentral.com");
    let session = invoke(&h, "session", json!({})).expect("session");
    assert_eq!(session["state"], "signed_out");
    assert_eq!(
        session["canSignIn"], true,
        "a configured app can sign in with the browser"
    );
    let error =
        invoke(&h, "place_call", json!({"to": "+16505550123"})).expect_err("no call signed out");
    assert_eq!(error_code(&error), "auth_required");
}

#[test]
fn number_preview_success_and_refusal() {
    let h = signed_in_demo();
    let ok = invoke(&h, "parse_number", json!({"text": "(650) 555-0123 x 12"})).expect("preview");
    assert_eq!(ok["ok"], true);
    assert_eq!(ok["e164"], "+16505550123");
    assert_eq!(
        ok["extension"], "12",
        "the extension is kept, never folded in"
    );
    assert_eq!(ok["country"], "US");
    assert!(
        ok["display"]
            .as_str()
            .is_some_and(|d| d.contains("555-0123")),
        "{ok}"
    );
    let bad = invoke(&h, "parse_number", json!({"text": "hello"})).expect("a refusal is a preview");
    assert_eq!(bad["ok"], false);
    assert!(
        bad["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{bad}"
    );
}

#[test]
fn a_call_is_placed_once_and_can_be_cancelled() {
    let h = signed_in_demo();
    let options = invoke(&h, "call_options", json!({})).expect("options");
    assert!(
        options["ringMeAt"]
            .as_array()
            .is_some_and(|a| !a.is_empty()),
        "{options}"
    );
    let call = invoke(&h, "place_call", json!({"to": "650 555 0123"})).expect("placed");
    for field in [
        "id",
        "party",
        "phase",
        "words",
        "cancellable",
        "final",
        "startedAt",
    ] {
        assert!(call.get(field).is_some(), "CallView has {field}: {call}");
    }
    let again =
        invoke(&h, "place_call", json!({"to": "650 555 0123"})).expect_err("one call at a time");
    assert_eq!(error_code(&again), "validation");
    let id = call["id"].as_str().expect("id");
    match invoke(&h, "cancel_call", json!({"id": id})) {
        Ok(cancelled) => assert_eq!(cancelled["final"], true, "{cancelled}"),
        // Fast timing may connect before the cancel lands: then it is no longer cancellable.
        Err(error) => assert_eq!(error_code(&error), "validation"),
    }
    let unknown = invoke(&h, "cancel_call", json!({"id": "nope"})).expect_err("unknown call");
    assert_eq!(error_code(&unknown), "validation");
}

#[test]
fn bad_input_is_a_validation_error() {
    let h = signed_in_demo();
    let call = invoke(&h, "place_call", json!({"to": "not a number"})).expect_err("refused");
    assert_eq!(error_code(&call), "validation");
    let thread = invoke(&h, "open_thread", json!({"number": "\u{0007}"})).expect_err("refused");
    assert_eq!(error_code(&thread), "validation");
    let country =
        invoke(&h, "save_settings", json!({"patch": {"country": "XX"}})).expect_err("refused");
    assert_eq!(error_code(&country), "validation");
    let missing = invoke(&h, "contact", json!({"id": 987654321})).expect_err("no such contact");
    assert_eq!(error_code(&missing), "not_found");
}

#[test]
fn history_messages_contacts_and_settings_have_their_shapes() {
    let h = signed_in_demo();
    let calls = invoke(&h, "list_calls", json!({"filter": "all", "limit": 5})).expect("calls");
    assert!(calls["rows"].is_array(), "{calls}");
    let conversations = invoke(&h, "list_conversations", json!({})).expect("conversations");
    assert!(conversations.is_array());
    let measure = invoke(&h, "measure_sms", json!({"text": "héllo 😀"})).expect("measure");
    assert_eq!(measure["units"], 8, "the emoji counts twice");
    assert_eq!(measure["limit"], 1000);
    let contacts = invoke(&h, "list_contacts", json!({"limit": 5})).expect("contacts");
    assert!(contacts["rows"].is_array());
    let settings = invoke(
        &h,
        "save_settings",
        json!({"patch": {"linkAction": "dial"}}),
    )
    .expect("saved");
    assert_eq!(settings["linkAction"], "dial");
    let status = invoke(&h, "status", json!({})).expect("status");
    assert_eq!(status["signedIn"], true, "{status}");
    let sync = invoke(&h, "sync_now", json!({})).expect("sync");
    assert!(sync.get("running").is_some());
}

#[test]
fn signing_out_ends_the_session() {
    let h = signed_in_demo();
    let session = invoke(&h, "sign_out", json!({})).expect("signed out");
    assert_eq!(session["state"], "signed_out");
    let error = invoke(&h, "send_sms", json!({"to": "+16505550123", "text": "hi"}))
        .expect_err("signed out");
    assert_eq!(error_code(&error), "auth_required");
}

#[test]
fn texting_commands_answer_with_their_shapes() {
    let h = signed_in_demo();
    let sent = invoke(
        &h,
        "send_sms",
        json!({"to": "(650) 555-0123", "text": "On my way"}),
    )
    .expect("sent");
    assert_eq!(
        sent["pending"], false,
        "online, the outbox sends at once: {sent}"
    );
    assert!(sent["messageId"].is_i64(), "{sent}");
    let thread = invoke(&h, "open_thread", json!({"number": "+16505550123"})).expect("thread");
    assert_eq!(thread["number"], "+16505550123");
    assert!(
        thread["messages"]
            .as_array()
            .is_some_and(|m| m.iter().any(|m| m["text"] == "On my way")),
        "{thread}"
    );
    assert!(
        thread["senders"].as_array().is_some_and(|s| !s.is_empty()),
        "the sender picker is filled"
    );
    invoke(&h, "mark_read", json!({"number": "+16505550123"})).expect("marked read");
    let empty =
        invoke(&h, "send_sms", json!({"to": "+16505550123", "text": "   "})).expect_err("empty");
    assert_eq!(error_code(&empty), "validation");
    let gone = invoke(&h, "cancel_outbox", json!({"id": 424242})).expect_err("no such outbox item");
    assert_eq!(error_code(&gone), "not_found");
}

#[test]
fn contacts_suggestions_settings_and_session_commands_answer() {
    let h = signed_in_demo();
    let deadline = Instant::now() + Duration::from_secs(30);
    let first = loop {
        let page = invoke(&h, "list_contacts", json!({"limit": 1})).expect("contacts");
        if let Some(row) = page["rows"].get(0) {
            break row.clone();
        }
        assert!(
            Instant::now() < deadline,
            "the demo's contacts never synced"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    let contact = invoke(&h, "contact", json!({"id": first["id"]})).expect("contact");
    assert_eq!(contact["name"], first["name"]);
    assert!(
        contact["numbers"].is_array() && contact["timeline"].is_array(),
        "{contact}"
    );
    let word = first["name"]
        .as_str()
        .and_then(|n| n.split_whitespace().next())
        .expect("a name");
    let suggestions = invoke(&h, "suggest", json!({"query": word})).expect("suggest");
    assert!(
        suggestions.as_array().is_some_and(|s| !s.is_empty()),
        "typing a name suggests its numbers"
    );
    let settings = invoke(&h, "settings", json!({})).expect("settings");
    assert!(
        settings["choices"]["ringMeAt"]
            .as_array()
            .is_some_and(|c| !c.is_empty()),
        "{settings}"
    );
    invoke(&h, "ui_ready", json!({})).expect("ui_ready");
    let reset = invoke(&h, "reset_connection", json!({})).expect("reset");
    assert_eq!(reset["state"], "signed_in", "the demo reconnects");
    let jwt = invoke(&h, "sign_in_jwt", json!({"jwt": "not-a-jwt"})).expect_err("a bad JWT");
    assert!(
        ["auth_required", "validation"].contains(&error_code(&jwt).as_str()),
        "{jwt}"
    );
}

#[test]
fn demo_can_be_started_from_a_signed_out_live_profile() {
    let h = harness(
        &["--profile", "work"],
        &[
            ("RINGCENTRAL_CLIENT_ID", "abc"),
            ("RINGCENTRAL_SERVER_URL", "http://127.0.0.1:9"),
        ],
    );
    let browser = invoke(&h, "sign_in_browser", json!({})).expect_err("no keychain in this test");
    assert!(!error_code(&browser).is_empty());
    let demo = invoke(&h, "start_demo", json!({})).expect("demo");
    assert_eq!(demo["state"], "signed_in");
    assert_eq!(
        demo["mode"], "demo",
        "the switch to the simulator is labelled"
    );
}

#[test]
fn the_link_handler_is_reported_and_made_default_in_the_given_folders() {
    std::process::Command::new("xdg-mime")
        .arg("--version")
        .output()
        .expect(
            "xdg-mime is missing: install the xdg-utils package (scripts/setup.sh --test does)",
        );
    let xdg = tempfile::tempdir().expect("temp dir");
    let data = xdg.path().join("data");
    let config = xdg.path().join("config");
    let h = harness(
        &[],
        &[
            ("XDG_DATA_HOME", data.to_str().expect("utf-8")),
            ("XDG_CONFIG_HOME", config.to_str().expect("utf-8")),
        ],
    );
    let before = invoke(&h, "handler_status", json!({})).expect("status");
    assert_eq!(before["isDefault"], false, "a fresh profile: {before}");
    assert_eq!(before["action"], "register", "Linux registers by itself");
    assert_eq!(
        before["schemes"][0],
        json!({"scheme": "tel", "handler": {"state": "nobody"}})
    );
    let after = invoke(&h, "make_default_handler", json!({})).expect("registered");
    assert_eq!(after["isDefault"], true, "{after}");
    let entry = std::fs::read_to_string(data.join("applications/ringdesk-handler.desktop"))
        .expect("the handler entry is written into XDG_DATA_HOME, nowhere else");
    assert!(
        entry.contains(" %u\n") && !entry.contains("Exec=\""),
        "an unquoted Exec with %u: {entry}"
    );
}

#[test]
fn without_a_home_the_handler_is_not_registered_anywhere() {
    // The harness passes no HOME and no XDG folders: nothing may touch the real desktop.
    let h = harness(&[], &[]);
    let error = invoke(&h, "make_default_handler", json!({})).expect_err("nowhere to write");
    assert_eq!(error_code(&error), "validation", "{error}");
}

mod chats;
mod line;
