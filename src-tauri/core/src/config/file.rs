//! The TOML configuration file: one `[profiles.NAME]` table per RingCentral account.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{ConfigError, IntegrationSettings};

/// What a clicked `tel:` / `callto:` link does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkAction {
    /// Show the number in the dial view; the agent presses Call.
    #[default]
    Prefill,
    /// Place the call at once.
    Dial,
}

/// The settings of one profile. No field here may ever hold a secret.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProfileSettings {
    /// `production`, `sandbox` or an explicit base URL.
    pub server: Option<String>,
    /// The RingCentral app's client id (public, not a secret).
    pub client_id: Option<String>,
    /// RingOut "ring me at" number (E.164) or forwarding-number id.
    pub ring_me_at: Option<String>,
    /// Caller ID shown to the customer (E.164).
    pub caller_id: Option<String>,
    /// The SMS sender number (E.164).
    pub sms_sender: Option<String>,
    /// Default country (ISO 3166 alpha-2) for numbers typed without a country code;
    /// unset means the account's home country.
    pub country: Option<String>,
    /// What a clicked link does.
    pub link_action: LinkAction,
    /// The outcomes a wrap-up offers, in order (digits pick them); empty: ringdesk's own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dispositions: Vec<String>,
    /// The CRM connectors (`[profiles.NAME.integrations.webhook]`, `….suitedash`).
    #[serde(skip_serializing_if = "IntegrationSettings::is_empty")]
    pub integrations: IntegrationSettings,
}

/// The window's colour scheme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The global shortcut that dials the selected text, unless the agent picks another.
pub const DEFAULT_DIAL_SHORTCUT: &str = "Ctrl+Alt+D";
/// The longest countdown a call list waits before its next call (seconds).
pub const MOST_LIST_COUNTDOWN_SECS: u32 = 600;

/// Settings of the app on this computer, shared by every profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AppSettings {
    /// Desktop notifications for new texts.
    pub notifications: bool,
    /// Mute notifications (the tray's Do not disturb).
    pub do_not_disturb: bool,
    /// Start ringdesk (in the tray) when the user logs in.
    pub start_at_login: bool,
    /// Closing the window keeps ringdesk running in the tray.
    pub close_to_tray: bool,
    /// Light, dark or the system's.
    pub theme: Theme,
    /// Pop an incoming call (notification and banner) while it rings.
    pub call_alerts: bool,
    /// A notification for each missed call.
    pub missed_call_alerts: bool,
    /// What *Text back* offers while a customer's call rings; empty: ringdesk's own.
    pub quick_replies: Vec<String>,
    /// Seconds a call list waits, counting down, before it dials the next entry on its own
    /// once a call is wrapped up; 0: only *Next* dials it.
    pub list_countdown_secs: u32,
    /// The global shortcut that dials the selected text from any application (`Ctrl+Alt+D`);
    /// empty: none.
    pub dial_shortcut: String,
}

impl Default for AppSettings {
    fn default() -> Self {
        Self {
            notifications: true,
            do_not_disturb: false,
            start_at_login: false,
            close_to_tray: true,
            theme: Theme::System,
            call_alerts: true,
            missed_call_alerts: true,
            quick_replies: Vec::new(),
            list_countdown_secs: 5,
            dial_shortcut: DEFAULT_DIAL_SHORTCUT.into(),
        }
    }
}

impl AppSettings {
    /// Whether a new text raises a notification: notifications on, Do not disturb off.
    pub fn notifies(&self) -> bool {
        self.notifications && !self.do_not_disturb
    }

    /// Whether a call raises a notification: an incoming one (`missed` false) or a missed one,
    /// each as set, and never in Do not disturb.
    pub fn alerts_calls(&self, missed: bool) -> bool {
        let wanted = if missed {
            self.missed_call_alerts
        } else {
            self.call_alerts
        };
        wanted && !self.do_not_disturb
    }
}

/// The whole configuration file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConfigFile {
    /// Settings of the app on this computer.
    pub app: AppSettings,
    /// Settings per profile name.
    pub profiles: BTreeMap<String, ProfileSettings>,
    /// The settings of a profile the file does not name.
    #[serde(skip)]
    pub profile_defaults: ProfileSettings,
}

/// The values a setting the file does not write takes: ringdesk's own, or the machine policy's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingDefaults {
    /// For `[app]`.
    pub app: AppSettings,
    /// For each `[profiles.NAME]`.
    pub profile: ProfileSettings,
}

