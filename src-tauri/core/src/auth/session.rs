//! A profile's session: the current tokens, refreshed before they expire by exactly one task
//! however many requests wait (single flight), the JWT re-presented when a JWT session's refresh
//! token dies, and sign-out that revokes and forgets.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use super::oauth::OAuthApp;
use super::remembered_jwt;
use super::tokens::TokenSet;
use super::AuthError;
use crate::api::{ApiError, Credentials, Transport};
use crate::keychain::store::{self, Slot, TokenStore};
use crate::keychain::KeychainError;
use crate::secret::Secret;

/// Attempts at saving fresh tokens before the keychain's refusal is reported.
const SAVE_ATTEMPTS: u32 = 3;
/// The pause between two attempts.
const SAVE_PAUSE: Duration = Duration::from_millis(200);

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
                    return Ok(self.keep(tokens).await);
                }
                Err(error @ ApiError::TokenLost { .. }) => {
                    return self.after_lost_answer(current, error).await;
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
                Ok(tokens) => Ok(self.keep(tokens).await),
                Err(AuthError::Api(e @ ApiError::TokenLost { .. })) => {
                    self.after_lost_answer(current, e).await
                }
                Err(AuthError::Api(e)) if !dead_grant(&e) => Err(e),
                Err(e) => {
                    let reason = format!("the JWT credential was refused: {e}");
                    self.forget(current, reason).await
                }
            };
        }
        let reason = if current.is_some() {
            "the session ended (expired, revoked or signed out elsewhere)"
        } else {
            "no session for this profile"
        };
        self.forget(current, reason.to_string()).await
    }

    /// A token request was sent and its answer lost: the refresh token (or code) may be spent.
    /// Nothing is re-sent blindly: another process may hold the new tokens, so the store is read
    /// first; otherwise the loss is reported (and the next renewal starts from the store again).
    async fn after_lost_answer(
        &self,
        current: Option<&TokenSet>,
        error: ApiError,
    ) -> Result<TokenSet, ApiError> {
        match self.newer_in_store(current).await? {
            Some(newer) => Ok(newer),
            None => Err(error),
        }
    }

    /// Tokens in the store that another process (the window, another command) obtained since
    /// `current`, if they are still valid; they become the current ones.
    async fn newer_in_store(
        &self,
        current: Option<&TokenSet>,
    ) -> Result<Option<TokenSet>, ApiError> {
        let stored = self.stored().await?;
        Ok(self.adopt_if_newer(stored, current))
    }

    /// The tokens in the store, whoever saved them.
    async fn stored(&self) -> Result<Option<TokenSet>, KeychainError> {
        store::read_json(&self.store, &self.profile, Slot::Tokens).await
    }

    /// `stored`, made current, if they are this server's and app's, still valid, and newer than
    /// `current`.
    fn adopt_if_newer(
        &self,
        stored: Option<TokenSet>,
        current: Option<&TokenSet>,
    ) -> Option<TokenSet> {
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
        newer
    }

    /// The JWT to present: the environment's, else the one kept for this server and app.
    async fn jwt(&self) -> Result<Option<Secret>, ApiError> {
        if let Some(jwt) = &self.jwt_from_env {
            return Ok(Some(jwt.clone()));
        }
        Ok(remembered_jwt::recall(&self.store, &self.profile, &self.app).await?)
    }

    /// Gives up `dead`, the session this process found dead. The store is read once more: tokens
    /// another process has just saved are adopted when good and never deleted; only `dead`
    /// itself is removed.
    async fn forget(&self, dead: Option<&TokenSet>, reason: String) -> Result<TokenSet, ApiError> {
        *self.current() = None;
        let stored = self.stored().await?;
        if let Some(newer) = self.adopt_if_newer(stored.clone(), dead) {
            return Ok(newer);
        }
        if dead.is_some() && stored.as_ref() == dead {
            store::remove(&self.store, &self.profile, Slot::Tokens).await?;
        }
        Err(ApiError::SignedOut { reason })
    }

    /// Keeps `tokens`: in memory at once (the refresh token or code they came for is spent), then
    /// in the store, retried a few times. A store that keeps refusing is reported; this process
    /// keeps the session either way.
    pub async fn install(&self, tokens: TokenSet) -> Result<TokenSet, KeychainError> {
        *self.current() = Some(tokens.clone());
        let mut attempt = 1;
        loop {
            match store::write_json(&self.store, &self.profile, Slot::Tokens, &tokens).await {
                Ok(()) => return Ok(tokens),
                Err(error) if attempt < SAVE_ATTEMPTS => {
                    tracing::warn!(%error, attempt, "the keychain did not save the tokens; retrying");
                    attempt += 1;
                    tokio::time::sleep(SAVE_PAUSE).await;
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// [`Session::install`] for renewed tokens: a keychain that refuses them is logged, and the
    /// renewal still counts for this process.
    async fn keep(&self, tokens: TokenSet) -> TokenSet {
        if let Err(error) = self.install(tokens.clone()).await {
            tracing::warn!(
                %error,
                profile = %self.profile,
                "the renewed tokens are kept for this process only: the keychain refused them"
            );
        }
        tokens
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
        // The tokens first: a keychain that refuses them still leaves this process signed in.
        let tokens = self.install(tokens).await?;
        if remember {
            remembered_jwt::remember(&self.store, &self.profile, &self.app, jwt).await?;
        }
        Ok(tokens)
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
