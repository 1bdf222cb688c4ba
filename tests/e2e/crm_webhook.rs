//! The webhook from the real `ringdesk` binary, its secret in a real gnome-keyring: a process
//! killed with `kill -9` while its delivery hangs loses no event — the next `ringdesk
//! integrations send` delivers every one, each signed, each once by its event id.

use std::time::{Duration, Instant};

use ringdesk_testkit::webhook::WebhookReceiver;
use serde_json::Value;

use crate::scripted::{finish, Scripted};

const SECRET: &str = "whsec_e2e_kill";

/// Every step a new process; `held` is killed by the test while its request hangs.
const SCRIPT: &str = r#"
step() { name=$1; shift; "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo $? >"$OUT/$name.rc"; }
printf %s "$SECRET" | "$BIN" --demo integrations webhook-secret >"$OUT/secret.out" 2>&1
step first  "$BIN" --demo --json integrations send
step import "$BIN" --demo --json import contacts "$CONTACTS"
"$BIN" --demo --json integrations send >"$OUT/held.out" 2>"$OUT/held.err" &
echo $! >"$OUT/held.pid"
while [ ! -e "$OUT/killed" ]; do sleep 0.1; done
# The killed process's claim goes stale (integrations::STALE_AFTER), then the event goes again.
sleep 32
step again  "$BIN" --demo --json integrations send
step status "$BIN" --demo --json integrations status
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs D-Bus and gnome-keyring: run by scripts/test"]
async fn a_delivery_killed_mid_request_loses_no_event() {
    let scripted = Scripted::new().await;
    let receiver = WebhookReceiver::start(SECRET).await;
    receiver.inbox(|inbox| inbox.hold = true);
    std::fs::create_dir_all(scripted.config()).expect("config dir");
    std::fs::write(
        scripted.config().join("config.toml"),
        format!(
            "[profiles.default.integrations.webhook]\nurl = \"{}\"\n",
            receiver.url
        ),
    )
    .expect("config");
    let contacts = scripted.out().join("contacts.csv");
    std::fs::write(
        &contacts,
        "First Name,Last Name,Phone\nAna,Silva,+14155550201\nBo,Chen,+14155550202\nCy,Park,+14155550203\n",
    )
    .expect("csv");
    let mut command = scripted.command(SCRIPT);
    command
        .env("SECRET", SECRET)
        .env("CONTACTS", &contacts)
        .env("RINGDESK_LOG", "debug");
    let session = tokio::spawn(finish(command, Duration::from_secs(180)));

    // The first delivery arrives and hangs: kill its process there.
    let deadline = Instant::now() + Duration::from_secs(60);
    while receiver.inbox(|inbox| inbox.arrived) == 0 {
        assert!(
            Instant::now() < deadline,
            "no delivery arrived: {}",
            scripted.read("held.err")
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let pid = scripted.read("held.pid").trim().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid])
        .status()
        .expect("kill");
    assert!(killed.success(), "kill -9 {pid}");
    receiver.release();
    std::fs::write(scripted.out().join("killed"), "").expect("tell the script");
    let status = session.await.expect("session task");
    assert!(status.success(), "the script ran");

    let rc = |step: &str| scripted.read(&format!("{step}.rc")).trim().to_string();
    assert_eq!(rc("first"), "0", "{}", scripted.read("first.err"));
    assert_eq!(rc("import"), "0", "{}", scripted.read("import.err"));
    assert_eq!(rc("again"), "0", "{}", scripted.read("again.err"));
    let (taken, deliveries) = receiver.inbox(|inbox| (inbox.taken(), inbox.deliveries.clone()));
    assert!(
        deliveries.iter().all(|d| d.signature_ok),
        "every delivery signed: {deliveries:?}"
    );
    let mut numbers: Vec<String> = taken
        .iter()
        .filter(|e| e["type"] == "contact.created")
        .map(|e| e["data"]["number"].as_str().unwrap_or_default().to_string())
        .collect();
    numbers.sort();
    assert_eq!(
        numbers,
        ["+14155550201", "+14155550202", "+14155550203"],
        "every event once, none lost to the kill: {taken:?}"
    );
    let status: Value = serde_json::from_str(
        scripted
            .read("status.out")
            .lines()
            .last()
            .unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("status JSON ({e}): {}", scripted.read("status.err")));
    let queue = &status["webhook"]["queue"];
    assert_eq!(queue["delivered"], 3, "{status}");
    assert_eq!(queue["pending"], 0, "{status}");
    assert_eq!(status["webhook"]["secretSet"], true);
    assert!(
        !scripted.read("status.out").contains(SECRET),
        "the secret never shows"
    );
}
