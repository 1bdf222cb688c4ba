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

#[cfg(target_os = "linux")]
#[test]
fn the_packages_login_item_starts_the_window_only_when_start_at_login_is_on() {
    // The system-wide login item runs `ringdesk --at-login` for every agent.
    let home = tempfile::tempdir().expect("temp dir");
    let policy = home.path().join("policy.toml");
    let at_login = || {
        Command::new(env!("CARGO_BIN_EXE_ringdesk"))
            .arg("--at-login")
            .env_clear()
            .env("HOME", home.path())
            .env("RINGDESK_CONFIG_DIR", home.path().join("config"))
            .env("RINGDESK_DATA_DIR", home.path().join("data"))
            .env("RINGDESK_POLICY_FILE", &policy)
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
            .output()
            .expect("ringdesk runs")
    };
    let off = at_login();
    assert!(off.status.success(), "{off:?}");
    assert!(
        off.stderr.is_empty(),
        "start at login is off by default: nothing starts, nothing is said: {off:?}"
    );

    // The organization turns it on: the window program starts (and, with no display, says so).
    std::fs::write(&policy, "[policy]\nstart_at_login = true\n").expect("policy written");
    let on = at_login();
    let stderr = String::from_utf8_lossy(&on.stderr);
    assert_eq!(on.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no graphical session"), "{stderr}");

    // The agent turns it off again: their choice, the policy did not lock it.
    std::fs::create_dir_all(home.path().join("config")).expect("config dir");
    std::fs::write(
        home.path().join("config/config.toml"),
        "[app]\nstart_at_login = false\n",
    )
    .expect("config written");
    assert!(at_login().status.success());
}

#[cfg(target_os = "linux")]
#[test]
fn the_front_carries_neither_the_core_nor_the_simulator() {
    // The command line runs in the window program; the front only hands over or steps aside,
    // so the two installed programs carry one copy of the core.
    let functions = |program: &str| {
        let listed = Command::new("nm")
            .args(["--demangle", "--defined-only", program])
            .output()
            .expect("nm (binutils) runs");
        String::from_utf8_lossy(&listed.stdout).into_owned()
    };
    let front = functions(env!("CARGO_BIN_EXE_ringdesk"));
    assert!(front.contains("ringdesk_app::front::"), "symbols to read");
    for crate_name in ["ringdesk_core::", "ringcentral_sim::", "tauri::"] {
        assert!(!front.contains(crate_name), "the front links {crate_name}");
    }
    assert!(
        functions(env!("CARGO_BIN_EXE_ringdesk-window")).contains("ringdesk_core::"),
        "the window program carries the core (so the check above can fail)"
    );
}
