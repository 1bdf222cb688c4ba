//! The window a user first sees: frame, navigation, demo label, focused dial field.

use crate::desktop::Desktop;
use fantoccini::Locator;

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn the_frame_renders_with_the_dial_field_focused() {
    let desktop = Desktop::launch(&[], &[]).await;

    for label in ["Dial", "History", "Messages", "Contacts", "Settings"] {
        let button = desktop
            .client
            .find(Locator::Css(&format!("nav button[aria-label='{label}']")))
            .await
            .unwrap_or_else(|e| panic!("the rail has no {label} button: {e}"));
        eprintln!("DEBUG found {label}");
        assert!(
            button.is_displayed().await.expect("displayed"),
            "{label} is visible"
        );
        eprintln!("DEBUG displayed {label}");
    }

    desktop
        .wait_until(
            "focus in the number field",
            "const el = document.activeElement; \
             return !!el && el.labels?.[0]?.textContent === 'Phone number';",
        )
        .await;

    desktop
        .wait_until(
            "the DEMO badge (no RingCentral app is configured)",
            "const b = document.querySelector('.badge-demo'); return !!b && !b.hidden;",
        )
        .await;

    // Typing goes into the focused field: the window is really usable from the keyboard.
    let field = desktop
        .client
        .active_element()
        .await
        .expect("active element");
    eprintln!("DEBUG active");
    let r = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        field.send_keys("6505550123"),
    )
    .await;
    eprintln!("DEBUG sent {r:?}");
    assert_eq!(
        field.prop("value").await.expect("value").as_deref(),
        Some("6505550123")
    );

    eprintln!("DEBUG before shot");
    let shot = desktop.screenshot("dial").await;
    eprintln!("DEBUG after shot");
    assert!(
        std::fs::metadata(&shot).expect("saved").len() > 5_000,
        "a real picture, not an empty PNG"
    );
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn settings_shows_the_profile_and_data_folder() {
    let desktop = Desktop::launch(&["--profile", "e2e"], &[]).await;
    desktop
        .client
        .find(Locator::Css("nav button[aria-label='Settings']"))
        .await
        .expect("settings button")
        .click()
        .await
        .expect("click");
    desktop
        .wait_until(
            "the About facts",
            "return [...document.querySelectorAll('.facts dd')].some(d => d.textContent.endsWith('/data'));",
        )
        .await;
    desktop
        .wait_until(
            "the profile in the About facts",
            "return [...document.querySelectorAll('.facts dd')].some(d => d.textContent === 'e2e');",
        )
        .await;
    desktop.screenshot("settings").await;
    desktop.close().await;
}
