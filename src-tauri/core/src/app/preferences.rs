//! Settings: what the Settings view shows and saves — the profile's calling and messaging
//! choices and the app's desktop preferences — written to the config file at once.

use std::sync::atomic::Ordering;

use serde::{Deserialize, Serialize};

use crate::config::{
    AppSettings, ConfigError, ConfigFile, LinkAction, PolicyInForce, ProfileSettings, Theme,
    MOST_LIST_COUNTDOWN_SECS,
};

use crate::phone::Country;

use super::{Choice, Desk, DeskEvent, Error, Problem};

/// Every setting, with the choices of the pickers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    /// "Ring me at": a forwarding-number id or a number.
    pub ring_me_at: Option<String>,
    /// Caller ID.
    pub caller_id: Option<String>,
    /// SMS sender.
    pub sms_sender: Option<String>,
    /// Default country override.
    pub country: Option<String>,
    /// What a clicked link does.
    pub link_action: LinkAction,
    /// Desktop notifications for new texts.
    pub notifications: bool,
    /// Do not disturb.
    pub do_not_disturb: bool,
    /// Start at login.
    pub start_at_login: bool,
    /// Keep running in the tray when the window closes.
    pub close_to_tray: bool,
    /// Colour scheme.
    pub theme: Theme,
    /// Pop incoming calls.
    pub call_alerts: bool,
    /// Notify missed calls.
    pub missed_call_alerts: bool,
    /// *Text back*'s replies (ringdesk's own when none are set).
    pub quick_replies: Vec<String>,
    /// Seconds a call list counts down before its next call (0: only *Next*).
    pub list_countdown_secs: u32,
    /// The global shortcut that dials the selected text (empty: none).
    pub dial_shortcut: String,
    /// Settings the machine's policy locks (`link_action`, `notifications`, `start_at_login`,
    /// `ring_me_at`, `caller_id`): shown as set by the organization, not changeable.
    pub locked: Vec<String>,
    /// The policy file in force, if any.
    pub policy_file: Option<String>,
    /// Options for the pickers, keyed like the fields (`ringMeAt`, `callerId`, `smsSender`).
    pub choices: Choices,
}

/// Picker options; empty when offline or signed out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Choices {
    /// The agent's phones.
    pub ring_me_at: Vec<Choice>,
    /// Caller IDs.
    pub caller_id: Vec<Choice>,
    /// SMS senders.
    pub sms_sender: Vec<Choice>,
    /// Link behaviour.
    pub link_action: Vec<Choice>,
    /// Themes.
    pub theme: Vec<Choice>,
}

/// A change to some settings; absent fields stay, an empty text clears.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct SettingsPatch {
    /// "Ring me at".
    pub ring_me_at: Option<String>,
    /// Caller ID.
    pub caller_id: Option<String>,
    /// SMS sender.
    pub sms_sender: Option<String>,
    /// Default country (ISO code).
    pub country: Option<String>,
    /// `prefill` or `dial`.
    pub link_action: Option<LinkAction>,
    /// Notifications.
    pub notifications: Option<bool>,
    /// Do not disturb.
    pub do_not_disturb: Option<bool>,
    /// Start at login.
    pub start_at_login: Option<bool>,
    /// Close to tray.
    pub close_to_tray: Option<bool>,
    /// Theme.
    pub theme: Option<Theme>,
    /// Pop incoming calls.
    pub call_alerts: Option<bool>,
    /// Notify missed calls.
    pub missed_call_alerts: Option<bool>,
    /// *Text back*'s replies (at most 10, each a valid SMS; empty: ringdesk's own).
    pub quick_replies: Option<Vec<String>>,
    /// A call list's countdown (seconds, at most 600; 0: only *Next*).
    pub list_countdown_secs: Option<u32>,
    /// The dial-from-anywhere shortcut (`Ctrl+Alt+D`; empty: none).
    pub dial_shortcut: Option<String>,
}

