//! The machine's policy at work (`config::PolicyInForce`): a locked setting takes the policy's
//! value wherever it is read — Settings, the desktop's notifications and start at login, a
//! clicked link — and a change to it is refused, in the window and on the command line alike,
//! with the policy file named. The file is read each time it is needed, so an admin's change
//! applies without a restart; a file that cannot be read stops what needs it, naming its line.

use crate::config::{
    AppSettings, ConfigError, Lockable, Mode, PolicyInForce, ProfileSettings, SignInPolicy,
};

use super::desk_error::{SIGN_IN_BROWSER, SIGN_IN_JWT};
use super::{Desk, DeskError, Error, SettingsPatch};

impl Desk {
    /// The policy in force on this machine.
    pub fn policy(&self) -> Result<PolicyInForce, Error> {
        Ok(PolicyInForce::load(&self.env)?)
    }

    /// The profile's settings in force: its own, with what the policy locks or limits.
    pub(crate) fn profile_settings_in_force(&self) -> Result<ProfileSettings, Error> {
        let mut profile = self.profile().settings;
        enforce(&self.policy()?, &mut profile, &mut AppSettings::default());
        Ok(profile)
    }

    /// Refuses signing in with `method` (`Browser` or `Jwt`) when the policy does not allow
    /// it; demo mode signs in with neither and is not asked.
    pub(super) fn check_sign_in(&self, method: SignInPolicy) -> Result<(), Error> {
        let policy = self.policy()?;
        if self.profile().mode == Mode::Demo || policy.allows_sign_in(method) {
            return Ok(());
        }
        Err(DeskError::SignInNotAllowed {
            method: match method {
                SignInPolicy::Jwt => SIGN_IN_JWT,
                _ => SIGN_IN_BROWSER,
            },
            file: file_of(&policy),
        }
        .into())
    }

    /// Refuses demo mode when the policy turns it off.
    pub(super) fn check_demo_allowed(&self) -> Result<(), Error> {
        let policy = self.policy()?;
        if policy.policy.allow_demo == Some(false) {
            return Err(ConfigError::DemoNotAllowed(file_of(&policy)).into());
        }
        Ok(())
    }

    /// The link action in force: the profile's, unless the policy locks it.
    pub(crate) fn link_action_in_force(&self) -> Result<crate::config::LinkAction, Error> {
        Ok(self.profile_settings_in_force()?.link_action)
    }
}

/// The policy file's name, for a refusal.
fn file_of(policy: &PolicyInForce) -> String {
    policy
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

/// Puts the values of the settings `policy` locks into `profile` and `app`.
pub(super) fn enforce(
    policy: &PolicyInForce,
    profile: &mut ProfileSettings,
    app: &mut AppSettings,
) {
    let set = &policy.policy;
    if policy.locks(Lockable::LinkAction) {
        if let Some(action) = set.link_action {
            profile.link_action = action;
        }
    }
    if policy.locks(Lockable::Notifications) {
        app.notifications = set.notifications.unwrap_or(app.notifications);
    }
    if policy.locks(Lockable::StartAtLogin) {
        app.start_at_login = set.start_at_login.unwrap_or(app.start_at_login);
    }
    let pick = |kept: &mut Option<String>, allowed: &[String], locked: bool| {
        let outside = kept.as_ref().is_none_or(|k| !allowed.contains(k));
        if !allowed.is_empty() && (locked || outside) {
            *kept = allowed.first().cloned();
        }
    };
    pick(
        &mut profile.ring_me_at,
        &set.allowed_ring_me_at,
        policy.locks(Lockable::RingMeAt),
    );
    pick(
        &mut profile.caller_id,
        &set.allowed_caller_ids,
        policy.locks(Lockable::CallerId),
    );
}

/// The ring-me-at and caller ID a call uses: those it names, else the settings' in force; a
/// number the policy does not allow, or a locked one changed, is refused.
pub(super) fn numbers_for_call(
    policy: &PolicyInForce,
    mut settings: ProfileSettings,
    ring_me_at: Option<String>,
    caller_id: Option<String>,
) -> Result<(Option<String>, Option<String>), Error> {
    enforce(policy, &mut settings, &mut AppSettings::default());
    let differs = |given: &Option<String>, kept: &Option<String>| {
        given.as_ref().is_some_and(|g| Some(g) != kept.as_ref())
    };
    check_patch(
        policy,
        &SettingsPatch {
            ring_me_at: differs(&ring_me_at, &settings.ring_me_at)
                .then(|| ring_me_at.clone())
                .flatten(),
            caller_id: differs(&caller_id, &settings.caller_id)
                .then(|| caller_id.clone())
                .flatten(),
            ..SettingsPatch::default()
        },
    )?;
    Ok((
        ring_me_at.or(settings.ring_me_at),
        caller_id.or(settings.caller_id),
    ))
}

/// Refuses `patch` when it changes a setting `policy` locks, or picks a ring-me-at or caller-ID
/// number the policy does not allow.
pub(super) fn check_patch(policy: &PolicyInForce, patch: &SettingsPatch) -> Result<(), Error> {
    let file = || file_of(policy);
    let touched = [
        (Lockable::LinkAction, patch.link_action.is_some()),
        (Lockable::Notifications, patch.notifications.is_some()),
        (Lockable::StartAtLogin, patch.start_at_login.is_some()),
        (Lockable::RingMeAt, patch.ring_me_at.is_some()),
        (Lockable::CallerId, patch.caller_id.is_some()),
    ];
    for (setting, changed) in touched {
        if changed && policy.locks(setting) {
            return Err(DeskError::SetByOrganization {
                setting: setting.name(),
                file: file(),
            }
            .into());
        }
    }
    let allowed = [
        (
            &patch.ring_me_at,
            &policy.policy.allowed_ring_me_at,
            "ring_me_at",
        ),
        (
            &patch.caller_id,
            &policy.policy.allowed_caller_ids,
            "caller_id",
        ),
    ];
    for (wanted, allowed, setting) in allowed {
        let Some(wanted) = wanted.as_deref().map(str::trim).filter(|w| !w.is_empty()) else {
            continue;
        };
        if !allowed.is_empty() && !allowed.iter().any(|a| a == wanted) {
            return Err(DeskError::NotAllowedByOrganization {
                setting,
                value: wanted.to_string(),
                file: file(),
            }
            .into());
        }
    }
    Ok(())
}
