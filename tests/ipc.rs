//! IPC contract tests: the real command set on Tauri's mock runtime, invoked the way the
//! window invokes them (origin `tauri://localhost` on Linux), checked as JSON.

use clap::Parser;
use ringdesk_app::{builder, Cli, Launch};
use ringdesk_core::config::Environment;
use serde_json::Value;
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
    let dirs = tempfile::tempdir().expect("temp dir");
    let config = dirs.path().join("config");
    let data = dirs.path().join("data");
    let mut pairs = vec![
        ("RINGDESK_CONFIG_DIR", config.to_str().expect("utf-8 path")),
        ("RINGDESK_DATA_DIR", data.to_str().expect("utf-8 path")),
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

#[test]
fn app_info_in_demo_mode() {
    let h = harness(&[], &[]);
    let info = invoke(&h, "app_info", Value::Null).expect("app_info succeeds");
    assert_eq!(info["mode"], "demo", "no RingCentral app configured → demo");
    assert_eq!(info["profile"], "default");
    assert_eq!(
        info["server"],
        Value::Null,
        "demo mode talks to the built-in simulator"
    );
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        info["dataDir"]
            .as_str()
            .is_some_and(|d| d.ends_with("data")),
        "{info}"
    );
}

#[test]
fn app_info_in_live_mode_names_the_server() {
    let h = harness(
        &["--profile", "work"],
        &[
            ("RINGCENTRAL_CLIENT_ID", "abc"),
            ("RINGCENTRAL_SERVER_URL", "sandbox"),
        ],
    );
    let info = invoke(&h, "app_info", Value::Null).expect("app_info succeeds");
    assert_eq!(info["mode"], "live");
    assert_eq!(info["profile"], "work");
    assert_eq!(info["server"], "https://platform.devtest.ringcentral.com");
}

#[test]
fn demo_flag_overrides_a_configured_app() {
    let h = harness(&["--demo"], &[("RINGCENTRAL_CLIENT_ID", "abc")]);
    let info = invoke(&h, "app_info", Value::Null).expect("app_info succeeds");
    assert_eq!(info["mode"], "demo");
}

#[test]
fn unknown_commands_are_refused() {
    let h = harness(&[], &[]);
    let error = invoke(&h, "no_such_command", Value::Null).expect_err("must be refused");
    assert!(error.to_string().contains("no_such_command"), "{error}");
}
