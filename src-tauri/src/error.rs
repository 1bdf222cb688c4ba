//! The one error type the window and the command line see: a stable code, a sentence and what
//! to do next.

use ringdesk_core::app::{ConfigError, Error, Problem, Recovery};
use serde::Serialize;

/// The codes the UI and scripts branch on. Add one only when a consumer uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UiErrorCode {
    /// Not signed in (or the session ended): sign in again.
    AuthRequired,
    /// RingCentral's rate limit (or the breaker) asks for a pause.
    RateLimited,
    /// RingCentral cannot be reached.
    Offline,
    /// The input or the configuration is wrong; the hint says how to fix it.
    Validation,
    /// The system keychain is locked or missing.
    KeychainUnavailable,
    /// The thing asked for does not exist.
    NotFound,
    /// Anything else; the hint says what to try.
    Internal,
}

impl UiErrorCode {
    /// The code for a core recovery.
    pub fn for_recovery(recovery: &Recovery) -> Self {
        match recovery {
            Recovery::SignInAgain => Self::AuthRequired,
            Recovery::Wait { .. } => Self::RateLimited,
            Recovery::Offline => Self::Offline,
            Recovery::PickSmsNumber
            | Recovery::CheckNumber
            | Recovery::FixInput
            | Recovery::FixConfig => Self::Validation,
            Recovery::UnlockKeychain => Self::KeychainUnavailable,
            Recovery::NotFound => Self::NotFound,
            _ => Self::Internal,
        }
    }
}

/// An error as the UI receives it: `{ code, message, hint }`.
#[derive(Debug, Clone, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct UiError {
    /// Stable, machine-readable.
    pub code: UiErrorCode,
    /// One plain sentence about what went wrong.
    pub message: String,
    /// What the agent can do next.
    pub hint: String,
}

impl UiError {
    /// The system browser could not be opened for a sign-in.
    pub fn browser(error: &dyn std::fmt::Display, url: &str) -> Self {
        tracing::warn!(error = %error, "could not open the browser");
        Self {
            code: UiErrorCode::Internal,
            message: "ringdesk could not open your web browser.".into(),
            hint: format!("Open this address in your browser to sign in: {url}"),
        }
    }
}

impl From<Problem> for UiError {
    fn from(problem: Problem) -> Self {
        Self {
            code: UiErrorCode::for_recovery(&problem.recovery),
            message: problem.message,
            hint: problem.hint,
        }
    }
}

impl From<Error> for UiError {
    fn from(error: Error) -> Self {
        Self::from(Problem::of(&error))
    }
}

impl From<ConfigError> for UiError {
    fn from(error: ConfigError) -> Self {
        tracing::warn!(%error, "configuration error");
        Self::from(Error::from(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ringdesk_core::api::ApiError;
    use ringdesk_core::keychain::KeychainError;

    #[test]
    fn serializes_as_code_message_hint() {
        let error = UiError::from(ConfigError::BadProfileName("a b".into()));
        let json = serde_json::to_value(&error).expect("serializes");
        assert_eq!(
            json["code"], "validation",
            "a bad profile name is the user's to fix"
        );
        assert!(json["message"].as_str().is_some_and(|m| m.contains("a b")));
        assert!(
            json["hint"].as_str().is_some_and(|h| !h.is_empty()),
            "every error says what to do"
        );
        assert_eq!(
            json.as_object().map(|o| o.len()),
            Some(3),
            "exactly code, message, hint"
        );
    }

    #[test]
    fn core_recoveries_map_to_stable_codes() {
        let cases = [
            (
                Error::from(ApiError::SignedOut {
                    reason: "revoked".into(),
                }),
                UiErrorCode::AuthRequired,
            ),
            (
                ApiError::RateLimited {
                    group: ringdesk_core::api::Group::Heavy,
                    retry_after: std::time::Duration::from_secs(40),
                }
                .into(),
                UiErrorCode::RateLimited,
            ),
            (
                ApiError::Network {
                    operation: "readExtension",
                    message: "refused".into(),
                }
                .into(),
                UiErrorCode::Offline,
            ),
            (
                KeychainError::Locked {
                    message: "locked".into(),
                }
                .into(),
                UiErrorCode::KeychainUnavailable,
            ),
        ];
        for (error, code) in cases {
            let ui = UiError::from(error);
            assert_eq!(ui.code, code, "{}", ui.message);
            assert!(!ui.hint.is_empty(), "{} has a hint", ui.message);
        }
    }
}
