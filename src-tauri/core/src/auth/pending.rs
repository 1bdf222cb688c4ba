//! The browser sign-in across processes. [`begin_sign_in`] stores the pending sign-in (`state`,
//! PKCE verifier, when it started) in the keychain; whichever process receives the
//! `ringdesk://oauth/callback` redirect calls [`complete_sign_in`], which refuses a mismatched
//! `state` without touching the pending sign-in (any page can fire the callback), then takes it
//! (single use), refuses an expired one, exchanges the code and stores the tokens; the process
//! that started can [`wait_for_sign_in`].

use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::session::Session;
use super::tokens::TokenSet;
use super::AuthError;
use crate::clock::{from_unix_seconds, unix_seconds};
use crate::keychain::store::{self, Slot};
use crate::secret::Secret;

/// How long a started sign-in may wait for its redirect.
pub const SIGN_IN_TTL: Duration = Duration::from_secs(600);

/// What is remembered between the two halves of a browser sign-in.
#[derive(Debug, Serialize, Deserialize)]
struct PendingSignIn {
    state: Secret,
    verifier: Secret,
    created_at: u64,
    server: String,
    client_id: String,
}

/// A started browser sign-in.
#[derive(Debug, Clone, Serialize)]
pub struct SignInStart {
    /// Open this in the browser.
    pub authorize_url: String,
    /// When the sign-in stops waiting (Unix seconds).
    pub expires_at: u64,
}

/// Starts a browser sign-in (code + PKCE S256 + random `state`) and remembers it.
pub async fn begin_sign_in(session: &Session) -> Result<SignInStart, AuthError> {
    let app = session.app();
    let (authorize_url, state, verifier) = app.authorize_url()?;
    let now = session.transport().clock().now();
    let pending = PendingSignIn {
        state,
        verifier,
        created_at: unix_seconds(now),
        server: app.server.clone(),
        client_id: app.client_id.clone(),
    };
    store::write_json(
        session.store(),
        session.profile(),
        Slot::PendingSignIn,
        &pending,
    )
    .await?;
    Ok(SignInStart {
        authorize_url,
        expires_at: unix_seconds(now + SIGN_IN_TTL),
    })
}

/// Completes a browser sign-in with the redirect `callback_url`
/// (`ringdesk://oauth/callback?code=…&state=…`). Any process may call it.
pub async fn complete_sign_in(
    session: &Session,
    callback_url: &str,
) -> Result<TokenSet, AuthError> {
    let params = callback_params(callback_url)?;
    let pending: Option<PendingSignIn> =
        store::read_json(session.store(), session.profile(), Slot::PendingSignIn).await?;
    let pending = pending.ok_or(AuthError::NoPendingSignIn)?;
    if pending.server != session.app().server || pending.client_id != session.app().client_id {
        return Err(AuthError::NoPendingSignIn);
    }
    // Any page can fire the callback: only the one carrying our `state` may touch the sign-in.
    let state = params.get("state").map(String::as_str).unwrap_or_default();
    if !constant_time_eq(state.as_bytes(), pending.state.expose().as_bytes()) {
        return Err(AuthError::StateMismatch);
    }
    // Single use: whatever happens next, this pending sign-in is spent.
    store::remove(session.store(), session.profile(), Slot::PendingSignIn).await?;
    let now = session.transport().clock().now();
    if now > from_unix_seconds(pending.created_at) + SIGN_IN_TTL {
        return Err(AuthError::PendingExpired {
            minutes: SIGN_IN_TTL.as_secs() / 60,
        });
    }
    if let Some(error) = params.get("error") {
        let reason = params.get("error_description").unwrap_or(error);
        return Err(AuthError::Denied {
            reason: reason.clone(),
        });
    }
    let code = params.get("code").ok_or_else(|| AuthError::BadCallback {
        reason: "it has no code".into(),
    })?;
    let tokens = session
        .app()
        .exchange_code(session.transport(), code, &pending.verifier)
        .await?;
    Ok(session.install(tokens).await?)
}

/// Waits until another process completes the sign-in started at `started`: polls the keychain
/// for tokens obtained since then. Gives up when the pending sign-in disappears without tokens
/// or after `patience`.
pub async fn wait_for_sign_in(
    session: &Session,
    started: SystemTime,
    patience: Duration,
) -> Result<TokenSet, AuthError> {
    let clock = session.transport().clock();
    let deadline = clock.now() + patience;
    loop {
        if let Some(tokens) = session.reload().await? {
            if from_unix_seconds(tokens.obtained_at) + Duration::from_secs(1) >= started {
                return Ok(tokens);
            }
        }
        let pending: Option<PendingSignIn> =
            store::read_json(session.store(), session.profile(), Slot::PendingSignIn).await?;
        if pending.is_none() {
            return Err(AuthError::NotCompleted);
        }
        if clock.now() > deadline {
            return Err(AuthError::PendingExpired {
                minutes: patience.as_secs() / 60,
            });
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

fn callback_params(
    callback_url: &str,
) -> Result<std::collections::HashMap<String, String>, AuthError> {
    let url = url::Url::parse(callback_url.trim()).map_err(|e| AuthError::BadCallback {
        reason: e.to_string(),
    })?;
    Ok(url.query_pairs().into_owned().collect())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callback_parameters_are_read_and_compared_safely() {
        let params =
            callback_params("ringdesk://oauth/callback?code=abc&state=x%2By&expires_in=60")
                .expect("a deep link parses");
        assert_eq!(
            params.get("state").map(String::as_str),
            Some("x+y"),
            "percent-decoded"
        );
        assert!(
            callback_params("not a url").is_err(),
            "garbage is a clear error"
        );
        assert!(constant_time_eq(b"same", b"same"));
        assert!(!constant_time_eq(b"same", b"sam"), "length differs");
    }
}
