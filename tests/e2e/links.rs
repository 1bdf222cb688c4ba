//! Links from the desktop reach the window: a second `ringdesk <link>` (what the system runs
//! for a clicked link) hands its link to the running ringdesk over D-Bus and exits; a link that
//! starts ringdesk waits for the window and the session, and acts once; after "Make ringdesk
//! the handler", the system's own `xdg-open tel:…` lands in the dial view.

use std::time::{Duration, Instant};

use crate::desktop::Desktop;

/// A demo ringdesk, signed in to its simulator.
pub async fn signed_in(args: &[&str], config: Option<&str>) -> Desktop {
    let desktop = Desktop::launch_configured(args, &[], config).await;
    desktop.wait_signed_in_demo().await;
    desktop
}

fn dial_field_is(number: &str) -> String {
    format!("return document.querySelector('#dial-number')?.value === {number:?};")
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn a_second_ringdesk_hands_its_link_to_the_running_window() {
    let desktop = signed_in(&[], None).await;
    let started = Instant::now();
    let second = desktop.ringdesk(&["tel:+1%20650%20555%200100"]);
    assert!(
        second.status.success(),
        "the second ringdesk hands over and exits cleanly: {}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "a second ringdesk must not open a second window (it took {:?})",
        started.elapsed()
    );
    desktop
        .wait_until(
            "the linked number in the dial view",
            &dial_field_is("+16505550100"),
        )
        .await;
    assert!(
        desktop.ringouts().await.is_empty(),
        "a link only prefills by default: the agent presses Call"
    );
    desktop.screenshot("link-prefilled").await;
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn a_link_that_starts_ringdesk_is_kept_and_dialed_once() {
    let desktop = signed_in(
        &["tel:+16505550123"],
        Some("[profiles.default]\nlink_action = \"dial\"\n"),
    )
    .await;
    desktop
        .wait_until("the linked number", &dial_field_is("+16505550123"))
        .await;
    let deadline = Instant::now() + Duration::from_secs(20);
    while desktop.ringouts().await.is_empty() {
        assert!(
            Instant::now() < deadline,
            "the cold-start link was lost: no RingOut\n{}",
            desktop.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Whatever else happens at start (argv, the deep-link plugin, the window's ready signal),
    // the link is acted on once.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        desktop.ringouts().await.len(),
        1,
        "one link, one call: never doubled"
    );
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, xdg-utils and WebKitWebDriver: run by scripts/test"]
async fn after_make_default_the_systems_xdg_open_reaches_the_window() {
    let desktop = signed_in(&[], None).await;
    desktop.click("Settings").await;
    let make = "[...document.querySelectorAll('.settings button')].find(b => b.textContent === 'Make ringdesk the handler')";
    desktop
        .wait_until(
            "the offer to become the handler",
            &format!("const b = {make}; return !!b && !b.hidden;"),
        )
        .await;
    desktop.eval(&format!("{make}.click(); return true;")).await;
    desktop
        .wait_until(
            "tel: handled by ringdesk",
            "const rows = [...document.querySelectorAll('.handler-facts dt')]; \
             const tel = rows.find(dt => dt.textContent === 'tel:'); \
             return tel?.nextElementSibling?.textContent === 'ringdesk';",
        )
        .await;
    desktop
        .eval("document.querySelector('.handler-facts').scrollIntoView({block: 'center'}); return true;")
        .await;
    desktop.screenshot("settings-handler").await;
    let query = desktop.run("xdg-mime", &["query", "default", "x-scheme-handler/tel"]);
    assert_eq!(
        String::from_utf8_lossy(&query.stdout).trim(),
        "ringdesk-handler.desktop",
        "the system agrees"
    );
    let opened = desktop.run("xdg-open", &["tel:+1-650-555-0111"]);
    assert!(
        opened.status.success(),
        "xdg-open runs the unquoted Exec= line: {}",
        String::from_utf8_lossy(&opened.stderr)
    );
    desktop
        .wait_until(
            "the number xdg-open handed over",
            &dial_field_is("+16505550111"),
        )
        .await;
    desktop.close().await;
}
