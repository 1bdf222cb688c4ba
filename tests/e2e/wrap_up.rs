//! After the call in the real window: a call that ends offers its wrap-up card, which the agent
//! fills with the keyboard only — a digit picks the disposition, Tab reaches the notes,
//! Ctrl+Enter saves — and History then shows the outcome on the call's row, and the contact's
//! timeline the outcome and notes; what was typed on a card and never saved survives the window
//! killed with SIGKILL; a follow-up promised in a wrap-up pops a notification through dunst when
//! its time comes.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::desktop::{Desktop, PATIENCE};
use crate::window::dial;

/// A demo call takes ~10 s to end at human pace.
const CALL_PATIENCE: Duration = Duration::from_secs(45);

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn an_ended_call_is_wrapped_up_with_the_keyboard_and_shown_in_history() {
    let desktop = Desktop::launch(&[], &[]).await;
    desktop.wait_signed_in_demo().await;
    let contact = desktop
        .invoke(
            "add_contact",
            json!({ "contact": { "name": "Nora Quist", "number": "+16505550150" } }),
        )
        .await
        .expect("add_contact");
    dial(&desktop, "+1 650 555 0150").await;
    desktop.wait_for_wrap_up_card(CALL_PATIENCE).await;
    // 3 picks "No answer"; Tab leaves the dispositions for the notes; Ctrl+Enter saves.
    desktop.keys("3").await;
    desktop.keys("\u{E004}").await;
    desktop.keys("Busy twice, try after lunch").await;
    desktop.screenshot("wrap-up").await;
    desktop.keys("\u{E009}\u{E007}\u{E000}").await;
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

    // Nora's page: the call on her timeline with its outcome and notes.
    desktop
        .eval("document.querySelector(\"nav button[data-view='contacts']\").click(); return true;")
        .await;
    // Typed once the list has loaded (its first read would answer after the search's).
    desktop
        .wait_until(
            "Contacts loaded",
            "return document.querySelectorAll('.contact-row').length > 0;",
        )
        .await;
    desktop.type_into("#contacts-search", "Quist").await;
    desktop
        .wait_or_show(
            PATIENCE,
            "Nora in Contacts",
            "return [...document.querySelectorAll('.contact-row')].some(r => r.textContent.includes('Nora Quist'));",
        )
        .await;
    desktop
        .eval("[...document.querySelectorAll('.contact-row')].find(r => r.textContent.includes('Nora Quist')).click(); return true;")
        .await;
    desktop
        .wait_or_show(
            PATIENCE,
            "the wrap-up on Nora's timeline",
            "return [...document.querySelectorAll('.timeline-wrapup')].some(w => w.textContent === 'No answer — Busy twice, try after lunch');",
        )
        .await;
    assert!(contact["id"].is_i64(), "{contact}");
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, dunst and WebKitWebDriver: run by scripts/test"]
async fn a_follow_up_pops_a_notification_through_dunst_at_its_time() {
    let desktop = Desktop::launch(&[], &[]).await;
    desktop.wait_signed_in_demo().await;
    dial(&desktop, "+1 650 555 0151").await;
    desktop.wait_for_wrap_up_card(CALL_PATIENCE).await;
    let to_do = desktop
        .invoke("wrapups_to_do", json!({}))
        .await
        .expect("wrapups_to_do");
    let key = to_do[0]["callKey"]
        .as_str()
        .expect("the call's key")
        .to_string();
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(3)).to_rfc3339();
    desktop
        .invoke(
            "save_wrapup",
            json!({ "input": { "callKey": key, "disposition": "Call back", "followUpAt": soon, "followUpNote": "promised a quote" } }),
        )
        .await
        .expect("save_wrapup");
    // The reminder loop looks every 20 s: the notification comes within that of its time.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let shown = desktop.notifications();
        let reminders: Vec<&serde_json::Value> = shown
            .iter()
            .filter(|n| {
                n["body"]
                    .as_str()
                    .is_some_and(|b| b.contains("promised a quote"))
            })
            .collect();
        if let Some(reminder) = reminders.first() {
            assert!(
                reminder["summary"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("Call back")),
                "{reminder}"
            );
            assert_eq!(reminders.len(), 1, "once: {shown:?}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no follow-up notification: {shown:?}\n{}",
            desktop.log()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn a_card_typed_and_never_saved_survives_the_window_killed() {
    let desktop = Desktop::launch(&[], &[]).await;
    desktop.wait_signed_in_demo().await;
    dial(&desktop, "+1 650 555 0150").await;
    desktop.wait_for_wrap_up_card(CALL_PATIENCE).await;
    desktop.keys("3").await;
    desktop.keys("\u{E004}").await;
    desktop.keys("Asked for the Q4 price list").await;
    // The autosave lands once typing pauses; nothing is saved.
    let deadline = Instant::now() + PATIENCE;
    loop {
        let to_do = desktop
            .invoke("wrapups_to_do", json!({}))
            .await
            .expect("wrapups_to_do");
        if to_do[0]["notes"] == "Asked for the Q4 price list" {
            break;
        }
        assert!(Instant::now() < deadline, "never autosaved: {to_do}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    desktop.kill_window();

    // The command line reads the same cache: the draft is there, notes and outcome as typed.
    let read = desktop.ringdesk(&["--json", "wrapups"]);
    assert!(read.status.success(), "{read:?}");
    let text = String::from_utf8_lossy(&read.stdout);
    let last: serde_json::Value =
        serde_json::from_str(text.lines().last().unwrap_or_default()).expect("JSON");
    let draft = &last["to_wrap_up"][0];
    assert_eq!(draft["notes"], "Asked for the Q4 price list", "{last}");
    assert_eq!(draft["disposition"], "No answer", "{last}");
    assert_eq!(draft["saved"], false, "a draft, still to wrap up");
    desktop.close().await;
}
