//! After the call in the real window: a call that ends offers its wrap-up card, which the agent
//! fills with the keyboard only — a digit picks the disposition, Tab reaches the notes,
//! Ctrl+Enter saves — and History then shows the outcome on the call's row.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::desktop::{Desktop, PATIENCE};
use crate::window::dial;

/// A demo call takes ~10 s to end at human pace.
const CALL_PATIENCE: Duration = Duration::from_secs(45);

/// Sends `keys` (WebDriver key codes allowed) to whatever has the focus.
async fn keys(desktop: &Desktop, keys: &str) {
    desktop
        .client
        .active_element()
        .await
        .expect("something has the focus")
        .send_keys(keys)
        .await
        .unwrap_or_else(|e| panic!("keys {keys:?}: {e}"));
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn an_ended_call_is_wrapped_up_with_the_keyboard_and_shown_in_history() {
    let desktop = Desktop::launch(&[], &[]).await;
    desktop.wait_signed_in_demo().await;
    dial(&desktop, "+1 650 555 0150").await;
    desktop
        .wait_up_to(
            CALL_PATIENCE,
            "the wrap-up card",
            "const card = document.querySelector('section.wrapup'); return !!card && !card.hidden && document.activeElement?.getAttribute('role') === 'radio';",
        )
        .await;
    // 3 picks "No answer"; Tab leaves the dispositions for the notes; Ctrl+Enter saves.
    keys(&desktop, "3").await;
    keys(&desktop, "\u{E004}").await;
    keys(&desktop, "Busy twice, try after lunch").await;
    desktop.screenshot("wrap-up").await;
    keys(&desktop, "\u{E009}\u{E007}\u{E000}").await;
    desktop
        .wait_until(
            "the card saved and gone",
            "const card = document.querySelector('section.wrapup'); return !card || card.hidden;",
        )
        .await;
    let to_do = desktop
        .invoke("wrapups_to_do", json!({}))
        .await
        .expect("wrapups_to_do");
    assert_eq!(to_do, json!([]), "nothing left to wrap up");

    // The call log's record, brought by a sync, carries the outcome in History.
    let deadline = Instant::now() + PATIENCE;
    loop {
        desktop
            .invoke("sync_now", json!({}))
            .await
            .expect("sync_now");
        let page = desktop
            .invoke(
                "list_calls",
                json!({ "filter": "outbound", "search": null, "after": null, "limit": 20 }),
            )
            .await
            .expect("list_calls");
        let row = page["rows"]
            .as_array()
            .and_then(|rows| rows.iter().find(|r| r["dial"] == "+16505550150").cloned());
        if let Some(row) = row.filter(|r| !r["disposition"].is_null()) {
            assert_eq!(row["disposition"], "No answer", "{row}");
            assert_eq!(row["notes"], "Busy twice, try after lunch");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "History never showed the wrap-up: {page}"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    desktop.close().await;
}
