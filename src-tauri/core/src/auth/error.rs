//! Errors of signing in.

use crate::api::ApiError;
use crate::keychain::KeychainError;
use crate::recovery::Recovery;

/// Why signing in (or out) failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// RingCentral refused or could not be reached.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The keychain could not hold the session.
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    /// A redirect arrived but no sign-in was started (or it was already completed).
    #[error("no sign-in is waiting to be completed")]
    NoPendingSignIn,
    /// The sign-in was started too long ago.
    #[error("the sign-in was started more than {minutes} minutes ago and has expired")]
    PendingExpired {
        /// The allowed age.
        minutes: u64,
    },
    /// The redirect's `state` does not match the sign-in that was started.
    #[error("the sign-in answer does not belong to the sign-in ringdesk started (state mismatch)")]
    StateMismatch,
    /// RingCentral (or the user) declined.
    #[error("RingCentral declined the sign-in: {reason}")]
    Denied {
        /// RingCentral's `error_description`.
        reason: String,
    },
    /// The redirect URL is not one ringdesk can read.
    #[error("the sign-in redirect cannot be read: {reason}")]
    BadCallback {
        /// What is wrong.
        reason: String,
    },
    /// JWT sign-in needs the app's client secret.
    #[error("RINGCENTRAL_CLIENT_SECRET is not set; JWT sign-in needs the app's client secret")]
    MissingSecret,
    /// The waiting sign-in ended without tokens.
    #[error("the sign-in was not completed")]
    NotCompleted,
}

impl AuthError {
    /// What the agent can do about it.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::Api(e) => match e.recovery() {
                Recovery::FixInput | Recovery::NotFound => Recovery::SignInAgain,
                other => other,
            },
            Self::Keychain(e) => e.recovery(),
            Self::BadCallback { .. } => Recovery::FixInput,
            Self::MissingSecret => Recovery::FixConfig,
            _ => Recovery::SignInAgain,
        }
    }

    /// One sentence: what to do next.
    pub fn hint(&self) -> String {
        match self {
            Self::Api(e) if e.recovery() == Recovery::SignInAgain => {
                "Check the JWT credential or sign in again with `ringdesk login`.".into()
            }
            Self::Api(e) => e.hint(),
            Self::Keychain(e) => e.hint().into(),
            Self::MissingSecret => {
                "Set RINGCENTRAL_CLIENT_SECRET to your RingCentral app's client secret.".into()
            }
            Self::BadCallback { .. } => {
                "Pass the whole ringdesk://oauth/callback?… address the browser opened.".into()
            }
            _ => "Start again with `ringdesk login`.".into(),
        }
    }
}