impl Desk {
    /// The settings, with picker choices when signed in.
    pub async fn settings(&self) -> Result<SettingsView, Error> {
        let policy = self.policy()?;
        let file = self.config_file(&policy)?;
        self.remember(&file.app);
        let mut profile = self.profile().settings;
        let mut app = file.app.clone();
        super::policy::enforce(&policy, &mut profile, &mut app);
        let mut choices = Choices {
            link_action: vec![
                choice("prefill", "Show the number, I press Call"),
                choice("dial", "Call at once"),
            ],
            theme: vec![
                choice("system", "Follow the system"),
                choice("light", "Light"),
                choice("dark", "Dark"),
            ],
            ..Choices::default()
        };
        if let Ok(options) = self.call_options().await {
            choices.ring_me_at = options.ring_me_at;
            choices.caller_id = options.caller_ids;
        }
        choices.sms_sender = self.sms_senders().await.0;
        Ok(SettingsView {
            locked: policy
                .policy
                .locked
                .iter()
                .map(|l| l.name().to_string())
                .collect(),
            policy_file: policy.path.map(|p| p.display().to_string()),
            ..view(&profile, &app, choices)
        })
    }

    /// The app-wide settings as saved.
    pub fn app_settings(&self) -> Result<AppSettings, Error> {
        let policy = self.policy()?;
        let mut settings = self.config_file(&policy)?.app;
        super::policy::enforce(&policy, &mut self.profile().settings, &mut settings);
        self.remember(&settings);
        Ok(settings)
    }

    /// The app settings the desktop acts on by itself — notifications, the tray's Do not disturb,
    /// closing to the tray, start at login — which cannot stop to ask: the file's, when it can be
    /// read. When it cannot (a bad edit), never the defaults: the window is told why (a
    /// [`DeskEvent::Problem`] naming the line) and the last settings read stay in force, with
    /// Do not disturb on. The broken file may be the very edit that turned it on; a banner the
    /// agent asked not to get (during a screen share, say) does harm that cannot be undone,
    /// while a text that arrives quietly still waits in Messages, with the window saying why.
    pub fn settings_in_force(&self) -> AppSettings {
        match self.app_settings() {
            Ok(settings) => settings,
            Err(error) => {
                tracing::warn!(%error, "settings unreadable: the last ones, Do not disturb on");
                self.settings_unreadable.store(true, Ordering::Relaxed);
                self.emit(DeskEvent::Problem(Some(Problem::of(&error))));
                let last = match self.last_settings.lock() {
                    Ok(last) => last.clone(),
                    Err(poisoned) => poisoned.into_inner().clone(),
                };
                AppSettings {
                    do_not_disturb: true,
                    ..last.unwrap_or_default()
                }
            }
        }
    }

    /// Keeps settings just read; tells the window when they could not be read before.
    fn remember(&self, settings: &AppSettings) {
        if let Ok(mut last) = self.last_settings.lock() {
            *last = Some(settings.clone());
        }
        if self.settings_unreadable.swap(false, Ordering::Relaxed) {
            self.emit(DeskEvent::Problem(None));
        }
    }

