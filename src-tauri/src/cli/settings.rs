//! `ringdesk settings` (what is in force, with what the organization's policy locks) and
//! `ringdesk settings KEY VALUE`: the Settings view's change, on the command line — through the
//! same desk method, so a setting the policy locks is refused here too, naming the policy file.

use ringdesk_core::app::SettingsPatch;
use serde_json::{json, Value};

use super::Context;
use crate::{UiError, UiErrorCode};

/// Flags of `settings`.
#[derive(Debug, clap::Args)]
pub struct SettingsArgs {
    /// The setting to change (`link_action`, `notifications`, `start_at_login`, `ring_me_at`,
    /// `caller_id`, `sms_sender`, `country`, `theme`, `list_countdown_secs`, `dial_shortcut` …).
    pub key: Option<String>,
    /// Its new value (`true`/`false` for switches; an empty text clears a number).
    pub value: Option<String>,
}

/// Settings that are switches.
const SWITCHES: [&str; 6] = [
    "notifications",
    "do_not_disturb",
    "start_at_login",
    "close_to_tray",
    "call_alerts",
    "missed_call_alerts",
];

/// Prints the settings, or changes one.
pub async fn run(context: &Context, args: SettingsArgs) -> i32 {
    let (Some(key), Some(value)) = (args.key, args.value) else {
        return match context.desk.settings().await {
            Ok(settings) => {
                context.output.emit(&settings);
                if let Some(policy) = &settings.policy_file {
                    context.output.say(format!(
                        "Set by your organization ({policy}): {}",
                        settings.locked.join(", ")
                    ));
                }
                0
            }
            Err(error) => context.fail(error),
        };
    };
    let patch = match patch(&key, &value) {
        Ok(patch) => patch,
        Err(error) => return context.output.fail(&error),
    };
    match context.desk.save_settings(patch).await {
        Ok(settings) => {
            context.output.emit(&settings);
            context.output.say(format!("{key} is now {value}."));
            0
        }
        Err(error) => context.fail(error),
    }
}

/// The change `key = value` asks for, as the window would send it.
fn patch(key: &str, value: &str) -> Result<SettingsPatch, UiError> {
    let bad = |message: String| UiError {
        code: UiErrorCode::Validation,
        message,
        hint: "Run `ringdesk settings` to see the settings and their values.".into(),
    };
    let value = if SWITCHES.contains(&key) {
        match value.to_ascii_lowercase().as_str() {
            "true" | "on" | "yes" => Value::Bool(true),
            "false" | "off" | "no" => Value::Bool(false),
            _ => return Err(bad(format!("{key} is on or off, not {value:?}"))),
        }
    } else if key == "list_countdown_secs" {
        let secs: u32 = value
            .parse()
            .map_err(|_| bad(format!("{key} is a number of seconds, not {value:?}")))?;
        json!(secs)
    } else {
        Value::String(value.to_string())
    };
    let camel = key
        .split('_')
        .enumerate()
        .map(|(i, part)| match i {
            0 => part.to_string(),
            _ => part[..1.min(part.len())].to_uppercase() + &part[1.min(part.len())..],
        })
        .collect::<String>();
    serde_json::from_value(json!({ camel: value }))
        .map_err(|error| bad(format!("cannot set {key}: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_and_value_become_the_windows_change() {
        let set = patch("link_action", "dial").expect("a patch");
        assert!(set.link_action.is_some());
        assert_eq!(
            patch("notifications", "off")
                .expect("a patch")
                .notifications,
            Some(false)
        );
        assert_eq!(
            patch("list_countdown_secs", "0")
                .expect("a patch")
                .list_countdown_secs,
            Some(0)
        );
        assert!(patch("no_such_setting", "1").is_err());
        assert!(patch("notifications", "maybe").is_err());
        assert!(patch("link_action", "ring").is_err());
    }
}
