//! Signing in and keeping signed in: OAuth authorization code + PKCE (completed by any process),
//! the JWT bearer grant, refresh before expiry with a single flight, JWT re-login, revoke on
//! sign-out, and the [`TokenStore`] that keeps tokens in the OS keychain (or in memory).

mod error;
mod keyring;
mod oauth;
mod pending;
mod session;
mod store;
mod tokens;

pub use error::{AuthError, KeychainError};
pub use keyring::{KeyringStore, SERVICE};
pub use oauth::{OAuthApp, GET_TOKEN, REDIRECT_URI, REVOKE_TOKEN};
pub use pending::{begin_sign_in, complete_sign_in, wait_for_sign_in, SignInStart, SIGN_IN_TTL};
pub use session::Session;
pub use store::{MemoryStore, Slot, TokenStore};
pub use tokens::{TokenResponse, TokenSet};
