//! The tray, read and clicked the way a panel does it: over D-Bus (the StatusNotifierItem and
//! its `com.canonical.dbusmenu` menu that ringdesk exports), since no tray is visible on the
//! test display. Also: `--minimized` starts hidden, and closing the window keeps ringdesk
//! running in the tray.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::desktop::{Desktop, PATIENCE};
use crate::links::signed_in;

const MENU: &str = "/org/ayatana/NotificationItem/tray_icon_tray_app_ringdesk/Menu";

/// One menu item: its dbusmenu id, label and check state.
#[derive(Debug, Clone)]
struct Item {
    id: i64,
    label: String,
    checked: Option<bool>,
}

fn busctl(desktop: &Desktop, args: &[&str]) -> Value {
    // `--` ends the options: arguments such as `-1` belong to the call.
    let mut all = vec!["--user", "--timeout=2", "--json=short", "--"];
    all.extend_from_slice(args);
    let output = desktop.run("busctl", &all);
    assert!(
        output.status.success(),
        "busctl {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or(Value::Null)
}

/// The bus connection of ringdesk's window program (`ringdesk-window`) that exports the tray
/// menu.
fn tray_owner(desktop: &Desktop) -> String {
    let names = busctl(desktop, &["list"]);
    for entry in names.as_array().into_iter().flatten() {
        let name = entry["name"].as_str().unwrap_or_default();
        if entry["process"] != "ringdesk-window" || !name.starts_with(':') {
            continue;
        }
        let probe = desktop.run(
            "busctl",
            &["--user", "--timeout=1", "introspect", name, MENU],
        );
        // zbus answers any path with an empty node; GTK's connection has the menu.
        if String::from_utf8_lossy(&probe.stdout).contains("com.canonical.dbusmenu") {
            return name.to_string();
        }
    }
    panic!("no ringdesk connection exports the tray menu: {names}");
}

fn menu(desktop: &Desktop, owner: &str) -> Vec<Item> {
    let layout = busctl(
        desktop,
        &[
            "call",
            owner,
            MENU,
            "com.canonical.dbusmenu",
            "GetLayout",
            "iias",
            "0",
            "-1",
            "0",
        ],
    );
    layout["data"][1][2]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|child| {
            let [id, props, _] = child["data"].as_array()?.as_slice() else {
                return None;
            };
            Some(Item {
                id: id.as_i64()?,
                label: props["label"]["data"].as_str()?.to_string(),
                checked: props["toggle-state"]["data"].as_i64().map(|s| s == 1),
            })
        })
        .collect()
}

fn item(items: &[Item], label: &str) -> Item {
    items
        .iter()
        .find(|i| i.label.starts_with(label))
        .cloned()
        .unwrap_or_else(|| panic!("no {label:?} in the tray menu: {items:?}"))
}

/// What a panel does when the user picks a menu item.
fn click(desktop: &Desktop, owner: &str, item: &Item) {
    let id = item.id.to_string();
    busctl(
        desktop,
        &[
            "call",
            owner,
            MENU,
            "com.canonical.dbusmenu",
            "Event",
            "isvu",
            &id,
            "clicked",
            "i",
            "0",
            "0",
        ],
    );
}

