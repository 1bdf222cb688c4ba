//! A call list in the real window, run with *Next*: three numbers pasted into Lists, each called
//! in turn — its wrap-up card filled with the keyboard only before the next — and the
//! simulator asked for exactly three RingOuts, one per entry, in the list's order.

use std::time::Duration;

use serde_json::json;

use crate::desktop::Desktop;

/// A demo call takes ~10 s to end at human pace.
const CALL_PATIENCE: Duration = Duration::from_secs(45);

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn a_three_entry_list_run_with_next_places_three_ringouts_in_order() {
    let desktop = Desktop::launch(&[], &[]).await;
    desktop.wait_signed_in_demo().await;
    // Next only: no countdown between calls.
    desktop
        .invoke(
            "save_settings",
            json!({ "patch": { "listCountdownSecs": 0 } }),
        )
        .await
        .expect("save_settings");
    desktop.click("Lists").await;
    desktop
        .eval("document.querySelector('#list-new').click(); return true;")
        .await;
    desktop.type_into("#list-name", "Today").await;
    desktop
        .type_into(
            "#list-paste",
            // Enter (U+E007) ends each line, as the agent's paste would.
            // The simulator's busy, rejected and unreachable numbers: each call ends in seconds.
            "Ana Silva, +1 650 555 0150, renewal\u{E007}Bo Chen, +1 650 555 0152\u{E007}Cy Park, +1 650 555 0153",
        )
        .await;
    desktop
        .eval("document.querySelector('#list-add').click(); return true;")
        .await;
    desktop
        .wait_until(
            "three entries",
            "return document.querySelectorAll('#list-entries .list-entry').length === 3;",
        )
        .await;
    desktop.screenshot("call-list").await;

    for (at, name) in ["Ana Silva", "Bo Chen", "Cy Park"].iter().enumerate() {
        // Next, then the card of the call it placed.
        desktop
            .eval("document.querySelector('#list-next').click(); return true;")
            .await;
        desktop.wait_for_wrap_up_card(CALL_PATIENCE).await;
        // 3 picks "No answer"; Ctrl+Enter saves.
        desktop.keys("3").await;
        desktop.keys("\u{E009}\u{E007}\u{E000}").await;
        desktop
            .wait_or_show(
                CALL_PATIENCE,
                &format!("{name} done"),
                &format!(
                    "const rows = document.querySelectorAll('#list-entries .list-entry'); \
                     return rows.length === 3 && rows[{at}].dataset.state === 'done';"
                ),
            )
            .await;
    }

    let ringouts = desktop.ringouts().await;
    assert_eq!(ringouts.len(), 3, "one RingOut per entry: {ringouts:?}");
    assert!(
        ringouts.windows(2).all(|w| w[0].at <= w[1].at),
        "{ringouts:?}"
    );
    // Each entry's call is the RingOut placed for it, in the list's order.
    let list = desktop
        .invoke("call_list", json!({ "name": "Today" }))
        .await
        .expect("call_list");
    let placed: Vec<(String, u64)> = list["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            let key = e["callKey"].as_str().unwrap_or_default();
            let id = key
                .trim_start_matches("ringout:")
                .split('@')
                .next()
                .and_then(|id| id.parse().ok())
                .unwrap_or_default();
            (e["number"].as_str().unwrap_or_default().to_string(), id)
        })
        .collect();
    let numbers: Vec<&str> = placed.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(numbers, ["+16505550150", "+16505550152", "+16505550153"]);
    assert!(
        placed.windows(2).all(|w| w[0].1 < w[1].1 && w[0].1 > 0),
        "RingOuts placed in the list's order: {placed:?}"
    );
    let through = desktop
        .invoke("next_in_list", json!({ "name": "Today" }))
        .await
        .expect("next_in_list");
    assert_eq!(through, json!(null), "the list is through");
    assert_eq!(
        desktop.ringouts().await.len(),
        3,
        "and nothing more was dialed"
    );
    desktop.close().await;
}
