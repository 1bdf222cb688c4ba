//! The CRM connectors a profile uses: `[profiles.NAME.integrations.webhook]` and
//! `[profiles.NAME.integrations.suitedash]`. Addresses and public ids only: the webhook's signing
//! secret and SuiteDash's secret key live in the keychain.

use serde::{Deserialize, Serialize};

/// SuiteDash's Secure API, as its help pages and every known integration name it.
pub const SUITEDASH_API_URL: &str = "https://app.suitedash.com/secure-api";

/// The requests a month SuiteDash's Start plan allows, assumed when none is set.
pub const SUITEDASH_DEFAULT_QUOTA: u32 = 400;

/// A profile's connectors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IntegrationSettings {
    /// The signed webhook, for any CRM.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook: Option<WebhookSettings>,
    /// SuiteDash in API mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suitedash: Option<SuiteDashSettings>,
}

impl IntegrationSettings {
    /// No connector configured.
    pub fn is_empty(&self) -> bool {
        self.webhook.is_none() && self.suitedash.is_none()
    }
}

/// Where events are posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookSettings {
    /// The receiver: `https://…` (plain `http://` only to this machine, for testing).
    pub url: String,
}

/// SuiteDash's Secure API in API mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SuiteDashSettings {
    /// The API's base URL ([`SUITEDASH_API_URL`] unless white-labelled or simulated).
    pub api_url: String,
    /// The account's Public ID (Integrations → Secure API); not a secret.
    pub public_id: String,
    /// Requests a month the account's plan allows (Free Trial 80, Start 400, Thrive 2 000,
    /// Pinnacle 20 000).
    pub monthly_quota: u32,
    /// Hours between background pulls of contacts and companies (0: only when asked).
    pub pull_every_hours: u32,
}

impl Default for SuiteDashSettings {
    fn default() -> Self {
        Self {
            api_url: SUITEDASH_API_URL.into(),
            public_id: String::new(),
            monthly_quota: SUITEDASH_DEFAULT_QUOTA,
            pull_every_hours: 24,
        }
    }
}
