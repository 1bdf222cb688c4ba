//! Errors of the sync engine and of the RingCentral port it uses.

use std::time::Duration;

use crate::store::StoreError;

/// Why a request to RingCentral did not give what the sync engine asked for, classified by what
/// the engine does next.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UpstreamError {
    /// The sync token is no longer usable (expired, reset, `MSG-333`, `CLG-10x`, more than 250
    /// changes): a full sync is needed.
    #[error("RingCentral requires a full sync ({code}): {message}")]
    FullSyncRequired {
        /// RingCentral's `errorCode`.
        code: String,
        /// RingCentral's message.
        message: String,
    },
    /// The request did not reach RingCentral or was turned away unprocessed (offline, rate
    /// limited, paused after failures): nothing happened, try again later.
    #[error("RingCentral is not reachable now: {reason}")]
    NotSent {
        /// What happened.
        reason: String,
        /// When to try again, if known.
        retry_after: Option<Duration>,
    },
    /// The request may or may not have taken effect (timeout or lost answer after sending).
    #[error("no answer from RingCentral; the request may or may not have taken effect: {reason}")]
    Ambiguous {
        /// What happened.
        reason: String,
    },
    /// RingCentral refused the request; repeating it will not help.
    #[error("RingCentral refused: HTTP {status}{}: {message}", code.as_deref().map(|c| format!(" {c}")).unwrap_or_default())]
    Refused {
        /// HTTP status.
        status: u16,
        /// RingCentral's `errorCode`.
        code: Option<String>,
        /// RingCentral's message.
        message: String,
    },
    /// There is no valid session.
    #[error("not signed in to RingCentral: {reason}")]
    SignedOut {
        /// What happened.
        reason: String,
    },
}

/// Why a sync (or an outbox flush) stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    /// RingCentral could not be used.
    #[error(transparent)]
    Upstream(#[from] UpstreamError),
    /// The local cache could not be written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The thread that writes fetched pages could not be started or stopped unexpectedly.
    #[error("the cache writer failed: {source}")]
    Writer {
        /// What happened.
        source: std::io::Error,
    },
    /// RingCentral kept demanding a full sync right after one.
    #[error("RingCentral demanded a full sync of the {feed} again right after one")]
    FullSyncLoop {
        /// The feed.
        feed: &'static str,
    },
}

impl SyncError {
    /// The way out, for the faces' error codes.
    pub fn recovery(&self) -> crate::Recovery {
        match self {
            Self::Upstream(UpstreamError::NotSent {
                retry_after: Some(wait),
                ..
            }) => crate::Recovery::wait(*wait),
            Self::Upstream(UpstreamError::NotSent { .. } | UpstreamError::Ambiguous { .. }) => {
                crate::Recovery::Offline
            }
            Self::Upstream(UpstreamError::SignedOut { .. }) => crate::Recovery::SignInAgain,
            Self::Upstream(UpstreamError::Refused {
                status,
                code,
                message,
            }) => crate::api::recovery_for(*status, code.as_deref(), message, None),
            Self::Upstream(_) | Self::FullSyncLoop { .. } => crate::Recovery::Retry,
            Self::Writer { .. } => crate::Recovery::Retry,
            Self::Store(error) => error.recovery(),
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> String {
        match self {
            Self::Upstream(UpstreamError::Refused { .. }) => match self.recovery() {
                crate::Recovery::Retry | crate::Recovery::Report => {
                    "Check the account's permissions (ReadCallLog, ReadMessages, ReadContacts)."
                        .into()
                }
                recovery => recovery.hint(),
            },
            Self::Upstream(UpstreamError::NotSent { .. } | UpstreamError::Ambiguous { .. }) => {
                "Check the network; the next sync resumes where this one stopped.".into()
            }
            Self::Upstream(UpstreamError::SignedOut { .. }) => {
                "Sign in again: ringdesk login.".into()
            }
            Self::Upstream(_) | Self::FullSyncLoop { .. } => {
                "Run the sync again later; the cache keeps what it has.".into()
            }
            Self::Writer { .. } => {
                "Try again; the next sync resumes where this one stopped.".into()
            }
            Self::Store(error) => error.hint().into(),
        }
    }
}
