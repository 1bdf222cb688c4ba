//! A config file that cannot be read is never a silent default: the desktop keeps the last
//! settings read with Do not disturb on, and the window is told why, and when it is over.

use crate::app::test_desk::desk_in;
use crate::app::DeskEvent;

#[test]
fn unreadable_settings_keep_the_last_ones_muted_and_say_which_line() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let config = dir.path().join("config");
    let desk = desk_in(&dir);
    let paths = desk.paths().clone();
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(paths.config_file(), "[app]\nclose_to_tray = false\n").expect("write");
    let good = desk.settings_in_force();
    assert!(!good.close_to_tray, "the file's settings are in force");
    assert!(good.notifies(), "notifications on, Do not disturb off");

    let mut events = desk.subscribe();
    std::fs::write(
        paths.config_file(),
        "[app]\nclose_to_tray = false\ndo_not_disturb = maybe\n",
    )
    .expect("write");
    let fallback = desk.settings_in_force();
    assert!(
        fallback.do_not_disturb && !fallback.notifies(),
        "a file that may hold Do not disturb cannot be read: stay quiet"
    );
    assert!(
        !fallback.close_to_tray,
        "the other settings are the last ones read, not the defaults"
    );
    let Ok(DeskEvent::Problem(Some(problem))) = events.try_recv() else {
        panic!("the window is told the settings cannot be read");
    };
    assert!(
        problem.message.contains("config.toml:3:18"),
        "the message names the line and column: {}",
        problem.message
    );

    std::fs::write(paths.config_file(), "[app]\ndo_not_disturb = false\n").expect("fix");
    assert!(
        desk.settings_in_force().notifies(),
        "fixed: the file rules again"
    );
    assert!(
        matches!(events.try_recv(), Ok(DeskEvent::Problem(None))),
        "the window is told it is over"
    );
    desk.settings_in_force();
    assert!(events.try_recv().is_err(), "and told once");
}

#[tokio::test]
async fn call_alert_settings_and_quick_replies_are_saved_and_checked() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let desk = desk_in(&dir);
    let before = desk.settings().await.expect("settings");
    assert!(
        before.call_alerts && before.missed_call_alerts,
        "on by default"
    );
    assert_eq!(
        before.quick_replies.len(),
        crate::app::phone_line::QUICK_REPLIES.len(),
        "ringdesk's own replies until the agent sets theirs"
    );
    let patch = crate::app::SettingsPatch {
        call_alerts: Some(false),
        quick_replies: Some(vec!["  Call you back in 5.  ".into(), "   ".into()]),
        ..Default::default()
    };
    let saved = desk.save_settings(patch).await.expect("saved");
    assert!(!saved.call_alerts && saved.missed_call_alerts);
    assert_eq!(
        saved.quick_replies,
        ["Call you back in 5."],
        "trimmed, blanks dropped"
    );
    let settings = desk.settings_in_force();
    assert!(!settings.alerts_calls(false) && settings.alerts_calls(true));
    let too_long = crate::app::SettingsPatch {
        quick_replies: Some(vec!["x".repeat(1001)]),
        ..Default::default()
    };
    assert!(
        desk.save_settings(too_long).await.is_err(),
        "not a text RingCentral takes"
    );
    let too_many = crate::app::SettingsPatch {
        quick_replies: Some((0..11).map(|i| format!("reply {i}")).collect()),
        ..Default::default()
    };
    assert!(desk.save_settings(too_many).await.is_err(), "at most 10");
}
