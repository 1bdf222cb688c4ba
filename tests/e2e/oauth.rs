//! The OAuth redirect through `ringdesk://oauth/callback`, as the system delivers it: a sign-in
//! started in the window (or by `ringdesk login` waiting in a terminal) is completed by the
//! browser's redirect, which the system hands to `ringdesk 'ringdesk://oauth/callback?…'` — a
//! second process that passes it to the running window. A forged `state` is refused in words.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::Locator;
use ringcentral_sim::RunningSim;
use ringdesk_testkit::consent::allow as consent;
use serde_json::{json, Value};

use crate::desktop::{Desktop, PATIENCE};
use crate::scripted::wait_for_authorize_url;

/// A live-mode ringdesk pointed at a simulator, with a "browser" that only records the address
/// it was asked to open.
struct Live {
    desktop: Desktop,
    _sim: RunningSim,
    opened: PathBuf,
    _browser: tempfile::TempDir,
}

async fn live() -> Live {
    let sim = ringdesk_testkit::sim::sim(|_| {}).await;
    let credentials = sim.credentials().clone();
    let browser = tempfile::tempdir().expect("temp dir");
    let opened = browser.path().join("opened-url");
    let script = browser.path().join("browser");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .expect("browser script");
    make_executable(&script);
    let desktop = Desktop::launch(
        &[],
        &[
            ("RINGCENTRAL_SERVER_URL", &credentials.server_url),
            ("RINGCENTRAL_CLIENT_ID", &credentials.client_id),
            ("RINGCENTRAL_CLIENT_SECRET", &credentials.client_secret),
            ("BROWSER", script.to_str().expect("utf-8")),
        ],
    )
    .await;
    desktop
        .wait_until(
            "the sign-in screen",
            "const s = document.querySelector('.sign-in'); return !!s && !s.hidden;",
        )
        .await;
    Live {
        desktop,
        _sim: sim,
        opened,
        _browser: browser,
    }
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

impl Live {
    /// Presses "Sign in with RingCentral" and returns the address the browser was sent to.
    async fn sign_in_in_window(&self) -> String {
        self.desktop
            .client
            .find(Locator::Css(".sign-in button.primary"))
            .await
            .expect("the sign-in button")
            .click()
            .await
            .expect("click");
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(url) = std::fs::read_to_string(&self.opened) {
                if !url.is_empty() {
                    return url;
                }
            }
            assert!(Instant::now() < deadline, "no browser was opened");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// What the system does with the redirect: `ringdesk <callback>`.
    fn deliver(&self, callback: &str) {
        let handed = self.desktop.ringdesk(&[callback]);
        assert!(
            handed.status.success(),
            "the redirect reaches the running window: {}",
            String::from_utf8_lossy(&handed.stderr)
        );
    }

    async fn session(&self) -> Value {
        self.desktop
            .invoke("session", json!({}))
            .await
            .expect("session")
    }
}

async fn wait_signed_in(live: &Live) {
    live.desktop
        .wait_until(
            "the window to sign in",
            "const s = document.querySelector('.sign-in'); return !!s && s.hidden && \
             document.querySelector('.status-profile')?.textContent !== '';",
        )
        .await;
    assert_eq!(live.session().await["state"], "signed_in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn a_sign_in_started_in_the_window_completes_through_the_redirect() {
    let live = live().await;
    let authorize = live.sign_in_in_window().await;
    let callback = consent(&authorize).await;
    assert!(
        callback.starts_with("ringdesk://oauth/callback?code="),
        "{callback}"
    );
    live.deliver(&callback);
    wait_signed_in(&live).await;
    live.desktop
        .wait_until(
            "the confirmation",
            "return [...document.querySelectorAll('.toast')].some(t => t.textContent.includes('Signed in'));",
        )
        .await;
    live.desktop.screenshot("oauth-signed-in").await;
    live.desktop.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn a_forged_state_is_refused_with_a_clear_message() {
    let live = live().await;
    let authorize = live.sign_in_in_window().await;
    let genuine = consent(&authorize).await;
    let (base, query) = genuine.split_once('?').expect("a query");
    let forged_query: Vec<String> = query
        .split('&')
        .map(|pair| {
            if pair.starts_with("state=") {
                "state=forged-by-someone-else".to_string()
            } else {
                pair.to_string()
            }
        })
        .collect();
    live.deliver(&format!("{base}?{}", forged_query.join("&")));
    live.desktop
        .wait_until(
            "the refusal in words",
            "return [...document.querySelectorAll('.toast[role=alert]')].some(t => t.textContent.includes('state mismatch'));",
        )
        .await;
    live.desktop.screenshot("oauth-forged-state").await;
    assert_eq!(
        live.session().await["state"],
        "signed_out",
        "a forged answer signs nobody in"
    );
    live.desktop.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn a_sign_in_started_by_the_cli_is_completed_by_the_window() {
    let live = live().await;
    let out = live.desktop.dir().join("login.out");
    let mut login = live
        .desktop
        .spawn_ringdesk(&["login", "--no-browser", "--json"], &out);
    let authorize = wait_for_authorize_url(&out).await;
    live.deliver(&consent(&authorize).await);
    wait_signed_in(&live).await;
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = login.try_wait().expect("login runs") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the waiting login never finished"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let printed = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(
        status.success(),
        "the waiting login saw the tokens: {printed}"
    );
    let last: Value =
        serde_json::from_str(printed.lines().last().unwrap_or_default()).expect("JSON result");
    assert_eq!(last["signed_in"], true, "{last}");
    live.desktop.close().await;
}
