//! The JWT credential kept for unattended re-login (`login --jwt`), bound to the server and app
//! it was given for, like the tokens are: a profile later pointed at another server or app never
//! presents it there. An entry without that binding (written before it existed) is not used.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::oauth::OAuthApp;
use crate::keychain::store::{self, Slot, TokenStore};
use crate::keychain::KeychainError;
use crate::secret::Secret;

/// The keychain entry: the JWT and where it may be presented.
#[derive(Debug, Serialize, Deserialize)]
struct RememberedJwt {
    jwt: Secret,
    server: String,
    client_id: String,
}

/// Keeps `jwt` for `profile`, bound to `app`'s server and client id.
pub(super) async fn remember(
    keychain: &Arc<dyn TokenStore>,
    profile: &str,
    app: &OAuthApp,
    jwt: &Secret,
) -> Result<(), KeychainError> {
    let entry = RememberedJwt {
        jwt: jwt.clone(),
        server: app.server.clone(),
        client_id: app.client_id.clone(),
    };
    store::write_json(keychain, profile, Slot::Jwt, &entry).await
}

/// The JWT kept for `profile`, if it was given for `app`'s server and client id.
pub(super) async fn recall(
    keychain: &Arc<dyn TokenStore>,
    profile: &str,
    app: &OAuthApp,
) -> Result<Option<Secret>, KeychainError> {
    let Some(kept) = store::read_secret(keychain, profile, Slot::Jwt).await? else {
        return Ok(None);
    };
    match serde_json::from_str::<RememberedJwt>(kept.expose()) {
        Ok(entry) if entry.server == app.server && entry.client_id == app.client_id => {
            Ok(Some(entry.jwt))
        }
        Ok(_) => {
            tracing::info!(%profile, "the kept JWT belongs to another server or app: not used");
            Ok(None)
        }
        Err(_) => {
            tracing::warn!(%profile, "the kept JWT names no server: not used; sign in again");
            Ok(None)
        }
    }
}
