//! The OS keychain as a [`TokenStore`], through `keyring_core` (Secret Service on Linux,
//! Keychain on macOS, Credential Manager on Windows). Entries: service `ringdesk`,
//! user `PROFILE/tokens`, `PROFILE/jwt`, `PROFILE/pending-sign-in`.

use super::store::{Slot, TokenStore};
use super::KeychainError;
use crate::secret::Secret;

/// The keychain service name of every ringdesk entry.
pub const SERVICE: &str = "ringdesk";

/// The platform keychain.
#[derive(Debug)]
pub struct KeyringStore {
    _private: (),
}

impl KeyringStore {
    /// Installs the platform's credential store (once per process) and checks that it is there.
    pub fn platform() -> Result<Self, KeychainError> {
        match keyring::Entry::store_status() {
            Ok(()) => Ok(Self { _private: () }),
            Err(e) => Err(KeychainError::Unavailable {
                message: e.to_string(),
            }),
        }
    }

    /// Uses whatever default store is installed (tests install `keyring_core::mock::Store`).
    pub fn installed() -> Self {
        Self { _private: () }
    }

    fn entry(&self, profile: &str, slot: Slot) -> Result<keyring_core::Entry, KeychainError> {
        keyring_core::Entry::new(SERVICE, &slot.entry(profile)).map_err(map_error)
    }
}

impl TokenStore for KeyringStore {
    fn read(&self, profile: &str, slot: Slot) -> Result<Option<Secret>, KeychainError> {
        match self.entry(profile, slot)?.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(e)),
        }
    }

    fn write(&self, profile: &str, slot: Slot, value: &Secret) -> Result<(), KeychainError> {
        self.entry(profile, slot)?
            .set_password(value.expose())
            .map_err(map_error)
    }

    fn delete(&self, profile: &str, slot: Slot) -> Result<(), KeychainError> {
        match self.entry(profile, slot)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_error(e)),
        }
    }
}

fn map_error(error: keyring_core::Error) -> KeychainError {
    use keyring_core::Error as E;
    let message = error.to_string();
    match error {
        E::NoStorageAccess(_) => KeychainError::Locked { message },
        E::BadEncoding(_) | E::BadDataFormat(..) | E::BadStoreFormat(_) => KeychainError::Corrupt {
            entry: SERVICE.into(),
            message,
        },
        _ => KeychainError::Unavailable { message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_installed_store() {
        keyring_core::set_default_store(keyring_core::mock::Store::new().expect("mock store"));
        let store = KeyringStore::installed();
        let secret = Secret::new("refresh-me");
        store.write("work", Slot::Tokens, &secret).expect("write");
        assert_eq!(
            store.read("work", Slot::Tokens).expect("read"),
            Some(secret)
        );
        assert_eq!(
            store.read("other", Slot::Tokens).expect("read"),
            None,
            "profiles never see each other's tokens"
        );
        store.delete("work", Slot::Tokens).expect("delete");
        store
            .delete("work", Slot::Tokens)
            .expect("deleting twice is fine");
        assert_eq!(store.read("work", Slot::Tokens).expect("read"), None);
    }
}
