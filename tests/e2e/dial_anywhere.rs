//! Dial from anywhere: with a number selected in another app (the X11 primary selection, set
//! with xclip), the global shortcut pressed on the X server (xdotool) puts it in the dial view,
//! and Settings says the shortcut is in force.

use serde_json::json;

use crate::desktop::{Desktop, PATIENCE};

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, xclip, xdotool and WebKitWebDriver: run by scripts/test"]
async fn the_shortcut_puts_the_selected_number_in_the_dial_view() {
    let desktop = Desktop::launch(&[], &[]).await;
    desktop.wait_signed_in_demo().await;
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let status = desktop
            .invoke("dial_shortcut_status", json!({}))
            .await
            .expect("dial_shortcut_status");
        if status["active"] == true {
            assert_eq!(status["shortcut"], "Ctrl+Alt+D", "{status}");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the shortcut was never taken: {status}\n{}",
            desktop.log()
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    desktop.click("Settings").await;
    desktop
        .wait_until(
            "Settings to say the shortcut is in force",
            "return document.querySelector('#shortcut-state')?.textContent === 'Ctrl+Alt+D dials the number selected in any app.';",
        )
        .await;

    // Another app's selection; xclip stays behind to serve it and must not hold our pipes.
    let select = desktop.run(
        "sh",
        &[
            "-c",
            "printf '%s' 'Ana Silva — (650) 555-0177, after 3pm' | xclip -selection primary >/dev/null 2>&1",
        ],
    );
    assert!(
        select.status.success(),
        "xclip: {}",
        String::from_utf8_lossy(&select.stderr)
    );
    let pressed = desktop.run("xdotool", &["key", "ctrl+alt+d"]);
    assert!(
        pressed.status.success(),
        "xdotool: {}",
        String::from_utf8_lossy(&pressed.stderr)
    );
    desktop
        .wait_until(
            "the selected number in the dial view",
            "return document.querySelector('#dial-number')?.value === '+16505550177';",
        )
        .await;
    assert!(
        desktop.ringouts().await.is_empty(),
        "prefilled (the default link action), not dialed"
    );
    desktop.close().await;
}