    /// Applies `patch`, saves the config file, and returns the settings now in force.
    pub async fn save_settings(&self, patch: SettingsPatch) -> Result<SettingsView, Error> {
        let policy = self.policy()?;
        super::policy::check_patch(&policy, &patch)?;
        let path = self.paths.config_file();
        let mut file = self.config_file(&policy)?;
        let name = self.profile().name;
        let mut profile = file.profile(&name);
        if let Some(code) = patch.country.as_deref() {
            let code = code.trim();
            profile.country = if code.is_empty() {
                None
            } else {
                Some(Country::from_iso_code(code)?.iso_code().to_string())
            };
        }
        set_text(&mut profile.ring_me_at, patch.ring_me_at);
        set_text(&mut profile.caller_id, patch.caller_id);
        set_text(&mut profile.sms_sender, patch.sms_sender);
        if let Some(action) = patch.link_action {
            profile.link_action = action;
        }
        let app = &mut file.app;
        app.notifications = patch.notifications.unwrap_or(app.notifications);
        app.do_not_disturb = patch.do_not_disturb.unwrap_or(app.do_not_disturb);
        app.start_at_login = patch.start_at_login.unwrap_or(app.start_at_login);
        app.close_to_tray = patch.close_to_tray.unwrap_or(app.close_to_tray);
        app.theme = patch.theme.unwrap_or(app.theme);
        app.call_alerts = patch.call_alerts.unwrap_or(app.call_alerts);
        app.missed_call_alerts = patch.missed_call_alerts.unwrap_or(app.missed_call_alerts);
        if let Some(secs) = patch.list_countdown_secs {
            if secs > MOST_LIST_COUNTDOWN_SECS {
                return Err(super::DeskError::CountdownTooLong(MOST_LIST_COUNTDOWN_SECS).into());
            }
            app.list_countdown_secs = secs;
        }
        if let Some(shortcut) = patch.dial_shortcut {
            app.dial_shortcut = super::shortcut::read_shortcut(&shortcut)?;
        }
        if let Some(replies) = patch.quick_replies {
            app.quick_replies = quick_replies(replies)?;
        }
        file.profiles.insert(name, profile);
        file.save(&path)?;
        self.apply(&file);
        self.settings().await
    }

    /// The config file, where a setting it does not write takes the policy's default.
    pub(super) fn config_file(&self, policy: &PolicyInForce) -> Result<ConfigFile, ConfigError> {
        ConfigFile::load_with(&self.paths.config_file(), &policy.defaults())
    }

    /// Puts saved settings in force for this run.
    pub(super) fn apply(&self, file: &ConfigFile) {
        self.remember(&file.app);
        if let Ok(mut profile) = self.profile.write() {
            let saved = file.profile(&profile.name);
            if let Some(code) = saved
                .country
                .as_deref()
                .and_then(|c| Country::from_iso_code(c).ok())
            {
                if let Ok(mut home) = self.home.write() {
                    *home = code;
                }
            }
            // Server and client id in force may come from the environment: keep them.
            profile.settings = ProfileSettings {
                server: profile.settings.server.clone(),
                client_id: profile.settings.client_id.clone(),
                ..saved
            };
        }
    }
}

fn set_text(field: &mut Option<String>, value: Option<String>) {
    if let Some(value) = value {
        let value = value.trim();
        *field = (!value.is_empty()).then(|| value.to_string());
    }
}

fn choice(value: &str, label: &str) -> Choice {
    Choice {
        value: value.into(),
        label: label.into(),
    }
}

fn view(profile: &ProfileSettings, app: &AppSettings, choices: Choices) -> SettingsView {
    SettingsView {
        ring_me_at: profile.ring_me_at.clone(),
        caller_id: profile.caller_id.clone(),
        sms_sender: profile.sms_sender.clone(),
        country: profile.country.clone(),
        link_action: profile.link_action,
        notifications: app.notifications,
        do_not_disturb: app.do_not_disturb,
        start_at_login: app.start_at_login,
        close_to_tray: app.close_to_tray,
        theme: app.theme,
        call_alerts: app.call_alerts,
        missed_call_alerts: app.missed_call_alerts,
        quick_replies: super::phone_line::quick_replies_in_force(app),
        list_countdown_secs: app.list_countdown_secs,
        dial_shortcut: app.dial_shortcut.clone(),
        locked: Vec::new(),
        policy_file: None,
        choices,
    }
}

/// The most quick replies kept.
const MOST_QUICK_REPLIES: usize = 10;

/// Quick replies as saved: trimmed, blank ones dropped, each a text RingCentral takes.
fn quick_replies(replies: Vec<String>) -> Result<Vec<String>, Error> {
    let kept: Vec<String> = replies
        .into_iter()
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty())
        .collect();
    if kept.len() > MOST_QUICK_REPLIES {
        return Err(super::DeskError::TooManyQuickReplies(MOST_QUICK_REPLIES).into());
    }
    for reply in &kept {
        crate::sms::SmsText::new(reply)?;
    }
    Ok(kept)
}
