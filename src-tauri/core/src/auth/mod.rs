//! Signing in and keeping signed in: OAuth authorization code + PKCE (completed by any process),
//! the JWT bearer grant, refresh before expiry with a single flight, JWT re-login, and revoke on
//! sign-out. The [`Session`] is what the API client asks for a bearer token
//! ([`crate::api::Credentials`]); its secrets live in a [`crate::keychain::TokenStore`].

mod error;
mod oauth;
mod pending;
mod remembered_jwt;
mod session;
mod tokens;

pub use error::AuthError;
pub use oauth::{OAuthApp, GET_TOKEN, REDIRECT_URI, REVOKE_TOKEN};
pub use pending::{begin_sign_in, complete_sign_in, wait_for_sign_in, SignInStart, SIGN_IN_TTL};
pub use session::Session;
pub use tokens::{TokenResponse, TokenSet};
