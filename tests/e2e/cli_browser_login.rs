//! The browser sign-in across processes: `ringdesk login` prints the authorize address and
//! waits; a second process completes it with `ringdesk login --callback URL` (as the window
//! will with the deep link); the first one then reports the signed-in user.

use std::time::Duration;

use ringdesk_testkit::consent;
use serde_json::Value;

use crate::scripted::{finish, wait_for_authorize_url, Scripted};

const SCRIPT: &str = r#"
"$BIN" login --no-browser --json >"$OUT/waiting.out" 2>"$OUT/waiting.err" &
waiting=$!
i=0; while [ ! -s "$OUT/callback" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
"$BIN" login --callback "$(cat "$OUT/callback")" --json >"$OUT/complete.out" 2>"$OUT/complete.err"
echo $? >"$OUT/complete.rc"
wait $waiting; echo $? >"$OUT/waiting.rc"
"$BIN" status --json >"$OUT/status.out" 2>"$OUT/status.err"; echo $? >"$OUT/status.rc"
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs D-Bus and gnome-keyring: run by scripts/test"]
async fn a_browser_sign_in_is_completed_by_another_process() {
    let scripted = Scripted::new().await;
    let out = scripted.out();
    let session = tokio::spawn(finish(scripted.command(SCRIPT), Duration::from_secs(60)));

    let authorize_url = wait_for_authorize_url(&out.join("waiting.out")).await;
    let callback = consent::allow(&authorize_url).await;
    std::fs::write(out.join("callback"), &callback).expect("hand the redirect over");

    let status = session.await.expect("task");
    assert!(status.success());
    let read = |name: &str| scripted.read(name);
    assert_eq!(
        read("complete.rc").trim(),
        "0",
        "completing: {}",
        read("complete.err")
    );
    assert_eq!(
        read("waiting.rc").trim(),
        "0",
        "the waiting login saw the tokens: {}",
        read("waiting.err")
    );
    let last: Value = serde_json::from_str(read("waiting.out").lines().last().unwrap_or_default())
        .expect("JSON result");
    assert_eq!(last["signed_in"], true, "{last}");
    assert_eq!(last["method"], "browser");
    assert_eq!(
        read("status.rc").trim(),
        "0",
        "status in a third process: {}",
        read("status.err")
    );
}
