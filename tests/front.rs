//! `ringdesk`, the program the system starts for every clicked link and every command-line use,
//! loads no GUI library: that is what keeps a link's hand-off to the window fast. The hand-off
//! itself is tested end to end (`tests/e2e/links.rs`).

use std::process::Command;

#[cfg(target_os = "linux")]
#[test]
fn the_front_links_no_gtk_or_webkit() {
    let dynamic = Command::new("readelf")
        .args(["--dynamic", env!("CARGO_BIN_EXE_ringdesk")])
        .output()
        .expect("readelf (binutils) runs");
    let dynamic = String::from_utf8_lossy(&dynamic.stdout);
    assert!(dynamic.contains("(NEEDED)"), "a dynamic program: {dynamic}");
    for gui in [
        "libwebkit2gtk",
        "libjavascriptcoregtk",
        "libgtk-3",
        "libgdk-3",
        "libsoup",
    ] {
        assert!(!dynamic.contains(gui), "the front needs {gui}:\n{dynamic}");
    }
    let window = Command::new("readelf")
        .args(["--dynamic", env!("CARGO_BIN_EXE_ringdesk-window")])
        .output()
        .expect("readelf (binutils) runs");
    assert!(
        String::from_utf8_lossy(&window.stdout).contains("libwebkit2gtk"),
        "the window program is the one with WebKit"
    );
}

#[test]
fn the_front_runs_the_command_line() {
    let version = Command::new(env!("CARGO_BIN_EXE_ringdesk"))
        .arg("--version")
        .output()
        .expect("ringdesk runs");
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("ringdesk {}", env!("CARGO_PKG_VERSION"))
    );
}

#[cfg(target_os = "linux")]
#[test]
fn without_a_running_ringdesk_the_front_starts_the_window_program() {
    // No session bus to hand over to and no display: the front must start ringdesk-window,
    // which says plainly that there is no graphical session.
    let home = tempfile::tempdir().expect("temp dir");
    let started = Command::new(env!("CARGO_BIN_EXE_ringdesk"))
        .arg("tel:+16505550100")
        .env_clear()
        .env("HOME", home.path())
        .env("RINGDESK_CONFIG_DIR", home.path().join("config"))
        .env("RINGDESK_DATA_DIR", home.path().join("data"))
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .output()
        .expect("ringdesk runs");
    let stderr = String::from_utf8_lossy(&started.stderr);
    assert_eq!(started.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the window could not start: no graphical session"),
        "the window program ran and explained: {stderr}"
    );
}
