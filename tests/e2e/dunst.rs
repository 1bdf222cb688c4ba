//! dunst, the session's notification daemon in the end-to-end tests, set up so a test can press
//! a notification's buttons.

use std::path::Path;

/// The file in HOME naming the notification action dunst's context menu picks.
pub const PICK_FILE: &str = ".dunst-pick";

/// Gives dunst (started by D-Bus in the session, with this HOME) the distribution's settings
/// with one change: its context menu is a script that picks the line naming the action in
/// [`PICK_FILE`], so a test can press a notification's buttons ([`crate::desktop::Desktop::notification_action`]).
pub fn pick_actions_with_a_file(home: &Path) {
    let script = home.join("dunst-pick.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nexec grep -m1 -F -f \"$HOME/{PICK_FILE}\"\n"),
    )
    .expect("the pick script");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("the pick script runs");
    let defaults = std::fs::read_to_string("/etc/xdg/dunst/dunstrc").unwrap_or_default();
    let mut rc: Vec<String> = defaults
        .lines()
        .filter(|line| !line.trim_start().starts_with("dmenu"))
        .map(str::to_string)
        .collect();
    let global = rc
        .iter()
        .position(|line| line.trim() == "[global]")
        .map_or_else(
            || {
                rc.insert(0, "[global]".into());
                1
            },
            |at| at + 1,
        );
    rc.insert(global, format!("    dmenu = {}", script.display()));
    let dir = home.join(".config/dunst");
    std::fs::create_dir_all(&dir).expect("dunst's config dir");
    std::fs::write(dir.join("dunstrc"), rc.join("\n")).expect("dunst's config");
}
