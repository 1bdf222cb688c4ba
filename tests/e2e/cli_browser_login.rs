//! The browser sign-in across processes: `ringdesk login` prints the authorize address and
//! waits; a second process completes it with `ringdesk login --callback URL` (as the window
//! will with the deep link); the first one then reports the signed-in user.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

const SCRIPT: &str = r#"
eval "$(printf e2e | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
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
    let sim = ringcentral_sim::start(ringcentral_sim::SimConfig::fast())
        .await
        .expect("simulator on 127.0.0.1:0");
    let credentials = sim.credentials().clone();
    let dirs = tempfile::tempdir().expect("temp dir");
    let out = dirs.path().join("out");
    std::fs::create_dir_all(&out).expect("out dir");
    let mut command = Command::new("dbus-run-session");
    command
        .args(["--", "sh", "-c", SCRIPT])
        .env("BIN", env!("CARGO_BIN_EXE_ringdesk"))
        .env("OUT", &out)
        .env("RINGCENTRAL_SERVER_URL", &credentials.server_url)
        .env("RINGCENTRAL_CLIENT_ID", &credentials.client_id)
        .env("RINGCENTRAL_CLIENT_SECRET", &credentials.client_secret)
        .env_remove("RINGCENTRAL_JWT")
        .env("RINGDESK_CONFIG_DIR", dirs.path().join("config"))
        .env("RINGDESK_DATA_DIR", dirs.path().join("data"));
    let session = tokio::task::spawn_blocking(move || command.status());

    let authorize_url = wait_for_authorize_url(&out.join("waiting.out")).await;
    let callback = consent(&authorize_url).await;
    std::fs::write(out.join("callback"), &callback).expect("hand the redirect over");

    let status = tokio::time::timeout(Duration::from_secs(60), session)
        .await
        .expect("the session finishes")
        .expect("task")
        .expect("dbus-run-session runs");
    assert!(status.success());
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap_or_default();
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

async fn wait_for_authorize_url(path: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if let Some(line) = text.lines().next() {
            if let Ok(event) = serde_json::from_str::<Value>(line) {
                return event["authorize_url"]
                    .as_str()
                    .expect("authorize_url")
                    .to_string();
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("ringdesk login never printed the authorize address");
}

/// What a person does in the browser: open the page, press Allow; returns the redirect.
pub async fn consent(authorize_url: &str) -> String {
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("browser");
    let html = browser
        .get(authorize_url)
        .send()
        .await
        .expect("authorize page")
        .text()
        .await
        .expect("html");
    let mut form: Vec<(String, String)> = html
        .split("<input type=\"hidden\" ")
        .skip(1)
        .filter_map(|input| {
            let name = input.split("name=\"").nth(1)?.split('"').next()?;
            let value = input.split("value=\"").nth(1)?.split('"').next()?;
            Some((name.replace("&amp;", "&"), value.replace("&amp;", "&")))
        })
        .collect();
    form.push(("sim_consent".into(), "allow".into()));
    let action = authorize_url.split('?').next().expect("base");
    let redirect = browser
        .post(action)
        .form(&form)
        .send()
        .await
        .expect("consent");
    assert_eq!(
        redirect.status(),
        302,
        "Allow redirects to ringdesk://oauth/callback"
    );
    redirect.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_string()
}
