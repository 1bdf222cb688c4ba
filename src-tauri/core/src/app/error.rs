//! The crate's error: what the application layer answers with. It wraps each part's own error
//! (errors flow one way: nothing below the application layer knows this type).

use crate::api::ApiError;
use crate::auth::AuthError;
use crate::calls::CallError;
use crate::config::ConfigError;
use crate::demo::DemoError;
use crate::import_export::TransferError;
use crate::integrations::IntegrationError;
use crate::keychain::KeychainError;
use crate::link_handler::HandlerError;
use crate::phone::PhoneError;
use crate::realtime::RealtimeError;
use crate::recovery::Recovery;
use crate::sms::SmsError;
use crate::store::StoreError;
use crate::sync::SyncError;
use crate::team::TeamError;

use super::DeskError;

/// Any failure of a core operation, with its recovery.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Configuration.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A RingCentral request.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// Signing in or out.
    #[error(transparent)]
    Auth(#[from] AuthError),
    /// The keychain.
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    /// Placing or following a call.
    #[error(transparent)]
    Call(#[from] CallError),
    /// Sending a text.
    #[error(transparent)]
    Sms(#[from] SmsError),
    /// A phone number.
    #[error(transparent)]
    Phone(#[from] PhoneError),
    /// The local cache (boxed: SQLite's errors are large).
    #[error(transparent)]
    Store(Box<StoreError>),
    /// Syncing the local cache.
    #[error(transparent)]
    Sync(Box<SyncError>),
    /// CSV export or import.
    #[error(transparent)]
    Transfer(Box<TransferError>),
    /// The real-time inbox (boxed: it can carry a store error).
    #[error(transparent)]
    Realtime(Box<RealtimeError>),
    /// Team Messaging (boxed: it can carry a store error).
    #[error(transparent)]
    Team(Box<TeamError>),
    /// The built-in simulator of demo mode could not start.
    #[error(transparent)]
    Demo(#[from] DemoError),
    /// The desk refused a request in its current state.
    #[error(transparent)]
    Desk(#[from] DeskError),
    /// Registering ringdesk as the system's link handler.
    #[error(transparent)]
    Handler(#[from] HandlerError),
    /// A CRM connector (boxed: it can carry a store error).
    #[error(transparent)]
    Integration(Box<IntegrationError>),
    /// Live mode without a RingCentral app.
    #[error("no RingCentral app is configured for profile {profile:?}")]
    NotConfigured {
        /// The profile.
        profile: String,
    },
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Self {
        Self::Store(Box::new(error))
    }
}

impl From<SyncError> for Error {
    fn from(error: SyncError) -> Self {
        Self::Sync(Box::new(error))
    }
}

impl From<TransferError> for Error {
    fn from(error: TransferError) -> Self {
        Self::Transfer(Box::new(error))
    }
}

impl From<TeamError> for Error {
    fn from(error: TeamError) -> Self {
        Self::Team(Box::new(error))
    }
}

impl From<IntegrationError> for Error {
    fn from(error: IntegrationError) -> Self {
        Self::Integration(Box::new(error))
    }
}

impl From<RealtimeError> for Error {
    fn from(error: RealtimeError) -> Self {
        Self::Realtime(Box::new(error))
    }
}

impl Error {
    /// What the agent can do about it.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::Config(_) | Self::NotConfigured { .. } => Recovery::FixConfig,
            Self::Api(e) => e.recovery(),
            Self::Auth(e) => e.recovery(),
            Self::Keychain(e) => e.recovery(),
            Self::Call(e) => e.recovery(),
            Self::Sms(e) => e.recovery(),
            Self::Phone(_) => Recovery::CheckNumber,
            Self::Store(e) => e.recovery(),
            Self::Sync(e) => e.recovery(),
            Self::Transfer(e) => e.recovery(),
            Self::Realtime(e) => e.recovery(),
            Self::Team(e) => e.recovery(),
            Self::Demo(_) => Recovery::Report,
            Self::Desk(e) => e.recovery(),
            Self::Handler(e) => e.recovery(),
            Self::Integration(e) => e.recovery(),
        }
    }

    /// One sentence: what to do next.
    pub fn hint(&self) -> String {
        match self {
            Self::Config(e) => e.hint().into(),
            Self::Api(e) => e.hint(),
            Self::Auth(e) => e.hint(),
            Self::Keychain(e) => e.hint().into(),
            Self::Call(e) => e.hint(),
            Self::Sms(e) => e.hint(),
            Self::Phone(e) => e.hint().into(),
            Self::Store(e) => e.hint().into(),
            Self::Sync(e) => e.hint(),
            Self::Transfer(e) => e.hint().into(),
            Self::Realtime(e) => e.hint(),
            Self::Team(e) => e.hint(),
            Self::Desk(e) => e.hint().into(),
            Self::Handler(e) => e.hint().into(),
            Self::Integration(e) => e.hint().into(),
            Self::Demo(_) => {
                "Try `ringdesk --demo` again; if it keeps failing, report it with the log.".into()
            }
            Self::NotConfigured { .. } => {
                "Set RINGCENTRAL_CLIENT_ID (and RINGCENTRAL_CLIENT_SECRET), or use --demo.".into()
            }
        }
    }
}
