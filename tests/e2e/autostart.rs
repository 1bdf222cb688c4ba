//! Start at login: the Settings toggle writes (and removes) the XDG autostart entry, which
//! starts `ringdesk --minimized`.

use serde_json::json;

use crate::links::signed_in;

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn start_at_login_follows_the_setting() {
    let desktop = signed_in(&[], None).await;
    let entry = desktop
        .dir()
        .join("home/.config/autostart/ringdesk.desktop");
    assert!(!entry.exists(), "off by default");
    desktop.click("Settings").await;
    desktop
        .wait_until(
            "the toggle",
            "return !!document.querySelector('#setting-startAtLogin');",
        )
        .await;
    desktop
        .eval("document.querySelector('#setting-startAtLogin').click(); return true;")
        .await;
    let deadline = std::time::Instant::now() + crate::desktop::PATIENCE;
    while !entry.exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "no autostart entry was written"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let text = std::fs::read_to_string(&entry).expect("entry");
    let exec = format!("Exec={} --minimized", env!("CARGO_BIN_EXE_ringdesk-window"));
    assert!(
        text.lines().any(|line| line == exec),
        "login starts this ringdesk hidden in the tray: {text}"
    );
    let off = desktop
        .invoke("save_settings", json!({"patch": {"startAtLogin": false}}))
        .await
        .expect("saved");
    assert_eq!(off["startAtLogin"], false);
    assert!(!entry.exists(), "turning it off removes the entry");
    desktop.close().await;
}
