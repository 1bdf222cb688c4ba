//! The machine's policy in the real window: a setting the policy locks is shown with the
//! policy's value, disabled, and says it is set by the organization.

use crate::desktop::Desktop;

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus and WebKitWebDriver: run by scripts/test"]
async fn a_locked_setting_is_disabled_with_its_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let policy = dir.path().join("policy.toml");
    std::fs::write(
        &policy,
        "[policy]\nlink_action = \"dial\"\nlocked = [\"link_action\"]\n",
    )
    .expect("policy written");
    let desktop = Desktop::launch(
        &[],
        &[("RINGDESK_POLICY_FILE", policy.to_str().expect("utf-8"))],
    )
    .await;
    desktop.wait_signed_in_demo().await;
    desktop
        .eval("document.querySelector(\"nav button[data-view='settings']\").click(); return true;")
        .await;
    desktop
        .wait_until(
            "the locked link action, disabled with its reason",
            "const select = document.querySelector('#setting-linkAction'); \
             const note = document.querySelector('#setting-linkAction-locked'); \
             return !!select && select.disabled && select.value === 'dial' \
               && !!note && !note.hidden && note.textContent === 'Set by your organization' \
               && select.getAttribute('aria-describedby') === note.id;",
        )
        .await;
    let theme = desktop
        .eval("return document.querySelector('#setting-theme').disabled;")
        .await;
    assert_eq!(
        theme,
        serde_json::json!(false),
        "an unlocked setting stays the agent's"
    );
    desktop.screenshot("settings-policy").await;
    desktop.close().await;
}
