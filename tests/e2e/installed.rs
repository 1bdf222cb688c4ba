//! The installed package at work: the window started from the installed `ringdesk` (as the
//! desktop entry starts it) runs the installed `ringdesk-window`, and a `tel:` link opened with
//! the system's `xdg-open` — in a fresh home, so the handler is the one the package's scripts
//! registered, not a user's choice — reaches it through the installed `ringdesk` and dials.
//! `scripts/test`'s package step installs the package and runs this with `RINGDESK_INSTALLED`.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::desktop::Desktop;

/// Names the installed `ringdesk` (`/usr/bin/ringdesk`).
const INSTALLED: &str = "RINGDESK_INSTALLED";

#[tokio::test]
#[ignore = "needs the installed package: run by scripts/test's package step"]
async fn the_installed_window_dials_a_tel_link_the_system_hands_to_the_installed_ringdesk() {
    let program = std::env::var(INSTALLED)
        .unwrap_or_else(|_| panic!("{INSTALLED} names the installed ringdesk (scripts/test sets it after installing the package)"));
    let installed_window = Path::new(&program).with_file_name("ringdesk-window");
    assert!(
        installed_window.is_file(),
        "the package installs {}",
        installed_window.display()
    );
    let desktop = Desktop::launch_program(
        &program,
        &[],
        &[],
        Some("[profiles.default]\nlink_action = \"dial\"\n"),
    )
    .await;
    desktop.wait_signed_in_demo().await;
    let windows = desktop.windows();
    assert_eq!(
        windows
            .iter()
            .map(|(_, exe)| exe.as_path())
            .collect::<Vec<_>>(),
        [installed_window.as_path()],
        "the window that runs is the installed one"
    );

    let opened = desktop.run("xdg-open", &["tel:+1-650-555-0123"]);
    assert!(
        opened.status.success(),
        "xdg-open finds the package's handler: {}",
        String::from_utf8_lossy(&opened.stderr)
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while desktop.ringouts().await.is_empty() {
        assert!(
            Instant::now() < deadline,
            "the link never dialed\n{}",
            desktop.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(desktop.ringouts().await.len(), 1, "one link, one call");
    assert_eq!(
        desktop.windows().len(),
        1,
        "the link went to the running window, not a second one"
    );
    desktop.close().await;
}
