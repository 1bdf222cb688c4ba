//! The window used end to end in demo mode: calls, texts, contacts, history — the real binary
//! against its built-in simulator, checked in the page and in the simulator's request log.

use std::time::Duration;

use serde_json::json;

use crate::desktop::Desktop;

/// A demo call takes ~10 s to connect at human pace.
const CALL_PATIENCE: Duration = Duration::from_secs(45);

async fn signed_in() -> Desktop {
    let desktop = Desktop::launch(&[], &[]).await;
    desktop.wait_signed_in_demo().await;
    desktop
}

fn call_bar_says(words: &str) -> String {
    format!("const bar = document.querySelector('.call-bar'); return !!bar && !bar.hidden && bar.textContent.includes({words:?});")
}

/// Types `number` into the dial field, waits for its normalised preview, and presses Call.
pub(crate) async fn dial(desktop: &Desktop, number: &str) {
    desktop.type_into("#dial-number", number).await;
    desktop
        .wait_until(
            "the normalised preview",
            "return document.querySelector('.number-preview').dataset.tone === 'ok';",
        )
        .await;
    desktop.click("Call").await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn a_typed_number_is_called_and_the_live_bar_reaches_connected() {
    let desktop = signed_in().await;
    dial(&desktop, "650 555 0123").await;
    desktop
        .wait_up_to(
            CALL_PATIENCE,
            "Ringing your phone",
            &call_bar_says("Ringing your"),
        )
        .await;
    desktop
        .wait_up_to(CALL_PATIENCE, "Connected", &call_bar_says("Connected"))
        .await;
    desktop.screenshot("call").await;
    let ringouts = desktop.ringouts().await;
    assert_eq!(
        ringouts.len(),
        1,
        "exactly one RingOut reached RingCentral: {ringouts:?}"
    );
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn a_busy_number_shows_busy() {
    let desktop = signed_in().await;
    dial(&desktop, "+1 650 555 0150").await;
    desktop
        .wait_up_to(CALL_PATIENCE, "Busy", &call_bar_says("Busy"))
        .await;
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn a_sent_text_shows_in_its_thread_and_hostile_text_stays_text() {
    let desktop = signed_in().await;
    desktop.click("Messages").await;
    desktop.type_into("#new-to", "+1 650 555 0123").await;
    desktop
        .client
        .find(fantoccini::Locator::Css(".new-message button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("click");
    let hostile = "<img src=x onerror=alert(1)>";
    desktop.wait_for_css("textarea[aria-label='Message']").await;
    desktop
        .type_into("textarea[aria-label='Message']", hostile)
        .await;
    desktop
        .wait_until(
            "the counter",
            "return document.querySelector('.sms-counter').textContent.startsWith('28 / 1000');",
        )
        .await;
    desktop.click("Send").await;
    desktop
        .wait_until(
            "the text in the thread",
            &format!("return [...document.querySelectorAll('.bubble-text')].some(b => b.textContent === {hostile:?});"),
        )
        .await;
    let images = desktop
        .eval("return document.querySelectorAll('.bubbles img, .conversations img').length;")
        .await;
    assert_eq!(images, json!(0), "an SMS body never becomes markup");
    desktop.screenshot("messages").await;
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn search_finds_a_synced_contact_and_history_lists_calls() {
    let desktop = signed_in().await;
    let deadline = std::time::Instant::now() + CALL_PATIENCE;
    let name = loop {
        let page = desktop
            .invoke("list_contacts", json!({"limit": 1}))
            .await
            .expect("contacts");
        if let Some(name) = page["rows"][0]["name"].as_str() {
            break name.to_string();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "contacts never synced"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    desktop.click("Contacts").await;
    let first_word = name.split_whitespace().next().expect("a name");
    desktop.type_into("#contacts-search", first_word).await;
    desktop
        .wait_until(
            "the contact in the results",
            &format!("return [...document.querySelectorAll('.contact-name')].some(n => n.textContent === {name:?});"),
        )
        .await;
    desktop.screenshot("contacts").await;
    desktop.click("History").await;
    desktop
        .wait_until(
            "synced calls",
            "return document.querySelectorAll('.call-row').length > 3;",
        )
        .await;
    desktop.screenshot("history").await;
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn an_inbound_text_appears_in_the_conversation_list_within_seconds() {
    let desktop = signed_in().await;
    desktop.click("Messages").await;
    desktop.wait_for_css(".conversations").await;
    let text = "Can you call me back about the invoice?";
    desktop
        .admin()
        .await
        .inbound_sms("+14155550142", text)
        .await;
    desktop
        .wait_until(
            "the text in the conversation list",
            &format!("return [...document.querySelectorAll('.conversation-last')].some(c => c.textContent === {text:?});"),
        )
        .await;
    desktop.close().await;
}
