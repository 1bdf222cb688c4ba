//! A profile's session: the current tokens, refreshed before they expire by exactly one task
//! however many requests wait (single flight), the JWT re-presented when a JWT session's refresh
//! token dies, and sign-out that revokes and forgets.

use std::sync::{Arc, Mutex, MutexGuard};

use super::oauth::OAuthApp;
use super::remembered_jwt;
use super::tokens::TokenSet;
use super::AuthError;
use crate::api::{ApiError, Credentials, Transport};
use crate::keychain::store::{self, Slot, TokenStore};
use crate::keychain::KeychainError;
use crate::secret::Secret;

/// The signed-in (or signed-out) state of one profile.
#[derive(Debug)]
pub struct Session {
    profile: String,
    app: OAuthApp,
    transport: Arc<Transport>,
    store: Arc<dyn TokenStore>,
    jwt_from_env: Option<Secret>,
    current: Mutex<Option<TokenSet>>,
    renewing: tokio::sync::Mutex<()>,
}

impl Session {
    /// Opens `profile`'s session from `store`; tokens of another server or app are ignored.
    pub async fn open(
        profile: &str,
        app: OAuthApp,
        transport: Arc<Transport>,
        store: Arc<dyn TokenStore>,
        jwt_from_env: Option<Secret>,
    ) -> Result<Self, KeychainError> {
        let tokens: Option<TokenSet> = store::read_json(&store, profile, Slot::Tokens).await?;
        let tokens = tokens.filter(|t| t.server == app.server && t.client_id == app.client_id);
        Ok(Self {
            profile: profile.to_string(),
            app,
            transport,
            store,
            jwt_from_env,
            current: Mutex::new(tokens),
            renewing: tokio::sync::Mutex::new(()),
        })
    }

    fn current(&self) -> MutexGuard<'_, Option<TokenSet>> {
        self.current.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The profile name.
    pub fn profile(&self) -> &str {
        &self.profile
    }

    /// The app and server.
    pub fn app(&self) -> &OAuthApp {
        &self.app
    }

    /// The token store.
    pub fn store(&self) -> &Arc<dyn TokenStore> {
        &self.store
    }

    /// The transport the OAuth calls use.
    pub fn transport(&self) -> &Arc<Transport> {
        &self.transport
    }

    /// The current tokens, if signed in.
    pub fn tokens(&self) -> Option<TokenSet> {
        self.current().clone()
    }

    /// Whether a session exists or a JWT can create one.
    pub fn can_sign_in_unattended(&self) -> bool {
        self.jwt_from_env.is_some()
    }

    /// A valid access token, refreshing it first when it is within the margin of expiry.
    /// Concurrent callers share one refresh.
    pub async fn access_token(&self) -> Result<Secret, ApiError> {
        let margin = self.transport.options().refresh_margin;
        if let Some(tokens) = self.current().as_ref() {
            if tokens.fresh(self.transport.clock().now(), margin) {
                return Ok(tokens.access_token.clone());
            }
        }
        let _single_flight = self.renewing.lock().await;
        let now = self.transport.clock().now();
        let current = self.tokens();
        if let Some(tokens) = current.as_ref().filter(|t| t.fresh(now, margin)) {
            return Ok(tokens.access_token.clone());
        }
        match self.renew(current.as_ref()).await {
            Ok(tokens) => Ok(tokens.access_token),
            Err(error) => match current.filter(|t| t.usable(now)) {
                Some(tokens) if !matches!(error, ApiError::SignedOut { .. }) => {
                    tracing::warn!(%error, "refresh failed; the current token is still valid");
                    Ok(tokens.access_token)
                }
                _ => Err(error),
            },
        }
    }

    /// After a 401 with `failed`: renews the session unless another request already did.
    pub async fn recover(&self, failed: &Secret) -> Result<(), ApiError> {
        let _single_flight = self.renewing.lock().await;
        let current = self.tokens();
        if current.as_ref().is_some_and(|t| &t.access_token != failed) {
            return Ok(());
        }
        self.renew(current.as_ref()).await.map(|_| ())
    }

    /// New tokens: another process's newer ones from the store, else a refresh, else the JWT
    /// again, else signed out.
    async fn renew(&self, current: Option<&TokenSet>) -> Result<TokenSet, ApiError> {
        if let Some(newer) = self.newer_in_store(current).await? {
            return Ok(newer);
        }
        let now = self.transport.clock().now();
        let via_jwt = current.is_some_and(|t| t.via_jwt);
        let refresh = current.and_then(|t| t.live_refresh_token(now)).cloned();
        if let Some(refresh) = refresh {
            match self.app.refresh(&self.transport, &refresh, via_jwt).await {
                Ok(tokens) => {
                    tracing::info!(profile = %self.profile, "access token refreshed");
                    return self.install(tokens).await;
                }
                Err(error) if dead_grant(&error) => {
                    // Refresh tokens are single use: another process may have just used it.
                    if let Some(newer) = self.newer_in_store(current).await? {
                        return Ok(newer);
                    }
                    tracing::warn!(%error, "the refresh token is no longer valid");
                }
                Err(error) => return Err(error),
            }
        }
        if let Some(jwt) = self.jwt().await? {
            return match self.app.jwt_grant(&self.transport, &jwt).await {
                Ok(tokens) => self.install(tokens).await,
                Err(AuthError::Api(e)) if !dead_grant(&e) => Err(e),
                Err(e) => {
                    self.forget(format!("the JWT credential was refused: {e}"))
                        .await
                }
            };
        }
        let reason = if current.is_some() {
            "the session ended (expired, revoked or signed out elsewhere)"
        } else {
            "no session for this profile"
        };
        self.forget(reason.to_string()).await
    }

