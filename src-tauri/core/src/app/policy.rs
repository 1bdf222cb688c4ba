//! The machine's policy at work (`config::PolicyInForce`): a locked setting takes the policy's
//! value wherever it is read — Settings, the desktop's notifications and start at login, a
//! clicked link — and a change to it is refused, in the window and on the command line alike,
//! with the policy file named. The file is read each time it is needed, so an admin's change
//! applies without a restart; a file that cannot be read stops what needs it, naming its line.

use crate::config::{AppSettings, Lockable, PolicyInForce, ProfileSettings};

use super::{Desk, DeskError, Error, SettingsPatch};

impl Desk {
    /// The policy in force on this machine.
    pub fn policy(&self) -> Result<PolicyInForce, Error> {
        Ok(PolicyInForce::load(&self.env)?)
    }

    /// The link action in force: the profile's, unless the policy locks it.
    pub(crate) fn link_action_in_force(&self) -> Result<crate::config::LinkAction, Error> {
        let mut profile = self.profile().settings;
        enforce(&self.policy()?, &mut profile, &mut AppSettings::default());
        Ok(profile.link_action)
    }
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
    if policy.locks(Lockable::RingMeAt) {
        profile.ring_me_at = set.allowed_ring_me_at.first().cloned();
    }
    if policy.locks(Lockable::CallerId) {
        profile.caller_id = set.allowed_caller_ids.first().cloned();
    }
}

/// Refuses `patch` when it changes a setting `policy` locks, or picks a ring-me-at or caller-ID
/// number the policy does not allow.
pub(super) fn check_patch(policy: &PolicyInForce, patch: &SettingsPatch) -> Result<(), Error> {
    let file = || {
        policy
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    };
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
