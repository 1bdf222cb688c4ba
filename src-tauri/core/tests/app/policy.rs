//! The machine's policy through the desk: a locked setting takes the policy's value in Settings
//! and for the desktop, a change to it is refused naming the policy file, a ring-me-at number
//! outside the allowed ones is refused, a clicked link follows the locked link action, and a
//! policy file that cannot be read stops Settings with its line. Unlocked values are defaults;
//! the pickers and calls keep to the allowed numbers; the sign-in and demo rules are kept.

use ringdesk_core::app::{
    CallRequest, Desk, DeskError, DeskOptions, Error, LinkView, SettingsPatch,
};
use ringdesk_core::config::{ConfigError, Environment, Mode, Paths, Profile, SignInPolicy};

use crate::support::{demo_desk, demo_desk_under_policy, ringouts};

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

#[tokio::test(flavor = "multi_thread")]
async fn unlocked_policy_values_are_defaults_the_agent_may_change() {
    let demo = demo_desk_under_policy(
        r#"[policy]
link_action = "dial"
notifications = false
allowed_ring_me_at = ["+16505550111"]
allowed_caller_ids = ["+442079460100"]
"#,
    )
    .await;
    let settings = demo.desk.settings().await.expect("settings");
    assert!(settings.locked.is_empty());
    assert!(!settings.notifications, "the policy's default");
    assert_eq!(
        serde_json::to_value(settings.link_action).expect("json"),
        "dial"
    );
    assert_eq!(settings.ring_me_at.as_deref(), Some("+16505550111"));
    assert_eq!(settings.caller_id.as_deref(), Some("+442079460100"));

    // The pickers offer only the allowed numbers, by number.
    let options = demo.desk.call_options().await.expect("options");
    let values = |choices: &[ringdesk_core::app::Choice]| {
        choices.iter().map(|c| c.value.clone()).collect::<Vec<_>>()
    };
    assert_eq!(values(&options.ring_me_at), ["+16505550111"]);
    assert_eq!(values(&options.caller_ids), ["+442079460100"]);
    assert_eq!(options.selected_ring_me_at.as_deref(), Some("+16505550111"));

    // Not locked: the agent's own choice is kept.
    let saved = demo
        .desk
        .save_settings(SettingsPatch {
            notifications: Some(true),
            link_action: serde_json::from_str("\"prefill\"").ok(),
            ..SettingsPatch::default()
        })
        .await
        .expect("unlocked settings change");
    assert!(saved.notifications);
    assert_eq!(
        serde_json::to_value(saved.link_action).expect("json"),
        "prefill"
    );
    assert!(demo.desk.app_settings().expect("app").notifications);

    // A call may not ring a phone, or show a number, the policy does not allow.
    for request in [
        CallRequest {
            ring_me_at: Some("+16505550110".into()),
            ..CallRequest::to("+16505550123")
        },
        CallRequest {
            caller_id: Some("+16505550100".into()),
            ..CallRequest::to("+16505550123")
        },
    ] {
        match demo.desk.place_call(&request).await {
            Err(Error::Desk(DeskError::NotAllowedByOrganization { .. })) => {}
            other => panic!("an unallowed number must be refused, got {other:?}"),
        }
    }
    assert_eq!(ringouts(&demo.desk).await, 0, "nothing was dialed");
    demo.desk
        .place_call(&CallRequest::to("+16505550123"))
        .await
        .expect("the allowed phone rings");
    assert_eq!(ringouts(&demo.desk).await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sign_in_the_policy_does_not_allow_is_refused_and_not_offered() {
    for (methods, refused_jwt, refused_browser) in [
        ("browser", true, false),
        ("jwt", false, true),
        ("either", false, false),
    ] {
        let dirs = tempfile::tempdir().expect("temp dir");
        let policy = dirs.path().join("policy.toml");
        std::fs::write(
            &policy,
            format!("[policy]\nsign_in = \"{methods}\"\nallow_demo = false\n"),
        )
        .expect("policy written");
        let at = |name: &str| dirs.path().join(name).to_str().expect("utf-8").to_string();
        let (config, data, policy) = (at("config"), at("data"), at("policy.toml"));
        let env = Environment::from_pairs([
            ("RINGDESK_CONFIG_DIR", config.as_str()),
            ("RINGDESK_DATA_DIR", data.as_str()),
            (ringdesk_core::config::POLICY_FILE_ENV, policy.as_str()),
            ("RINGCENTRAL_CLIENT_ID", "fleet-app"),
            // Nothing listens here: a sign-in that is allowed fails later, not with the policy.
            ("RINGCENTRAL_SERVER_URL", "http://127.0.0.1:9/"),
        ]);
        let paths = Paths::resolve(&env).expect("paths");
        let profile = Profile::for_launch("default", &paths, &env, false).expect("live profile");
        assert_eq!(profile.mode, Mode::Live);
        let desk = Desk::new(profile, env, paths, DeskOptions::default());

        let view = desk.session().await;
        assert_eq!(
            view.sign_in_methods,
            serde_json::from_str::<SignInPolicy>(&format!("\"{methods}\"")).expect("method")
        );
        assert!(!view.demo_allowed);

        let by_policy = |result: Result<(), Error>| {
            matches!(result, Err(Error::Desk(DeskError::SignInNotAllowed { .. })))
        };
        assert_eq!(
            by_policy(desk.sign_in_jwt("eyJ.a.b").await.map(drop)),
            refused_jwt,
            "JWT under {methods}"
        );
        assert_eq!(
            by_policy(desk.begin_browser_sign_in().await.map(drop)),
            refused_browser,
            "browser under {methods}"
        );
        match desk.start_demo().await {
            Err(Error::Config(ConfigError::DemoNotAllowed(file))) => {
                assert!(file.ends_with("policy.toml"), "{file}")
            }
            other => panic!("demo mode must be refused, got {other:?}"),
        }
    }
}
