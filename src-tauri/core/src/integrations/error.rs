//! Why a CRM connector could not do what was asked.

use crate::keychain::KeychainError;
use crate::store::StoreError;
use crate::Recovery;

/// A connector's failure (a refused or failed *delivery* is not an error: it is recorded on the
/// queued item and retried or shown).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IntegrationError {
    /// The connector is not configured for this profile.
    #[error("{connector} is not set up for this profile")]
    NotConfigured {
        /// `webhook` or `suitedash`.
        connector: &'static str,
    },
    /// Its secret is not in the keychain.
    #[error("the {connector} secret is not in the keychain")]
    NoSecret {
        /// `webhook` or `suitedash`.
        connector: &'static str,
    },
    /// A configured address is unusable.
    #[error("{setting} {url:?}: {reason}")]
    BadUrl {
        /// The setting (`integrations.webhook.url`).
        setting: &'static str,
        /// What was configured.
        url: String,
        /// Why it is refused.
        reason: &'static str,
    },
    /// A configured value is unusable.
    #[error("{setting}: {reason}")]
    BadSetting {
        /// The setting.
        setting: &'static str,
        /// Why.
        reason: String,
    },
    /// The service could not be reached.
    #[error("{connector} could not be reached: {message}")]
    Unreachable {
        /// `webhook` or `suitedash`.
        connector: &'static str,
        /// What the network said.
        message: String,
    },
    /// The service answered with an error.
    #[error("{connector} answered HTTP {status}: {message}")]
    Refused {
        /// `webhook` or `suitedash`.
        connector: &'static str,
        /// The HTTP status.
        status: u16,
        /// Its message, bounded.
        message: String,
    },
    /// The service's answer could not be understood.
    #[error("{connector} sent an answer ringdesk cannot read: {message}")]
    BadAnswer {
        /// `webhook` or `suitedash`.
        connector: &'static str,
        /// What was wrong.
        message: String,
    },
    /// Background pulls stop short of the month's last requests (kept for what the agent asks).
    #[error("SuiteDash's monthly quota is nearly spent ({used} of {quota} requests): background pulls wait for next month")]
    QuotaReserved {
        /// Requests counted this month.
        used: u32,
        /// The plan's monthly quota.
        quota: u32,
    },
    /// The month's quota is spent.
    #[error("SuiteDash's monthly quota is spent ({used} of {quota} requests)")]
    QuotaSpent {
        /// Requests counted this month.
        used: u32,
        /// The plan's monthly quota.
        quota: u32,
    },
    /// No queued event has that id.
    #[error("no queued event {0}")]
    UnknownEvent(String),
    /// The keychain failed.
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    /// The cache failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl IntegrationError {
    /// The way out.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::NotConfigured { .. }
            | Self::NoSecret { .. }
            | Self::BadUrl { .. }
            | Self::BadSetting { .. } => Recovery::FixConfig,
            Self::Unreachable { .. } => Recovery::Offline,
            Self::Refused { status, .. } if *status == 401 || *status == 403 => Recovery::FixConfig,
            Self::Refused { .. } => Recovery::Retry,
            Self::BadAnswer { .. } => Recovery::Report,
            Self::QuotaReserved { .. } | Self::QuotaSpent { .. } => Recovery::FixConfig,
            Self::UnknownEvent(_) => Recovery::NotFound,
            Self::Keychain(error) => error.recovery(),
            Self::Store(error) => error.recovery(),
        }
    }

    /// What the agent can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::NotConfigured { .. } => {
                "Set it up in Settings → Integrations, or under [profiles.NAME.integrations] in config.toml."
            }
            Self::NoSecret { connector: "webhook" } => {
                "Store the signing secret: ringdesk integrations webhook-secret (reads it from standard input)."
            }
            Self::NoSecret { .. } => {
                "Store the secret key: ringdesk integrations suitedash-key (reads it from standard input)."
            }
            Self::BadUrl { .. } => {
                "Use an https:// address (plain http:// only to this machine, for testing)."
            }
            Self::BadSetting { .. } => "Correct the setting named.",
            Self::Unreachable { .. } => "Check the network and the address; ringdesk keeps the events and retries.",
            Self::Refused { status: 401 | 403, .. } => {
                "Check the Public ID and the secret key (SuiteDash → Integrations → Secure API)."
            }
            Self::Refused { .. } => "Try again later; ringdesk keeps the events and retries.",
            Self::BadAnswer { .. } => "Report this: the service's answer was not what ringdesk expects.",
            Self::QuotaReserved { .. } => {
                "Pull now by hand if you must, or raise monthly_quota if your plan allows more."
            }
            Self::QuotaSpent { .. } => {
                "Wait for next month, or raise monthly_quota if your SuiteDash plan allows more."
            }
            Self::UnknownEvent(_) => "List the events with ringdesk integrations status.",
            Self::Keychain(error) => error.hint(),
            Self::Store(error) => error.hint(),
        }
    }
}
