//! Texts customers send reach the agent as they happen: one desktop notification per message
//! (asserted in dunst, the session's notification daemon), clicking it opens the thread, the
//! thread updates, Do not disturb mutes, and a text sent while the WebSocket is down arrives
//! once after recovery.

use std::time::{Duration, Instant};

use ringdesk_testkit::sim::CUSTOMER;
use serde_json::json;

use crate::desktop::{Desktop, PATIENCE};

pub(crate) async fn signed_in() -> Desktop {
    let desktop = Desktop::launch(&[], &[("RINGDESK_LOG", "info")]).await;
    desktop.wait_signed_in_demo().await;
    wait_for_log(&desktop, "real-time inbox state=Connected", 1).await;
    desktop
}

/// Waits until `needle` occurs at least `times` times in ringdesk's log.
pub(crate) async fn wait_for_log(desktop: &Desktop, needle: &str, times: usize) {
    let deadline = Instant::now() + PATIENCE;
    while plain(&desktop.log()).matches(needle).count() < times {
        assert!(
            Instant::now() < deadline,
            "{needle:?} never appeared {times}×:\n{}",
            desktop.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The log without colour codes.
fn plain(log: &str) -> String {
    let mut out = String::with_capacity(log.len());
    let mut chars = log.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

async fn text_from_customer(desktop: &Desktop, text: &str) {
    desktop
        .admin()
        .await
        .inbound_sms_named(CUSTOMER, "Dana Whitfield", text)
        .await;
}

fn count(desktop: &Desktop, which: &str) -> usize {
    desktop
        .dunstctl(&["count", which])
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("dunstctl count {which}: {e}"))
}

/// Waits until dunst shows `n` notifications.
pub(crate) async fn wait_displayed(desktop: &Desktop, n: usize) {
    let deadline = Instant::now() + PATIENCE;
    while count(desktop, "displayed") + count(desktop, "history") < n {
        assert!(
            Instant::now() < deadline,
            "no notification reached dunst:\n{}",
            desktop.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks the Messages rail button (its name carries the unread count: "Messages, 1 unread").
async fn open_messages(desktop: &Desktop) {
    desktop
        .eval("document.querySelector(\"nav button[data-view='messages']\").click(); return true;")
        .await;
}

fn bubbles_with(text: &str) -> String {
    format!(
        "return [...document.querySelectorAll('.bubble-text')].filter(b => b.textContent === {text:?}).length;"
    )
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, dunst and WebKitWebDriver: run by scripts/test"]
async fn an_inbound_text_raises_one_notification_and_a_click_opens_its_thread() {
    let desktop = signed_in().await;
    let text = "Is 3 pm still good? <b>yes</b> & thanks";
    text_from_customer(&desktop, text).await;
    wait_displayed(&desktop, 1).await;
    // The notification's default action is what a click on it does.
    desktop.dunstctl(&["action", "0"]);
    desktop
        .wait_until(
            "the thread, opened by the click, with the new text",
            &format!(
                "{} return n === 1;",
                bubbles_with(text).replace("return ", "const n = ")
            ),
        )
        .await;
    desktop.screenshot("notification-thread").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let shown = desktop.notifications();
    assert_eq!(
        shown.len(),
        1,
        "exactly one notification per text: {shown:?}"
    );
    assert_eq!(
        shown[0]["summary"], "Dana Whitfield",
        "titled with the sender"
    );
    assert_eq!(
        shown[0]["body"], "Is 3 pm still good? &lt;b&gt;yes&lt;/b&gt; &amp; thanks",
        "the text, escaped: dunst reads the body as markup"
    );
    assert!(
        !desktop.log().contains("still good"),
        "the text never reaches the log"
    );
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, dunst and WebKitWebDriver: run by scripts/test"]
async fn a_text_sent_while_the_websocket_is_down_arrives_once_after_recovery() {
    let desktop = signed_in().await;
    let dropped = desktop.admin().await.drop_sockets().await;
    assert!(dropped >= 1, "ringdesk's socket was live: {dropped}");
    let text = "Sent while you were offline";
    text_from_customer(&desktop, text).await;
    wait_displayed(&desktop, 1).await;
    wait_for_log(&desktop, "real-time inbox state=Connected", 2).await;
    // Recovery replays missed events and a catch-up sync runs: the text must still count once.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let shown = desktop.notifications();
    assert_eq!(
        shown.len(),
        1,
        "replay and catch-up must not notify twice: {shown:?}"
    );
    assert_eq!(shown[0]["body"], text);
    open_messages(&desktop).await;
    desktop
        .eval(&format!("document.querySelector('#new-to').value = {CUSTOMER:?}; document.querySelector('.new-message button').click(); return true;"))
        .await;
    desktop
        .wait_until(
            "the text once in its thread",
            &format!(
                "{} return n === 1;",
                bubbles_with(text).replace("return ", "const n = ")
            ),
        )
        .await;
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, dunst and WebKitWebDriver: run by scripts/test"]
async fn do_not_disturb_mutes_notifications_but_not_the_thread() {
    let desktop = signed_in().await;
    desktop
        .invoke("save_settings", json!({"patch": {"doNotDisturb": true}}))
        .await
        .expect("saved");
    let text = "Quiet please";
    text_from_customer(&desktop, text).await;
    wait_for_log(&desktop, "new text, not notified (muted)", 1).await;
    assert_eq!(
        count(&desktop, "displayed") + count(&desktop, "history"),
        0,
        "Do not disturb means no notification"
    );
    open_messages(&desktop).await;
    desktop
        .wait_until(
            "the conversation listed",
            "return [...document.querySelectorAll('.conversations li')].some(li => li.textContent.includes('Quiet please'));",
        )
        .await;
    desktop.close().await;
}