impl ConfigFile {
    /// Reads the file; a missing file is an empty configuration.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => return Err(io_error(path, source)),
        };
        toml::from_str(&text).map_err(|e| invalid(path, &text, &e))
    }

    /// Reads the file like [`ConfigFile::load`], but a setting it does not write takes its value
    /// from `defaults` instead of ringdesk's own.
    pub fn load_with(path: &Path, defaults: &SettingDefaults) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => return Err(io_error(path, source)),
        };
        // Read once as written, so that a mistake is named at its line.
        let _: ConfigFile = toml::from_str(&text).map_err(|e| invalid(path, &text, &e))?;
        let written: toml::Table = toml::from_str(&text).map_err(|e| invalid(path, &text, &e))?;
        let over = |e: toml::ser::Error| io_error(path, std::io::Error::other(e));
        let app = overlay(&defaults.app, written.get("app")).map_err(over)?;
        let mut profiles = BTreeMap::new();
        if let Some(toml::Value::Table(written)) = written.get("profiles") {
            for (name, settings) in written {
                let settings = overlay(&defaults.profile, Some(settings)).map_err(over)?;
                profiles.insert(name.clone(), settings);
            }
        }
        Ok(Self {
            app: app.try_into().map_err(|e| invalid(path, &text, &e))?,
            profiles: profiles
                .into_iter()
                .map(|(name, t)| Ok((name, t.try_into()?)))
                .collect::<Result<_, toml::de::Error>>()
                .map_err(|e| invalid(path, &text, &e))?,
            profile_defaults: defaults.profile.clone(),
        })
    }

    /// Writes the file atomically (a temporary file renamed over the old one).
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
        }
        let text =
            toml::to_string_pretty(self).map_err(|e| io_error(path, std::io::Error::other(e)))?;
        let tmp = path.with_extension("toml.tmp");
        std::fs::write(&tmp, text).map_err(|e| io_error(&tmp, e))?;
        std::fs::rename(&tmp, path).map_err(|e| io_error(path, e))
    }

    /// The settings of `profile`; the defaults if the file has none.
    pub fn profile(&self, profile: &str) -> ProfileSettings {
        self.profiles
            .get(profile)
            .cloned()
            .unwrap_or_else(|| self.profile_defaults.clone())
    }
}

/// `defaults` as a table with the keys of `written` (a table) put over it.
fn overlay<T: Serialize>(
    defaults: &T,
    written: Option<&toml::Value>,
) -> Result<toml::Table, toml::ser::Error> {
    let mut table = toml::Table::try_from(defaults)?;
    if let Some(toml::Value::Table(written)) = written {
        table.extend(written.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    Ok(table)
}

/// A parse error as `path:line:column: message`; the position comes from the error's span
/// (the start of the file when it has none).
pub(super) fn invalid(path: &Path, text: &str, error: &toml::de::Error) -> ConfigError {
    let start = error.span().map_or(0, |span| span.start).min(text.len());
    let before = text.get(..start).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    ConfigError::Invalid {
        path: path.to_path_buf(),
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        message: error.message().trim().replace('\n', " "),
    }
}

pub(super) fn io_error(path: &Path, source: std::io::Error) -> ConfigError {
    ConfigError::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_file_does_not_write_takes_the_given_default() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        let defaults = SettingDefaults {
            app: AppSettings {
                notifications: false,
                start_at_login: true,
                ..AppSettings::default()
            },
            profile: ProfileSettings {
                link_action: LinkAction::Dial,
                ..ProfileSettings::default()
            },
        };
        let none = ConfigFile::load_with(&path, &defaults).expect("no file");
        assert!(!none.app.notifications && none.app.start_at_login);
        assert_eq!(none.profile("default").link_action, LinkAction::Dial);

        std::fs::write(
            &path,
            "[app]\nnotifications = true\n[profiles.work]\ncountry = \"GB\"\n",
        )
        .expect("written");
        let file = ConfigFile::load_with(&path, &defaults).expect("read");
        assert!(file.app.notifications, "written: the agent's");
        assert!(file.app.start_at_login, "not written: the default");
        let work = file.profile("work");
        assert_eq!(work.country.as_deref(), Some("GB"));
        assert_eq!(work.link_action, LinkAction::Dial);

        std::fs::write(&path, "[app]\nnotifications = \"loud\"\n").expect("written");
        match ConfigFile::load_with(&path, &defaults) {
            Err(ConfigError::Invalid { line: 2, .. }) => {}
            other => panic!("a bad value is named at its line, got {other:?}"),
        }
    }

    #[test]
    fn muted_or_switched_off_means_no_notification() {
        let on = AppSettings::default();
        assert!(on.notifies(), "notifications are on by default");
        assert!(!AppSettings {
            do_not_disturb: true,
            ..on.clone()
        }
        .notifies());
        assert!(!AppSettings {
            notifications: false,
            ..on
        }
        .notifies());
    }

    #[test]
    fn round_trips_through_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nested/config.toml");
        let mut file = ConfigFile::default();
        file.profiles.insert(
            "work".into(),
            ProfileSettings {
                server: Some("sandbox".into()),
                country: Some("GB".into()),
                link_action: LinkAction::Dial,
                ..Default::default()
            },
        );
        file.save(&path).expect("save");
        assert_eq!(
            ConfigFile::load(&path).expect("load"),
            file,
            "what was saved is read back"
        );
    }

    #[test]
    fn missing_file_is_empty_and_unknown_keys_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        assert_eq!(
            ConfigFile::load(&path).expect("missing is fine"),
            ConfigFile::default()
        );
        std::fs::write(&path, "[profiles.a]\nclient_secret = \"x\"\n").expect("write");
        let err = ConfigFile::load(&path).expect_err("a secret key must not be accepted");
        assert!(matches!(err, ConfigError::Invalid { .. }), "{err}");
    }

    #[test]
    fn a_bad_value_is_named_by_line_and_column_in_one_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[app]\nnotifications = true\ndo_not_disturb = maybe\n",
        )
        .expect("write");
        let err = ConfigFile::load(&path).expect_err("`maybe` is not a boolean");
        let message = err.to_string();
        assert!(
            message.contains("config.toml:3:18:"),
            "path:line:column, as editors and terminals link it: {message}"
        );
        assert!(
            !message.contains('\n'),
            "one line, for the status strip and a toast: {message:?}"
        );
    }
}
