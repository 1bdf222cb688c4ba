//! Setting up the CRM connectors: their addresses in the config file (per profile), their
//! secrets in the keychain — never in the file, the cache, a log or a view.

use std::sync::Arc;

use serde::Deserialize;

use crate::config::{IntegrationSettings, SuiteDashSettings, WebhookSettings, SUITEDASH_API_URL};
use crate::integrations::webhook::webhook_url;
use crate::integrations::{IntegrationError, SUITEDASH, WEBHOOK};
use crate::keychain::{store, KeyringStore, Slot, TokenStore};
use crate::secret::Secret;

use super::{Desk, Error};

/// The webhook as the Settings form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WebhookSetup {
    /// The receiver's address; empty turns the webhook off.
    pub url: String,
    /// A new signing secret; `None` keeps the stored one.
    pub secret: Option<Secret>,
}

/// SuiteDash as the Settings form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SuiteDashSetup {
    /// The account's Public ID; empty turns SuiteDash off.
    pub public_id: String,
    /// The API's address; empty: SuiteDash's own.
    pub api_url: String,
    /// The plan's monthly request quota; 0: keep (or the default).
    pub monthly_quota: u32,
    /// A new secret key; `None` keeps the stored one.
    pub secret_key: Option<Secret>,
}

/// The keychain slot of a connector's secret.
pub(super) fn secret_slot(connector: &str) -> Slot {
    match connector {
        SUITEDASH => Slot::SuiteDashKey,
        _ => Slot::WebhookSecret,
    }
}

impl Desk {
    /// Where the connectors' secrets are kept.
    pub(super) fn secrets(&self) -> Result<Arc<dyn TokenStore>, Error> {
        match &self.options.secrets {
            Some(secrets) => Ok(secrets.clone()),
            None => Ok(Arc::new(KeyringStore::platform()?)),
        }
    }

    /// The connectors set for this profile in the config file.
    pub(super) fn integration_settings(&self) -> IntegrationSettings {
        self.profile().settings.integrations
    }

    /// A connector's secret from the keychain.
    pub(super) async fn integration_secret(
        &self,
        connector: &'static str,
    ) -> Result<Secret, Error> {
        let secrets = self.secrets()?;
        store::read_secret(&secrets, &self.profile().name, secret_slot(connector))
            .await?
            .filter(|secret| !secret.expose().trim().is_empty())
            .ok_or_else(|| IntegrationError::NoSecret { connector }.into())
    }

    /// Whether a connector's secret is in the keychain (never what it is).
    pub(super) async fn has_integration_secret(&self, connector: &'static str) -> bool {
        self.integration_secret(connector).await.is_ok()
    }

    /// Stores a connector's secret (`webhook` or `suitedash`) in the keychain.
    pub async fn set_integration_secret(
        &self,
        connector: &str,
        secret: Secret,
    ) -> Result<(), Error> {
        let connector = match connector {
            WEBHOOK => WEBHOOK,
            SUITEDASH => SUITEDASH,
            other => {
                return Err(IntegrationError::BadSetting {
                    setting: "connector",
                    reason: format!("{other:?} is not a connector (webhook, suitedash)"),
                }
                .into())
            }
        };
        let secret = Secret::new(secret.expose().trim());
        if secret.expose().is_empty() {
            return Err(IntegrationError::NoSecret { connector }.into());
        }
        let secrets = self.secrets()?;
        store::write_secret(
            &secrets,
            &self.profile().name,
            secret_slot(connector),
            secret,
        )
        .await?;
        self.wake_integrations();
        Ok(())
    }

    /// Sets (or, with an empty address, removes) the webhook; a new secret goes to the keychain.
    pub async fn set_webhook(&self, setup: WebhookSetup) -> Result<(), Error> {
        let url = setup.url.trim().to_string();
        if !url.is_empty() {
            webhook_url(&url)?;
        }
        if let Some(secret) = setup.secret.filter(|s| !s.expose().trim().is_empty()) {
            self.set_integration_secret(WEBHOOK, secret).await?;
        }
        self.save_integrations(|settings| {
            settings.webhook = (!url.is_empty()).then_some(WebhookSettings { url });
        })
    }

    /// Sets (or, with an empty Public ID, removes) SuiteDash; a new secret key goes to the
    /// keychain.
    pub async fn set_suitedash(&self, setup: SuiteDashSetup) -> Result<(), Error> {
        let public_id = setup.public_id.trim().to_string();
        let api_url = match setup.api_url.trim() {
            "" => SUITEDASH_API_URL.to_string(),
            url => url.trim_end_matches('/').to_string(),
        };
        if !public_id.is_empty() {
            crate::integrations::webhook::checked_url(&api_url, "integrations.suitedash.api_url")?;
        }
        if let Some(secret) = setup.secret_key.filter(|s| !s.expose().trim().is_empty()) {
            self.set_integration_secret(SUITEDASH, secret).await?;
        }
        self.save_integrations(|settings| {
            settings.suitedash = (!public_id.is_empty()).then(|| {
                let kept = settings.suitedash.clone().unwrap_or_default();
                SuiteDashSettings {
                    api_url,
                    public_id,
                    monthly_quota: match setup.monthly_quota {
                        0 => kept.monthly_quota,
                        quota => quota,
                    },
                    ..kept
                }
            });
        })
    }

    fn save_integrations(
        &self,
        change: impl FnOnce(&mut IntegrationSettings),
    ) -> Result<(), Error> {
        let policy = self.policy()?;
        let mut file = self.config_file(&policy)?;
        let name = self.profile().name;
        let mut profile = file.profile(&name);
        change(&mut profile.integrations);
        file.profiles.insert(name, profile);
        file.save(&self.paths.config_file())?;
        self.apply(&file);
        self.wake_integrations();
        Ok(())
    }
}