    /// Tokens in the store that another process (the window, another command) obtained since
    /// `current`, if they are still valid; they become the current ones.
    async fn newer_in_store(
        &self,
        current: Option<&TokenSet>,
    ) -> Result<Option<TokenSet>, ApiError> {
        let stored: Option<TokenSet> =
            store::read_json(&self.store, &self.profile, Slot::Tokens).await?;
        let now = self.transport.clock().now();
        let newer = stored.filter(|t| {
            t.server == self.app.server
                && t.client_id == self.app.client_id
                && t.usable(now)
                && current.is_none_or(|c| {
                    c.access_token != t.access_token && t.obtained_at >= c.obtained_at
                })
        });
        if let Some(tokens) = &newer {
            tracing::info!(profile = %self.profile, "using tokens renewed by another process");
            *self.current() = Some(tokens.clone());
        }
        Ok(newer)
    }

    /// The JWT to present: the environment's, else the one kept for this server and app.
    async fn jwt(&self) -> Result<Option<Secret>, ApiError> {
        if let Some(jwt) = &self.jwt_from_env {
            return Ok(Some(jwt.clone()));
        }
        Ok(remembered_jwt::recall(&self.store, &self.profile, &self.app).await?)
    }

    async fn forget(&self, reason: String) -> Result<TokenSet, ApiError> {
        *self.current() = None;
        store::remove(&self.store, &self.profile, Slot::Tokens).await?;
        Err(ApiError::SignedOut { reason })
    }

    /// Keeps `tokens` in the store and in memory.
    pub async fn install(&self, tokens: TokenSet) -> Result<TokenSet, ApiError> {
        store::write_json(&self.store, &self.profile, Slot::Tokens, &tokens).await?;
        *self.current() = Some(tokens.clone());
        Ok(tokens)
    }

    /// Signs in with a JWT credential; `remember` keeps the JWT in the keychain for unattended
    /// re-login.
    pub async fn sign_in_with_jwt(
        &self,
        jwt: &Secret,
        remember: bool,
    ) -> Result<TokenSet, AuthError> {
        let _single_flight = self.renewing.lock().await;
        let tokens = self.app.jwt_grant(&self.transport, jwt).await?;
        if remember {
            remembered_jwt::remember(&self.store, &self.profile, &self.app, jwt).await?;
        }
        Ok(self.install(tokens).await?)
    }

    /// Re-reads the tokens from the store (another process may have signed in).
    pub async fn reload(&self) -> Result<Option<TokenSet>, KeychainError> {
        let tokens: Option<TokenSet> =
            store::read_json(&self.store, &self.profile, Slot::Tokens).await?;
        let tokens =
            tokens.filter(|t| t.server == self.app.server && t.client_id == self.app.client_id);
        *self.current() = tokens.clone();
        Ok(tokens)
    }

    /// Revokes the session at RingCentral (errors ignored, as RingCentral advises) and removes
    /// tokens, stored JWT and any pending sign-in. Returns whether a session was revoked.
    pub async fn sign_out(&self) -> Result<bool, KeychainError> {
        let _single_flight = self.renewing.lock().await;
        let tokens = self.current().take();
        let mut revoked = false;
        if let Some(tokens) = &tokens {
            let token = tokens
                .refresh_token
                .clone()
                .unwrap_or_else(|| tokens.access_token.clone());
            match self.app.revoke(&self.transport, &token).await {
                Ok(()) => revoked = true,
                Err(error) => {
                    tracing::warn!(%error, "revoke failed; forgetting the session anyway")
                }
            }
        }
        for slot in [Slot::Tokens, Slot::Jwt, Slot::PendingSignIn] {
            store::remove(&self.store, &self.profile, slot).await?;
        }
        Ok(revoked)
    }
}

/// A refresh or JWT answer that means "this credential is dead" rather than "try later".
fn dead_grant(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::Status {
            status: 400 | 401 | 403,
            ..
        }
    )
}

impl Credentials for Session {
    fn access_token(&self) -> futures_util::future::BoxFuture<'_, Result<Secret, ApiError>> {
        Box::pin(Session::access_token(self))
    }

    fn recover<'a>(
        &'a self,
        failed: &'a Secret,
    ) -> futures_util::future::BoxFuture<'a, Result<(), ApiError>> {
        Box::pin(Session::recover(self, failed))
    }
}
