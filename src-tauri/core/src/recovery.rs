//! What the agent can do about a failure: one classification for every error in ringdesk.

use std::time::Duration;

use serde::Serialize;

/// The way out of a failure. Every core error maps to exactly one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Recovery {
    /// The session is gone: sign in again.
    SignInAgain,
    /// RingCentral asked for a pause, or ringdesk is protecting the budget: wait, then retry.
    Wait {
        /// How long to wait, in seconds.
        seconds: u64,
    },
    /// The sender number cannot send SMS: pick one that can.
    PickSmsNumber,
    /// The phone number is wrong, blocked or not reachable: check it.
    CheckNumber,
    /// A permission is missing on the account: ask the RingCentral admin.
    AskAdmin {
        /// The permission, as RingCentral names it.
        permission: String,
    },
    /// A passing problem on RingCentral's side: try again.
    Retry,
    /// RingCentral could not be reached: check the network.
    Offline,
    /// A call or text may or may not have gone out: check before repeating it.
    Reconcile,
    /// The input is not acceptable: change it.
    FixInput,
    /// The configuration is incomplete or wrong.
    FixConfig,
    /// The system keychain is locked or missing.
    UnlockKeychain,
    /// The thing asked for does not exist (any more).
    NotFound,
    /// A fault in ringdesk or an unexpected answer: report it.
    Report,
}

impl Recovery {
    /// Wait for `wait`, told in [`whole_seconds`].
    pub fn wait(wait: Duration) -> Self {
        Self::Wait {
            seconds: whole_seconds(wait),
        }
    }

    /// A generic sentence for this recovery; errors refine it with their own hint.
    pub fn hint(&self) -> String {
        match self {
            Self::SignInAgain => "Sign in again with `ringdesk login`.".into(),
            Self::Wait { seconds } => format!(
                "RingCentral's rate limit is reached; wait {seconds} s and try again."
            ),
            Self::PickSmsNumber => {
                "Send from one of your numbers that can text (SmsSender), or leave --from out to let ringdesk pick one.".into()
            }
            Self::CheckNumber => "Check the phone number and try again.".into(),
            Self::AskAdmin { permission } => format!(
                "Ask your RingCentral admin to grant the {permission} permission."
            ),
            Self::Retry => "RingCentral had a passing problem; try again in a moment.".into(),
            Self::Offline => "Check your network connection; ringdesk retries when it is back.".into(),
            Self::Reconcile => {
                "It may have gone through: check the call log or messages before trying again.".into()
            }
            Self::FixInput => "Correct the input and try again.".into(),
            Self::FixConfig => "Check the profile's configuration (`ringdesk status`).".into(),
            Self::UnlockKeychain => {
                "Unlock your system keychain (or start its service) and try again.".into()
            }
            Self::NotFound => "It no longer exists on RingCentral; refresh and try again.".into(),
            Self::Report => "This looks like a ringdesk problem; please report it with the log.".into(),
        }
    }
}

/// `wait` in whole seconds, rounded up and at least one: a wait told to the agent (or shown in
/// `status`) is never shorter than the real one — 29.9 s left is "30 s", not "29 s", after which
/// the request would still be held back.
pub fn whole_seconds(wait: Duration) -> u64 {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    seconds.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_are_told_in_whole_seconds_rounded_up() {
        let cases = [
            (Duration::from_secs(30), 30),
            (Duration::from_millis(29_998), 30),
            (Duration::from_millis(30_001), 31),
            (Duration::from_millis(1), 1),
            (Duration::ZERO, 1),
        ];
        for (wait, told) in cases {
            assert_eq!(whole_seconds(wait), told, "{wait:?}");
        }
        assert_eq!(
            Recovery::wait(Duration::from_millis(3_599_999)),
            Recovery::Wait { seconds: 3600 }
        );
    }
}
