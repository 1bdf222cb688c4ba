//! Calls that come in, in the real window under Xvfb with dunst: an incoming call raises one
//! notification naming the contact and its click opens the contact; a missed call raises one
//! and is in History without a sync; *Text back* reaches the simulator once; *Hang up* ends a
//! connected RingOut at the simulator; a missed call's *Call back* and *Text* buttons open the
//! number in the dial view and the conversation; presence set on another device shows in the
//! status strip, and the picker sets it at the simulator.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::desktop::{Desktop, PATIENCE};

async fn signed_in() -> Desktop {
    let desktop = Desktop::launch(&[], &[("RINGDESK_LOG", "info")]).await;
    desktop.wait_signed_in_demo().await;
    // Live updates subscribe, then read presence: from then on every call is heard.
    let deadline = Instant::now() + PATIENCE;
    loop {
        let log = desktop.admin().await.requests().await;
        if log
            .iter()
            .any(|r| r.method == "GET" && r.path.ends_with("/presence"))
        {
            return desktop;
        }
        assert!(Instant::now() < deadline, "live updates never started");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A seeded contact: (id, name, number to dial).
async fn a_contact(desktop: &Desktop) -> (i64, String, String) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let page = desktop
            .invoke("list_contacts", json!({"limit": 20}))
            .await
            .expect("contacts");
        let rows = page["rows"].as_array().cloned().unwrap_or_default();
        for row in rows
            .iter()
            .filter(|r| !r["name"].as_str().unwrap_or_default().is_empty())
        {
            let id = row["id"].as_i64().unwrap_or_default();
            let contact = desktop
                .invoke("contact", json!({"id": id}))
                .await
                .expect("contact");
            if let Some(dial) = contact["numbers"][0]["dial"].as_str() {
                let name = contact["name"].as_str().unwrap_or_default().to_owned();
                return (id, name, dial.to_owned());
            }
        }
        assert!(
            Instant::now() < deadline,
            "the demo's contacts never synced"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Waits until dunst displays (or has displayed) a notification, leaving it open for a click.
async fn displayed(desktop: &Desktop) {
    let count = |which: &str| -> usize {
        desktop
            .dunstctl(&["count", which])
            .trim()
            .parse()
            .unwrap_or(0)
    };
    let deadline = Instant::now() + PATIENCE;
    while count("displayed") + count("history") == 0 {
        assert!(
            Instant::now() < deadline,
            "no notification reached dunst:\n{}",
            desktop.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until dunst has shown `n` notifications; answers them (closing them all).
async fn shown(desktop: &Desktop, n: usize) -> Vec<Value> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let shown = desktop.notifications();
        if shown.len() >= n {
            return shown;
        }
        assert!(
            Instant::now() < deadline,
            "{n} notifications never reached dunst: {shown:?}\n{}",
            desktop.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, dunst and WebKitWebDriver: run by scripts/test"]
async fn an_incoming_call_pops_once_naming_the_contact_and_a_click_opens_them() {
    let desktop = signed_in().await;
    let (_, name, number) = a_contact(&desktop).await;
    desktop
        .admin()
        .await
        .inbound_call(
            &number,
            json!({ "outcome": "answered", "ring_ms": 8000, "talk_ms": 2000 }),
        )
        .await;
    displayed(&desktop).await;
    desktop
        .wait_until(
            "the incoming-call banner",
            &format!(
                "const b = document.querySelector('.incoming'); return !!b && !b.hidden && b.textContent.includes({name:?});"
            ),
        )
        .await;
    desktop.screenshot("incoming-call").await;
    desktop.dunstctl(&["action", "0"]);
    desktop
        .wait_until(
            "the contact, opened by the click",
            &format!(
                "return [...document.querySelectorAll('.thread-who h2')].some(h => !h.closest('[hidden]') && h.textContent === {name:?});"
            ),
        )
        .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let calls: Vec<Value> = shown(&desktop, 1)
        .await
        .into_iter()
        .filter(|n| n["summary"] == "Incoming call")
        .collect();
    assert_eq!(calls.len(), 1, "one pop per call: {calls:?}");
    assert!(
        calls[0]["body"]
            .as_str()
            .is_some_and(|b| b.starts_with(&name)),
        "named after the contact {name:?}: {calls:?}"
    );
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, dunst and WebKitWebDriver: run by scripts/test"]
async fn a_missed_call_is_notified_and_in_history_without_a_sync_and_text_back_goes_once() {
    let desktop = signed_in().await;
    let caller = "+14155550166";
    desktop
        .admin()
        .await
        .inbound_call(
            caller,
            json!({ "name": "Lee Park", "outcome": "missed", "ring_ms": 4000 }),
        )
        .await;
    desktop
        .wait_until(
            "the banner's Text back",
            "const b = document.querySelector('.incoming'); return !!b && !b.hidden;",
        )
        .await;
    // Text back: the first quick reply, pressed twice quickly.
    desktop
        .eval("document.querySelector('.incoming-actions button[aria-controls=\"incoming-replies\"]').click(); return true;")
        .await;
    desktop
        .wait_until(
            "the quick replies",
            "return !!document.querySelector('#quick-reply-0');",
        )
        .await;
    let reply: String = desktop
        .eval("return document.querySelector('#quick-reply-0').value;")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned();
    desktop
        .eval("const b = document.querySelector('[aria-label=\"Send reply 1\"]'); b.click(); b.click(); return true;")
        .await;
    let missed = shown(&desktop, 2).await;
    assert!(
        missed.iter().any(|n| n["summary"] == "Missed call"
            && n["body"].as_str().is_some_and(|b| b.contains("Lee Park"))),
        "{missed:?}"
    );
    let history = desktop
        .invoke("list_calls", json!({"filter": "missed", "limit": 5}))
        .await
        .expect("history");
    assert!(
        history["rows"][0]["dial"]
            .as_str()
            .is_some_and(|d| d == caller),
        "the missed call tops History before any sync: {history}"
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    let sent: Vec<_> = desktop
        .admin()
        .await
        .requests()
        .await
        .into_iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/sms"))
        .collect();
    assert_eq!(sent.len(), 1, "Text back sent once ({reply:?}): {sent:?}");
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, dunst and WebKitWebDriver: run by scripts/test"]
async fn hang_up_ends_a_connected_ringout_at_the_simulator() {
    let desktop = signed_in().await;
    desktop
        .invoke("place_call", json!({"to": "+16505550123"}))
        .await
        .expect("placed");
    desktop
        .wait_up_to(
            Duration::from_secs(60),
            "Hang up in the call bar",
            "const b = document.querySelector('.call-hang-up'); return !!b && !b.hidden;",
        )
        .await;
    desktop
        .eval("document.querySelector('.call-hang-up').click(); return true;")
        .await;
    let deadline = Instant::now() + PATIENCE;
    loop {
        let log = desktop.admin().await.requests().await;
        let hung_up = log.iter().any(|r| {
            r.method == "DELETE" && r.path.contains("/telephony/sessions/") && r.status == 204
        });
        if hung_up {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no hang-up reached the simulator"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    desktop
        .wait_until(
            "the call over",
            "const b = document.querySelector('.call-hang-up'); return !b || b.hidden;",
        )
        .await;
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, dunst and WebKitWebDriver: run by scripts/test"]
async fn presence_from_another_device_shows_and_the_picker_sets_it() {
    let desktop = signed_in().await;
    desktop
        .admin()
        .await
        .set_presence(json!({ "userStatus": "Busy" }))
        .await;
    desktop
        .wait_until(
            "Busy in the status strip, set on another device",
            "return document.querySelector('.presence-words')?.textContent === 'Busy';",
        )
        .await;
    desktop
        .eval("document.querySelector('.presence-button').click(); return true;")
        .await;
    desktop
        .wait_until(
            "the presence picker",
            "return document.querySelector('#presence-list')?.hidden === false;",
        )
        .await;
    assert_eq!(
        desktop
            .eval("return document.querySelector('#presence-busy')?.getAttribute('aria-selected');")
            .await,
        "true",
        "still Busy: the read of presence at start-up does not undo the change"
    );
    desktop.screenshot("presence").await;
    desktop
        .eval("document.querySelector('#presence-dnd').click(); return true;")
        .await;
    desktop
        .wait_for_line("dndStatus", "DoNotAcceptAnyCalls")
        .await;
    desktop
        .wait_until(
            "Do not disturb in the status strip",
            "return document.querySelector('.presence-words')?.textContent === 'Do not disturb';",
        )
        .await;
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, dunst and WebKitWebDriver: run by scripts/test"]
async fn a_missed_calls_buttons_call_back_and_open_the_conversation() {
    let desktop = signed_in().await;
    let caller = "+14155550144";
    for (n, button) in [(1, "Call back"), (2, "Text")] {
        desktop
            .admin()
            .await
            .inbound_call(caller, json!({ "outcome": "missed", "ring_ms": 300 }))
            .await;
        missed_displayed(&desktop, n).await;
        desktop.notification_action(button);
        if button == "Call back" {
            desktop
                .wait_until(
                    "the caller's number in the dial view (links prefill by default)",
                    &format!(
                        "return document.querySelector('#dial-number')?.value === {caller:?};"
                    ),
                )
                .await;
            assert!(
                desktop.ringouts().await.is_empty(),
                "Call back follows the link action: the agent presses Call"
            );
        } else {
            desktop
                .wait_until(
                    "the caller's conversation",
                    "const t = document.querySelector('.thread-title'); \
                     return !!t && !t.closest('[hidden]') && t.textContent.includes('555-0144');",
                )
                .await;
        }
    }
    desktop.close().await;
}

/// Waits until the `n`th missed call is notified and dunst displays a notification.
async fn missed_displayed(desktop: &Desktop, n: usize) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let log = desktop.log();
        let missed = log
            .lines()
            .filter(|l| l.contains("call notified") && l.contains("missed"))
            .count();
        if missed >= n && desktop.dunstctl(&["count", "displayed"]).trim() != "0" {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "missed call {n} not notified:\n{log}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
