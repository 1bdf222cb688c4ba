//! A session's tokens and when they expire.

use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::api::ServerDuration;
use crate::clock::{from_unix_seconds, unix_seconds};
use crate::secret::Secret;

/// The tokens of a signed-in session, as kept in the keychain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenSet {
    /// Bearer token for API calls (about an hour).
    pub access_token: Secret,
    /// Single-use refresh token (about a week), if the app issues them.
    pub refresh_token: Option<Secret>,
    /// When the access token expires (Unix seconds).
    pub access_expires_at: u64,
    /// When the refresh token expires (Unix seconds).
    pub refresh_expires_at: Option<u64>,
    /// When these tokens were obtained (Unix seconds).
    pub obtained_at: u64,
    /// The signed-in extension's id.
    pub owner_id: Option<String>,
    /// Granted scope.
    pub scope: Option<String>,
    /// The server the tokens belong to.
    pub server: String,
    /// The app (client id) the tokens belong to.
    pub client_id: String,
    /// Obtained with a JWT credential (so the JWT can be re-presented).
    pub via_jwt: bool,
}

impl TokenSet {
    /// When the access token expires.
    pub fn access_expiry(&self) -> SystemTime {
        from_unix_seconds(self.access_expires_at)
    }

    /// Whether the access token is good for at least `margin` more.
    pub fn fresh(&self, now: SystemTime, margin: Duration) -> bool {
        now + margin < self.access_expiry()
    }

    /// Whether the access token has not expired yet.
    pub fn usable(&self, now: SystemTime) -> bool {
        now < self.access_expiry()
    }

    /// The refresh token, unless it has expired.
    pub fn live_refresh_token(&self, now: SystemTime) -> Option<&Secret> {
        let alive = self
            .refresh_expires_at
            .is_none_or(|at| now < from_unix_seconds(at));
        self.refresh_token.as_ref().filter(|_| alive)
    }
}

/// RingCentral's `TokenInfo`.
#[derive(Debug, Clone, Deserialize)]
pub struct TokenResponse {
    /// Access token.
    pub access_token: Secret,
    /// Seconds until it expires.
    pub expires_in: u64,
    /// Refresh token.
    pub refresh_token: Option<Secret>,
    /// Seconds until the refresh token expires.
    pub refresh_token_expires_in: Option<u64>,
    /// Granted scope.
    pub scope: Option<String>,
    /// Extension id.
    pub owner_id: Option<String>,
}

impl TokenResponse {
    /// The token set for this answer, received at `now`; the lifetimes the server gave are
    /// bounded ([`ServerDuration::TokenLifetime`]).
    pub fn into_tokens(
        self,
        now: SystemTime,
        server: &str,
        client_id: &str,
        via_jwt: bool,
    ) -> TokenSet {
        let at = unix_seconds(now);
        let expiry = |seconds: u64| {
            at.saturating_add(ServerDuration::TokenLifetime.from_secs(seconds).as_secs())
        };
        TokenSet {
            access_token: self.access_token,
            refresh_token: self.refresh_token,
            access_expires_at: expiry(self.expires_in),
            refresh_expires_at: self.refresh_token_expires_in.map(expiry),
            obtained_at: at,
            owner_id: self.owner_id,
            scope: self.scope,
            server: server.to_string(),
            client_id: client_id.to_string(),
            via_jwt,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freshness_keeps_a_margin() {
        let now = from_unix_seconds(10_000);
        let response: TokenResponse = serde_json::from_str(
            r#"{"access_token":"a","token_type":"bearer","expires_in":3600,"refresh_token":"r","refresh_token_expires_in":604800}"#,
        )
        .expect("TokenInfo decodes");
        let tokens = response.into_tokens(now, "http://x", "id", false);
        let margin = Duration::from_secs(300);
        assert!(tokens.fresh(now + Duration::from_secs(3299), margin));
        assert!(
            !tokens.fresh(now + Duration::from_secs(3300), margin),
            "refresh five minutes before expiry, not on a 401"
        );
        assert!(
            tokens.usable(now + Duration::from_secs(3599)),
            "still valid until expiry"
        );
        assert!(tokens
            .live_refresh_token(now + Duration::from_secs(604_800))
            .is_none());
    }
}

#[cfg(test)]
mod absurd_lifetimes;
