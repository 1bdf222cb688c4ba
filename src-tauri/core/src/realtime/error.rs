//! Why the real-time inbox could not connect, listen or catch up, with what the agent can do.

use std::time::Duration;

use crate::api::ApiError;
use crate::recovery::Recovery;
use crate::store::StoreError;
use crate::sync::SyncError;

/// A failure of the real-time inbox. Most are passing: the inbox retries by itself and reports
/// them through [`ConnectionState`](super::ConnectionState); only opening the local cache fails
/// [`InboxWatch::start`](super::InboxWatch::start).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RealtimeError {
    /// A REST request (the WebSocket token) failed.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The WebSocket could not be opened (`status` when the server answered the upgrade).
    #[error("the notification WebSocket could not open{}: {message}", status.map(|s| format!(" (HTTP {s})")).unwrap_or_default())]
    Handshake {
        /// HTTP status of a refused upgrade.
        status: Option<u16>,
        /// What went wrong.
        message: String,
    },
    /// RingCentral refused the subscription.
    #[error("RingCentral refused the SMS subscription: HTTP {status}{}: {message}", code.as_deref().map(|c| format!(" {c}")).unwrap_or_default())]
    Refused {
        /// HTTP status of the reply.
        status: u16,
        /// RingCentral's `errorCode` (`SUB-508` …).
        code: Option<String>,
        /// RingCentral's message.
        message: String,
    },
    /// The server sent an `Error` frame (`WSG-902` idle, `WSG-903` absolute timeout) and closes.
    #[error("RingCentral ended the notification WebSocket{}: {message}", code.as_deref().map(|c| format!(" ({c})")).unwrap_or_default())]
    Ended {
        /// `WSG-…`.
        code: Option<String>,
        /// RingCentral's message.
        message: String,
    },
    /// The server's WebSocket address is not one the token may go to.
    #[error("RingCentral gave the WebSocket address {address}; ringdesk sends its token only to wss://, or to ws:// on this machine")]
    UnsafeAddress {
        /// The address's origin (never its query, which would hold the token).
        address: String,
    },
    /// A frame could not be read.
    #[error("unreadable notification frame: {0}")]
    Protocol(String),
    /// Nothing came in time.
    #[error("no {what} within {} s", after.as_secs())]
    Timeout {
        /// What was awaited.
        what: &'static str,
        /// How long.
        after: Duration,
    },
    /// The connection broke.
    #[error("the notification WebSocket closed: {0}")]
    Closed(String),
    /// The local cache (boxed: SQLite's errors are large).
    #[error(transparent)]
    Store(Box<StoreError>),
    /// The catch-up sync.
    #[error(transparent)]
    Sync(Box<SyncError>),
}

impl From<StoreError> for RealtimeError {
    fn from(error: StoreError) -> Self {
        Self::Store(Box::new(error))
    }
}

impl From<SyncError> for RealtimeError {
    fn from(error: SyncError) -> Self {
        Self::Sync(Box::new(error))
    }
}

impl RealtimeError {
    /// What the agent can do about it.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::Api(e) => e.recovery(),
            Self::Handshake { status: None, .. } | Self::Closed(_) => Recovery::Offline,
            Self::Handshake {
                status: Some(401), ..
            }
            | Self::Refused { status: 401, .. } => Recovery::SignInAgain,
            Self::Refused { status: 403, .. } => Recovery::AskAdmin {
                permission: "ReadMessages".into(),
            },
            Self::Handshake { .. } | Self::Refused { .. } | Self::Ended { .. } => Recovery::Retry,
            Self::Timeout { .. } => Recovery::Retry,
            Self::Protocol(_) | Self::UnsafeAddress { .. } => Recovery::Report,
            Self::Store(e) => e.recovery(),
            Self::Sync(e) => e.recovery(),
        }
    }

    /// One sentence: what to do next.
    pub fn hint(&self) -> String {
        match self {
            Self::Api(e) => e.hint(),
            Self::Store(e) => e.hint().into(),
            Self::Sync(e) => e.hint(),
            Self::Handshake { .. }
            | Self::Closed(_)
            | Self::Ended { .. }
            | Self::Timeout { .. } => {
                "ringdesk reconnects by itself and checks for texts it missed.".into()
            }
            _ => self.recovery().hint(),
        }
    }

    /// The session is gone: retrying cannot help until the agent signs in again.
    pub fn is_signed_out(&self) -> bool {
        self.recovery() == Recovery::SignInAgain
    }
}
