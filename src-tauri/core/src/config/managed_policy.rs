//! The policy where macOS and Windows keep it: a managed preferences property list (the payload
//! of an MDM profile, [`super::policy::MACOS_MANAGED_PREFERENCES`]) and the
//! `HKLM\Software\Policies\ringdesk` registry key (group policy). Both hold the keys of
//! `policy.toml`'s `[policy]` table; each is read into that table and checked by the same code
//! as the file, so a mistake is named by its key and nothing is silently ignored.

use std::path::Path;

use super::policy::{check, Policy, PolicyInForce};
use super::ConfigError;

/// The registry key Windows group policy writes for ringdesk.
pub const WINDOWS_POLICY_KEY: &str = r"HKLM\Software\Policies\ringdesk";

/// The keys that are on or off (a registry DWORD: 0 off, anything else on).
const SWITCHES: [&str; 3] = ["allow_demo", "notifications", "start_at_login"];

/// One setting as a property list or the registry holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManagedValue {
    /// A string (`<string>`, `REG_SZ`).
    Text(String),
    /// A number (`<integer>`, `REG_DWORD`); a switch's 0 is off.
    Number(i64),
    /// `<true/>` or `<false/>`.
    Switch(bool),
    /// A list of strings (`<array>`, `REG_MULTI_SZ`).
    List(Vec<String>),
}

/// Reads the managed preferences at `path`: no policy when there is no file.
pub fn from_plist(path: &Path) -> Result<PolicyInForce, ConfigError> {
    if !path.exists() {
        return Ok(PolicyInForce::default());
    }
    let place = path.display().to_string();
    let value = plist::Value::from_file(path).map_err(|e| invalid(&place, "", &e.to_string()))?;
    let Some(settings) = value.as_dictionary() else {
        return Err(invalid(&place, "", "not a dictionary of settings"));
    };
    let mut values = Vec::new();
    for (key, value) in settings {
        let value = match value {
            plist::Value::String(text) => ManagedValue::Text(text.clone()),
            plist::Value::Boolean(on) => ManagedValue::Switch(*on),
            plist::Value::Integer(number) => {
                ManagedValue::Number(number.as_signed().unwrap_or(i64::MAX))
            }
            plist::Value::Array(items) => ManagedValue::List(
                items
                    .iter()
                    .map(|item| item.as_string().map(str::to_string))
                    .collect::<Option<_>>()
                    .ok_or_else(|| invalid(&place, key, "a list must hold only strings"))?,
            ),
            _ => {
                return Err(invalid(
                    &place,
                    key,
                    "not a string, a number, true/false or a list of strings",
                ))
            }
        };
        values.push((key.clone(), value));
    }
    Ok(PolicyInForce {
        path: Some(path.to_path_buf()),
        policy: from_values(&place, values)?,
    })
}

/// Reads the policy from the Windows registry: no policy when the key does not exist.
#[cfg(windows)]
pub fn from_registry() -> Result<PolicyInForce, ConfigError> {
    use std::path::PathBuf;
    use winreg::enums::{RegType, HKEY_LOCAL_MACHINE};
    use winreg::types::FromRegValue;
    use winreg::RegKey;

    let io = |source| ConfigError::Io {
        path: PathBuf::from(WINDOWS_POLICY_KEY),
        source,
    };
    let key = match RegKey::predef(HKEY_LOCAL_MACHINE).open_subkey(r"Software\Policies\ringdesk") {
        Ok(key) => key,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(PolicyInForce::default()),
        Err(e) => return Err(io(e)),
    };
    let mut values = Vec::new();
    for entry in key.enum_values() {
        let (name, value) = entry.map_err(io)?;
        let value = match value.vtype {
            RegType::REG_SZ | RegType::REG_EXPAND_SZ => {
                ManagedValue::Text(String::from_reg_value(&value).map_err(io)?)
            }
            RegType::REG_DWORD => {
                ManagedValue::Number(i64::from(u32::from_reg_value(&value).map_err(io)?))
            }
            RegType::REG_MULTI_SZ => {
                ManagedValue::List(Vec::<String>::from_reg_value(&value).map_err(io)?)
            }
            _ => {
                return Err(invalid(
                    WINDOWS_POLICY_KEY,
                    &name,
                    "not REG_SZ, REG_DWORD or REG_MULTI_SZ",
                ))
            }
        };
        values.push((name, value));
    }
    Ok(PolicyInForce {
        path: Some(PathBuf::from(WINDOWS_POLICY_KEY)),
        policy: from_values(WINDOWS_POLICY_KEY, values)?,
    })
}

/// No registry here: no policy from it.
#[cfg(not(windows))]
pub fn from_registry() -> Result<PolicyInForce, ConfigError> {
    Ok(PolicyInForce::default())
}

