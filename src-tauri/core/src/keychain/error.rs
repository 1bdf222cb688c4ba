//! Why the system keychain could not be used.

use crate::recovery::Recovery;

/// Why the system keychain could not be used.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum KeychainError {
    /// There is no keychain service (no Secret Service on the session bus, …).
    #[error("the system keychain is not available: {message}")]
    Unavailable {
        /// What the keychain layer said.
        message: String,
    },
    /// The keychain is locked or refused access (or did not answer in time).
    #[error("the system keychain is locked or refused access: {message}")]
    Locked {
        /// What the keychain layer said.
        message: String,
    },
    /// An entry exists but is not what ringdesk wrote.
    #[error("the keychain entry {entry} is damaged: {message}")]
    Corrupt {
        /// The entry.
        entry: String,
        /// Why it cannot be read.
        message: String,
    },
}

impl KeychainError {
    /// What the agent can do about it.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::Corrupt { .. } => Recovery::SignInAgain,
            _ => Recovery::UnlockKeychain,
        }
    }

    /// One sentence: what to do next.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::Unavailable { .. } => {
                "Start your desktop's keychain (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager) and try again."
            }
            Self::Locked { .. } => "Unlock your system keychain and try again.",
            Self::Corrupt { .. } => "Sign out with `ringdesk logout` and sign in again.",
        }
    }
}
