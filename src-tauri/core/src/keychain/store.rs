//! Where sessions live: the [`TokenStore`] trait, with the OS keychain in production
//! ([`KeyringStore`](super::KeyringStore)) and memory in demo mode and unit tests.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::KeychainError;
use crate::secret::Secret;

/// The secrets ringdesk keeps per profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The OAuth tokens of the session.
    Tokens,
    /// A JWT credential given with `login --jwt`, for unattended re-login.
    Jwt,
    /// A browser sign-in waiting for its redirect (state and PKCE verifier).
    PendingSignIn,
    /// The webhook connector's signing secret.
    WebhookSecret,
    /// SuiteDash's Secure API secret key.
    SuiteDashKey,
}

impl Slot {
    /// The entry name: `PROFILE/tokens`, `PROFILE/jwt`, `PROFILE/pending-sign-in`,
    /// `PROFILE/webhook-secret`, `PROFILE/suitedash-key`.
    pub fn entry(self, profile: &str) -> String {
        let name = match self {
            Slot::Tokens => "tokens",
            Slot::Jwt => "jwt",
            Slot::PendingSignIn => "pending-sign-in",
            Slot::WebhookSecret => "webhook-secret",
            Slot::SuiteDashKey => "suitedash-key",
        };
        format!("{profile}/{name}")
    }
}

/// A place for secrets. Calls may block (a keychain is a D-Bus or OS call); async code goes
/// through [`read_json`], [`write_json`] and [`remove`], which run them off the async threads.
pub trait TokenStore: Send + Sync + std::fmt::Debug {
    /// The secret in `slot` of `profile`, if any.
    fn read(&self, profile: &str, slot: Slot) -> Result<Option<Secret>, KeychainError>;
    /// Stores `value` in `slot` of `profile`.
    fn write(&self, profile: &str, slot: Slot, value: &Secret) -> Result<(), KeychainError>;
    /// Removes `slot` of `profile` (no error if absent).
    fn delete(&self, profile: &str, slot: Slot) -> Result<(), KeychainError>;
}

/// Secrets in memory only: demo mode and tests.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<String, Secret>>,
}

impl TokenStore for MemoryStore {
    fn read(&self, profile: &str, slot: Slot) -> Result<Option<Secret>, KeychainError> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        Ok(entries.get(&slot.entry(profile)).cloned())
    }

    fn write(&self, profile: &str, slot: Slot, value: &Secret) -> Result<(), KeychainError> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.insert(slot.entry(profile), value.clone());
        Ok(())
    }

    fn delete(&self, profile: &str, slot: Slot) -> Result<(), KeychainError> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.remove(&slot.entry(profile));
        Ok(())
    }
}

/// How long a keychain call may take before it counts as locked (a hidden unlock prompt).
const KEYCHAIN_PATIENCE: Duration = Duration::from_secs(15);

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, KeychainError> + Send + 'static,
) -> Result<T, KeychainError> {
    let task = tokio::task::spawn_blocking(work);
    match tokio::time::timeout(KEYCHAIN_PATIENCE, task).await {
        Ok(Ok(result)) => result,
        Ok(Err(join)) => Err(KeychainError::Unavailable {
            message: join.to_string(),
        }),
        Err(_) => Err(KeychainError::Locked {
            message: format!("no answer within {} s", KEYCHAIN_PATIENCE.as_secs()),
        }),
    }
}

/// Reads `slot` and decodes it as JSON.
pub async fn read_json<T: DeserializeOwned + Send + 'static>(
    store: &Arc<dyn TokenStore>,
    profile: &str,
    slot: Slot,
) -> Result<Option<T>, KeychainError> {
    let (store, profile_name) = (store.clone(), profile.to_string());
    let secret = blocking(move || store.read(&profile_name, slot)).await?;
    match secret {
        None => Ok(None),
        Some(secret) => serde_json::from_str(secret.expose())
            .map(Some)
            .map_err(|e| KeychainError::Corrupt {
                entry: slot.entry(profile),
                message: e.to_string(),
            }),
    }
}

/// Reads `slot` as a plain secret.
pub async fn read_secret(
    store: &Arc<dyn TokenStore>,
    profile: &str,
    slot: Slot,
) -> Result<Option<Secret>, KeychainError> {
    let (store, profile) = (store.clone(), profile.to_string());
    blocking(move || store.read(&profile, slot)).await
}

/// Writes `value` into `slot` as JSON.
pub async fn write_json<T: Serialize>(
    store: &Arc<dyn TokenStore>,
    profile: &str,
    slot: Slot,
    value: &T,
) -> Result<(), KeychainError> {
    let text = serde_json::to_string(value).map_err(|e| KeychainError::Corrupt {
        entry: slot.entry(profile),
        message: e.to_string(),
    })?;
    write_secret(store, profile, slot, Secret::new(text)).await
}

/// Writes a plain secret into `slot`.
pub async fn write_secret(
    store: &Arc<dyn TokenStore>,
    profile: &str,
    slot: Slot,
    value: Secret,
) -> Result<(), KeychainError> {
    let (store, profile) = (store.clone(), profile.to_string());
    blocking(move || store.write(&profile, slot, &value)).await
}

/// Removes `slot`.
pub async fn remove(
    store: &Arc<dyn TokenStore>,
    profile: &str,
    slot: Slot,
) -> Result<(), KeychainError> {
    let (store, profile) = (store.clone(), profile.to_string());
    blocking(move || store.delete(&profile, slot)).await
}