async fn wait_for_menu(desktop: &Desktop, owner: &str, what: &str, ok: impl Fn(&[Item]) -> bool) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let items = menu(desktop, owner);
        if ok(&items) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the tray never showed {what}: {items:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, busctl, xclip and WebKitWebDriver: run by scripts/test"]
async fn the_tray_shows_the_state_and_its_menu_acts() {
    let desktop = signed_in(&[], None).await;
    let owner = tray_owner(&desktop);
    wait_for_menu(&desktop, &owner, "the demo connection", |items| {
        items.first().is_some_and(|i| i.label == "Demo · Connected")
    })
    .await;
    let items = menu(&desktop, &owner);
    let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
    for wanted in [
        "Show ringdesk",
        "Dial clipboard number",
        "Messages",
        "Do not disturb",
        "Quit ringdesk",
    ] {
        assert!(
            labels.iter().any(|l| l.starts_with(wanted)),
            "{wanted} is in the menu: {labels:?}"
        );
    }
    assert_eq!(item(&items, "Do not disturb").checked, Some(false));

    // Do not disturb from the tray is saved, and Settings says so.
    click(&desktop, &owner, &item(&items, "Do not disturb"));
    let deadline = Instant::now() + PATIENCE;
    while desktop
        .invoke("settings", json!({}))
        .await
        .expect("settings")["doNotDisturb"]
        != true
    {
        assert!(Instant::now() < deadline, "Do not disturb was not saved");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        item(&menu(&desktop, &owner), "Do not disturb").checked,
        Some(true)
    );
    // ... and it is RingCentral's Do not disturb too: calls stop ringing everywhere.
    desktop
        .wait_for_line("dndStatus", "DoNotAcceptAnyCalls")
        .await;

    // Messages opens the Messages view.
    click(&desktop, &owner, &item(&items, "Messages"));
    desktop
        .wait_until(
            "the Messages view",
            "return document.querySelector(\"nav button[data-view='messages']\")?.getAttribute('aria-current') === 'page';",
        )
        .await;

    // Dial clipboard number: what another app copied lands in the dial view.
    let copy = desktop.run(
        "sh",
        // xclip stays behind to serve the clipboard: it must not hold our output pipes.
        &[
            "-c",
            "printf '%s' 'Call +1 (650) 555-0142 today' | xclip -selection clipboard >/dev/null 2>&1",
        ],
    );
    assert!(
        copy.status.success(),
        "xclip: {}",
        String::from_utf8_lossy(&copy.stderr)
    );
    click(&desktop, &owner, &item(&items, "Dial clipboard number"));
    desktop
        .wait_until(
            "the copied number in the dial view",
            "return document.querySelector('#dial-number')?.value === '+16505550142';",
        )
        .await;
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn minimized_starts_hidden_and_a_second_ringdesk_shows_the_window() {
    let desktop = Desktop::launch(&["--minimized"], &[]).await;
    // The page loads (WebDriver reaches it) while the window stays unmapped.
    let hidden = "return document.visibilityState === 'hidden';";
    desktop
        .wait_until("the window to stay hidden", hidden)
        .await;
    let second = desktop.ringdesk(&[]);
    assert!(
        second.status.success(),
        "a plain second ringdesk hands over and exits"
    );
    desktop
        .wait_until(
            "the window shown by the second ringdesk",
            "return document.visibilityState === 'visible';",
        )
        .await;
    desktop.close().await;
}

/// Asks the window to close as a window manager's close button does.
fn close_window(desktop: &Desktop) {
    let tool = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/e2e/tools/close-window.py"
    );
    let closed = desktop.run("python3", &[tool, "ringdesk"]);
    assert!(
        closed.status.success(),
        "the ringdesk window exists on the display: {}",
        String::from_utf8_lossy(&closed.stderr)
    );
}

/// Whether a ringdesk process still owns the single-instance name on the session bus.
fn running(desktop: &Desktop) -> bool {
    desktop
        .run(
            "busctl",
            &[
                "--user",
                "--timeout=2",
                "status",
                "app.ringdesk.desktop.SingleInstance",
            ],
        )
        .status
        .success()
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, busctl, python3 and WebKitWebDriver: run by scripts/test"]
async fn closing_the_window_keeps_ringdesk_in_the_tray_unless_turned_off() {
    let desktop = signed_in(&[], None).await;
    close_window(&desktop);
    desktop
        .wait_until(
            "the window hidden, not closed",
            "return document.visibilityState === 'hidden';",
        )
        .await;
    assert!(
        running(&desktop),
        "close to tray (the default) keeps ringdesk running"
    );

    desktop
        .invoke("save_settings", json!({"patch": {"closeToTray": false}}))
        .await
        .expect("saved");
    let shown = desktop.ringdesk(&[]);
    assert!(shown.status.success(), "a second ringdesk shows the window");
    desktop
        .wait_until(
            "the window back",
            "return document.visibilityState === 'visible';",
        )
        .await;
    close_window(&desktop);
    let deadline = Instant::now() + PATIENCE;
    while running(&desktop) {
        assert!(
            Instant::now() < deadline,
            "with close to tray off, closing the window quits"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    desktop.close().await;
}
