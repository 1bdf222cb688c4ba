//! The real `ringdesk` binary signing in with a JWT against a simulator, with its session in a
//! real, unlocked gnome-keyring (Secret Service) of a private D-Bus session.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use crate::scripted::{finish, Scripted};

/// One scripted D-Bus session: every step is a new `ringdesk` process.
const SCRIPT: &str = r#"
step() { name=$1; shift; "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo $? >"$OUT/$name.rc"; }
step login   "$BIN" login --jwt "$JWT" --json
step status  "$BIN" status --json
step human   "$BIN" status
step stored  secret-tool search --all service ringdesk
step logout  "$BIN" logout --json
step gone    secret-tool search --all service ringdesk
step after   "$BIN" status --json
"#;

struct Run<'a> {
    scripted: &'a Scripted,
}

impl Run<'_> {
    fn text(&self, step: &str, stream: &str) -> String {
        self.scripted.read(&format!("{step}.{stream}"))
    }

    fn code(&self, step: &str) -> i32 {
        self.text(step, "rc").trim().parse().unwrap_or(-1)
    }

    fn json(&self, step: &str) -> Value {
        let out = self.text(step, "out");
        serde_json::from_str(out.lines().last().unwrap_or_default()).unwrap_or_else(|e| {
            panic!(
                "{step} printed no JSON ({e}): {out}\n{}",
                self.text(step, "err")
            )
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs D-Bus, gnome-keyring and secret-tool: run by scripts/test"]
async fn login_status_logout_with_the_real_keychain() {
    let scripted = Scripted::new().await;
    let credentials = scripted.credentials().clone();
    let (config, data) = (scripted.config(), scripted.data());
    let mut command = scripted.command(SCRIPT);
    command
        .env("JWT", &credentials.jwt)
        .env("RINGDESK_LOG", "debug");
    let status = finish(command, Duration::from_secs(120)).await;
    assert!(status.success(), "the script ran");
    let run = Run {
        scripted: &scripted,
    };

    assert_eq!(run.code("login"), 0, "login: {}", run.text("login", "err"));
    let login = run.json("login");
    assert_eq!(login["signed_in"], true);
    assert_eq!(
        login["user"]["extension_id"].to_string(),
        credentials.extension_id
    );

    assert_eq!(
        run.code("status"),
        0,
        "status works in a new process: {}",
        run.text("status", "err")
    );
    let report = run.json("status");
    assert_eq!(report["signed_in"], true, "{report}");
    assert_eq!(report["mode"], "live");
    assert_eq!(report["server"], credentials.server_url.as_str());
    assert!(
        report["token"]["access_expires_at"].as_u64().is_some(),
        "{report}"
    );
    assert_eq!(
        report["budgets"].as_array().map(Vec::len),
        Some(4),
        "one budget per group"
    );
    assert_eq!(report["breaker"]["state"], "closed");
    assert!(
        run.text("human", "out").contains("Signed in: Jordan Avery"),
        "{}",
        run.text("human", "out")
    );

    let stored = run.text("stored", "out");
    assert!(
        stored.contains("keyring:default/tokens@ringdesk"),
        "tokens in the keychain: {}",
        stored.len()
    );
    assert!(
        stored.contains("keyring:default/jwt@ringdesk"),
        "the JWT kept for re-login"
    );
    let secrets = secrets_in(&stored, &credentials.jwt);
    assert!(
        secrets.len() >= 3,
        "access token, refresh token and JWT found: {}",
        secrets.len()
    );

    assert_eq!(
        run.code("logout"),
        0,
        "logout: {}",
        run.text("logout", "err")
    );
    assert_eq!(
        run.json("logout")["revoked"],
        true,
        "the session is revoked at RingCentral"
    );
    assert!(
        !run.text("gone", "out").contains("ringdesk"),
        "logout removes every entry: {}",
        run.text("gone", "out")
    );
    assert_ne!(run.code("after"), 0, "signed out: status fails");
    assert_eq!(run.json("after")["signed_in"], false);

    for secret in &secrets {
        for file in files_under(&[config.as_path(), data.as_path()]) {
            let content = std::fs::read(&file).unwrap_or_default();
            assert!(
                !contains(&content, secret.as_bytes()),
                "a token leaked into {}",
                file.display()
            );
        }
        for step in ["login", "status", "human", "logout", "after"] {
            for stream in ["out", "err"] {
                assert!(
                    !run.text(step, stream).contains(secret.as_str()),
                    "a token leaked into the {step} {stream} (debug logs on)"
                );
            }
        }
    }
}

#[test]
#[ignore = "starts the real binary: run by scripts/test"]
fn a_missing_keychain_is_a_clear_error_not_a_hang() {
    let dirs = tempfile::tempdir().expect("temp dir");
    // No session bus at all, so no Secret Service.
    let output = Command::new("timeout")
        .args(["60", env!("CARGO_BIN_EXE_ringdesk"), "status", "--json"])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/ringdesk-test-bus",
        )
        .env_remove("DISPLAY")
        .env("RINGCENTRAL_SERVER_URL", "http://127.0.0.1:9")
        .env("RINGCENTRAL_CLIENT_ID", "client")
        .env("RINGDESK_CONFIG_DIR", dirs.path().join("config"))
        .env("RINGDESK_DATA_DIR", dirs.path().join("data"))
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(1),
        "a failure exit, not a crash or timeout"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json: Value =
        serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(json["error"]["code"], "keychain_unavailable", "{json}");
    assert!(
        json["error"]["hint"]
            .as_str()
            .is_some_and(|h| h.contains("keychain")),
        "{json}"
    );
}

/// The secret values (`secret = …` lines) of a `secret-tool search` listing, split into the
/// token strings they contain, plus the JWT.
fn secrets_in(listing: &str, jwt: &str) -> Vec<String> {
    let mut secrets = vec![jwt.to_string()];
    for line in listing.lines().filter_map(|l| l.strip_prefix("secret = ")) {
        match serde_json::from_str::<Value>(line) {
            Ok(tokens) => {
                for field in ["access_token", "refresh_token"] {
                    if let Some(token) = tokens[field].as_str() {
                        secrets.push(token.to_string());
                    }
                }
            }
            Err(_) => secrets.push(line.to_string()),
        }
    }
    secrets.sort();
    secrets.dedup();
    secrets
}

fn files_under(roots: &[&Path]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending: Vec<PathBuf> = roots.iter().map(|r| r.to_path_buf()).collect();
    while let Some(path) = pending.pop() {
        match std::fs::read_dir(&path) {
            Ok(entries) => pending.extend(entries.flatten().map(|e| e.path())),
            Err(_) if path.is_file() => files.push(path),
            Err(_) => {}
        }
    }
    files
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}
