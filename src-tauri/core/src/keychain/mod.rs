//! Secrets at rest: the [`TokenStore`] that keeps a profile's tokens, JWT credential and pending
//! sign-in in the OS keychain ([`KeyringStore`]: Secret Service on Linux, Keychain on macOS,
//! Credential Manager on Windows) or in memory ([`MemoryStore`]: demo mode and tests). Keychain
//! calls may block, so async code goes through the functions of [`store`], which run them off
//! the async threads with a time limit.

mod error;
mod keyring;
pub mod store;

pub use error::KeychainError;
pub use keyring::{KeyringStore, SERVICE};
pub use store::{MemoryStore, Slot, TokenStore};
