//! The machine's policy through the desk: a locked setting takes the policy's value in Settings
//! and for the desktop, a change to it is refused naming the policy file, a ring-me-at number
//! outside the allowed ones is refused, a clicked link follows the locked link action, and a
//! policy file that cannot be read stops Settings with its line.

use ringdesk_core::app::{DeskError, Error, LinkView, SettingsPatch};

use crate::support::demo_desk;

const POLICY: &str = r#"[policy]
link_action = "prefill"
notifications = false
start_at_login = true
allowed_ring_me_at = ["+16505550110"]
do_not_call = ["(650) 555-0199"]
locked = ["link_action", "notifications", "start_at_login"]
"#;

#[tokio::test(flavor = "multi_thread")]
async fn locked_settings_take_the_policys_values_and_cannot_be_changed() {
    let demo = demo_desk().await;
    std::fs::write(demo.policy_file(), POLICY).expect("policy written");

    let settings = demo.desk.settings().await.expect("settings");
    assert_eq!(
        settings.locked,
        ["link_action", "notifications", "start_at_login"]
    );
    assert_eq!(settings.policy_file.as_deref(), demo.policy_file().to_str());
    assert!(!settings.notifications && settings.start_at_login);
    let app = demo.desk.app_settings().expect("app settings");
    assert!(
        !app.notifications,
        "the desktop keeps quiet as the policy says"
    );
    assert!(app.start_at_login);

    for patch in [
        SettingsPatch {
            link_action: serde_json::from_str("\"dial\"").ok(),
            ..SettingsPatch::default()
        },
        SettingsPatch {
            notifications: Some(true),
            ..SettingsPatch::default()
        },
    ] {
        match demo.desk.save_settings(patch).await {
            Err(Error::Desk(error @ DeskError::SetByOrganization { .. })) => {
                let said = error.to_string();
                assert!(said.contains("set by your organization"), "{said}");
                assert!(said.contains("policy.toml"), "names the file: {said}");
            }
            other => panic!("a locked setting must be refused, got {other:?}"),
        }
    }
    let refused = demo
        .desk
        .save_settings(SettingsPatch {
            ring_me_at: Some("+16505550999".into()),
            ..SettingsPatch::default()
        })
        .await
        .expect_err("not an allowed phone");
    assert!(refused.to_string().contains("not allowed"), "{refused}");
    demo.desk
        .save_settings(SettingsPatch {
            ring_me_at: Some("+16505550110".into()),
            theme: serde_json::from_str("\"dark\"").ok(),
            ..SettingsPatch::default()
        })
        .await
        .expect("an allowed phone and an unlocked setting are saved");

    // The organization's do-not-call numbers are never dialed.
    let refused = demo
        .call("+1 650 555 0199")
        .await
        .expect_err("on the organization's list");
    assert!(refused.to_string().contains("do-not-call"), "{refused}");

    // A link follows the locked action (prefill), whatever the profile's file says.
    match demo.desk.open_link("tel:+16505550123").await {
        LinkView::Call { dialed, .. } => assert!(!dialed, "prefilled, as the policy says"),
        other => panic!("a prefilled call, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_policy_that_cannot_be_read_stops_settings_with_its_line() {
    let demo = demo_desk().await;
    std::fs::write(
        demo.policy_file(),
        "[policy]\nlink_action = \"prefill\"\nlocked = [\"theme\"]\n",
    )
    .expect("policy written");
    let error = demo.desk.settings().await.expect_err("refused");
    let said = error.to_string();
    assert!(said.contains("policy.toml:3:"), "names the line: {said}");
    assert!(demo.desk.app_settings().is_err());
}
