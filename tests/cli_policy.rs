//! The machine's policy on the command line of the real binary in demo mode: `ringdesk status`
//! names the policy file, `ringdesk settings` refuses to change what it locks (naming the file)
//! and changes what it does not, and a policy file that cannot be read is an error naming its
//! line.

mod demo_cli;

use demo_cli::{json, ringdesk_in};

fn ringdesk(
    dir: &std::path::Path,
    policy: &std::path::Path,
    args: &[&str],
) -> std::process::Output {
    ringdesk_in(dir, args, &[("RINGDESK_POLICY_FILE", policy)])
}

#[test]
fn a_locked_setting_is_refused_and_the_policy_file_named() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let policy = dir.path().join("policy.toml");
    std::fs::write(
        &policy,
        "[policy]\nlink_action = \"prefill\"\nlocked = [\"link_action\"]\n",
    )
    .expect("policy");

    let status = ringdesk(dir.path(), &policy, &["status"]);
    assert_eq!(
        json(&status)["policy_file"],
        policy.display().to_string(),
        "{status:?}"
    );

    let refused = ringdesk(dir.path(), &policy, &["settings", "link_action", "dial"]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    let said = String::from_utf8_lossy(&refused.stdout).to_string();
    assert!(said.contains("set by your organization"), "{said}");
    assert!(said.contains("policy.toml"), "{said}");

    let changed = ringdesk(dir.path(), &policy, &["settings", "theme", "dark"]);
    assert!(changed.status.success(), "{changed:?}");
    assert_eq!(json(&changed)["theme"], "dark");
    assert_eq!(json(&changed)["locked"][0], "link_action");
}

#[test]
fn a_policy_that_cannot_be_read_is_an_error_naming_its_line() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let policy = dir.path().join("policy.toml");
    std::fs::write(&policy, "[policy]\nsign_in = \"sso\"\n").expect("policy");
    let status = ringdesk(dir.path(), &policy, &["status"]);
    assert_eq!(status.status.code(), Some(1), "{status:?}");
    let said = String::from_utf8_lossy(&status.stdout).to_string();
    assert!(said.contains("policy.toml:2:"), "{said}");
}

#[test]
fn demo_mode_is_refused_when_the_policy_turns_it_off() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let policy = dir.path().join("policy.toml");
    std::fs::write(&policy, "[policy]\nallow_demo = false\n").expect("policy");
    let refused = ringdesk(dir.path(), &policy, &["status"]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    let said = String::from_utf8_lossy(&refused.stdout).to_string();
    assert!(
        said.contains("demo mode is turned off by your organization"),
        "{said}"
    );
}