/// The policy the managed `values` (read at `place`) say, checked as the file is: an unknown
/// key, a value of the wrong kind or a locked setting without a value is refused by its key.
pub fn from_values(
    place: &str,
    values: Vec<(String, ManagedValue)>,
) -> Result<Policy, ConfigError> {
    let mut table = toml::Table::new();
    for (key, value) in values {
        let value = match value {
            ManagedValue::Text(text) => toml::Value::String(text),
            ManagedValue::Number(n) if SWITCHES.contains(&key.as_str()) => {
                toml::Value::Boolean(n != 0)
            }
            ManagedValue::Number(n) => toml::Value::Integer(n),
            ManagedValue::Switch(on) => toml::Value::Boolean(on),
            ManagedValue::List(items) => {
                toml::Value::Array(items.into_iter().map(toml::Value::String).collect())
            }
        };
        table.insert(key, value);
    }
    // Each key alone first, so that a mistake is named by its key.
    for (key, value) in &table {
        let alone = toml::Table::from_iter([(key.clone(), value.clone())]);
        toml::Value::Table(alone)
            .try_into::<Policy>()
            .map_err(|e| invalid(place, key, e.message()))?;
    }
    let policy: Policy = toml::Value::Table(table)
        .try_into()
        .map_err(|e| invalid(place, "", e.message()))?;
    check(&policy).map_err(|(key, message)| invalid(place, key, &message))?;
    Ok(policy)
}

fn invalid(place: &str, key: &str, message: &str) -> ConfigError {
    ConfigError::InvalidPolicySetting {
        place: place.to_string(),
        key: key.to_string(),
        message: message.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Environment, Lockable, POLICY_FILE_ENV};

    const PLIST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>client_id</key><string>fleet-app</string>
  <key>server</key><string>production</string>
  <key>sign_in</key><string>jwt</string>
  <key>allow_demo</key><false/>
  <key>link_action</key><string>prefill</string>
  <key>allowed_ring_me_at</key><array><string>+16505550110</string></array>
  <key>notifications</key><true/>
  <key>start_at_login</key><true/>
  <key>do_not_call</key><array><string>+16505550199</string></array>
  <key>locked</key><array><string>link_action</string><string>notifications</string></array>
</dict>
</plist>
"#;

    fn load(text: &str) -> Result<PolicyInForce, ConfigError> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("app.ringdesk.desktop.plist");
        std::fs::write(&path, text).expect("written");
        let env = Environment::from_pairs([(POLICY_FILE_ENV, path.to_str().expect("utf-8"))]);
        PolicyInForce::load(&env)
    }

    #[test]
    fn managed_preferences_are_read_by_the_same_code_as_the_file() {
        let read = load(PLIST).expect("read");
        assert!(read
            .path
            .as_ref()
            .is_some_and(|p| p.ends_with("app.ringdesk.desktop.plist")));
        let policy = &read.policy;
        assert_eq!(policy.client_id.as_deref(), Some("fleet-app"));
        assert_eq!(policy.sign_in, crate::config::SignInPolicy::Jwt);
        assert_eq!(policy.allow_demo, Some(false));
        assert_eq!(policy.allowed_ring_me_at, ["+16505550110"]);
        assert_eq!(policy.notifications, Some(true));
        assert!(read.locks(Lockable::LinkAction) && read.locks(Lockable::Notifications));
        assert!(!read.locks(Lockable::StartAtLogin));
    }

    #[test]
    fn registry_values_read_as_the_same_policy() {
        // The registry's kinds: REG_SZ text, REG_DWORD switches, REG_MULTI_SZ lists.
        let values = vec![
            (
                "client_id".to_string(),
                ManagedValue::Text("fleet-app".into()),
            ),
            (
                "server".to_string(),
                ManagedValue::Text("production".into()),
            ),
            ("allow_demo".to_string(), ManagedValue::Number(0)),
            ("notifications".to_string(), ManagedValue::Number(1)),
            (
                "locked".to_string(),
                ManagedValue::List(vec!["notifications".into()]),
            ),
        ];
        let policy = from_values(WINDOWS_POLICY_KEY, values).expect("read");
        assert_eq!(policy.allow_demo, Some(false));
        assert_eq!(policy.notifications, Some(true));
        assert_eq!(policy.locked, [Lockable::Notifications]);
    }

    #[test]
    fn a_bad_managed_setting_is_named_by_its_key() {
        let cases = [
            ("<key>theme</key><string>dark</string>", "theme"),
            ("<key>allow_demo</key><string>no</string>", "allow_demo"),
            ("<key>link_action</key><string>ring</string>", "link_action"),
            (
                "<key>locked</key><array><string>notifications</string></array>",
                "locked",
            ),
            ("<key>server</key><string>production</string>", "server"),
            (
                "<key>do_not_call</key><array><integer>1</integer></array>",
                "do_not_call",
            ),
        ];
        for (entry, named) in cases {
            let text = format!(
                "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict>{entry}</dict></plist>"
            );
            match load(&text) {
                Err(ConfigError::InvalidPolicySetting { key, .. }) => {
                    assert_eq!(key, named, "{entry}")
                }
                other => panic!("{entry} must be refused by its key, got {other:?}"),
            }
        }
        assert!(matches!(
            load("not a plist"),
            Err(ConfigError::InvalidPolicySetting { .. })
        ));
    }
}
