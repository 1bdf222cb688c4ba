//! Short-lived single-use credentials: authorization codes (60 s) and WebSocket tokens.

use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// A PKCE challenge bound to an authorization code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Challenge {
    /// `code_challenge`.
    pub value: String,
    /// `code_challenge_method`: `plain` or `S256`.
    pub method: String,
}

/// An issued authorization code.
#[derive(Clone, Debug)]
pub struct AuthCode {
    /// The app it was issued to.
    pub client_id: String,
    /// The `redirect_uri` of the authorize request.
    pub redirect_uri: String,
    /// PKCE challenge, if the request had one.
    pub challenge: Option<Challenge>,
    /// Expiry.
    pub expires: DateTime<Utc>,
}

/// A `ws_access_token` and the session it stands for.
#[derive(Clone, Debug)]
pub struct WsToken {
    /// The OAuth session.
    pub session_id: String,
    /// Expiry.
    pub expires: DateTime<Utc>,
}

/// Why a code could not be redeemed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeFailure {
    /// Unknown or already used.
    Invalid,
    /// Past its 60 s.
    Expired,
}

/// Outstanding codes and WS tokens.
#[derive(Debug, Default)]
pub struct Codes {
    auth: HashMap<String, AuthCode>,
    ws: HashMap<String, WsToken>,
}

impl Codes {
    /// Stores a new authorization code.
    pub fn add_auth(&mut self, code: String, grant: AuthCode) {
        self.auth.insert(code, grant);
    }

    /// Redeems a code once: it is gone afterwards, whatever the outcome.
    pub fn take_auth(&mut self, code: &str, now: DateTime<Utc>) -> Result<AuthCode, CodeFailure> {
        let grant = self.auth.remove(code).ok_or(CodeFailure::Invalid)?;
        if grant.expires <= now {
            return Err(CodeFailure::Expired);
        }
        Ok(grant)
    }

    /// Stores a WebSocket token.
    pub fn add_ws(&mut self, token: String, grant: WsToken) {
        self.ws.insert(token, grant);
    }

    /// Redeems a WebSocket token once.
    pub fn take_ws(&mut self, token: &str, now: DateTime<Utc>) -> Result<WsToken, CodeFailure> {
        let grant = self.ws.remove(token).ok_or(CodeFailure::Invalid)?;
        if grant.expires <= now {
            return Err(CodeFailure::Expired);
        }
        Ok(grant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn codes_are_single_use_and_expire() {
        let now = Utc::now();
        let mut codes = Codes::default();
        let grant = AuthCode {
            client_id: "c".into(),
            redirect_uri: "r".into(),
            challenge: None,
            expires: now + Duration::seconds(60),
        };
        codes.add_auth("a".into(), grant.clone());
        assert!(codes.take_auth("a", now).is_ok(), "first use works");
        assert_eq!(
            codes.take_auth("a", now).err(),
            Some(CodeFailure::Invalid),
            "second use fails"
        );
        codes.add_auth("b".into(), grant);
        assert_eq!(
            codes.take_auth("b", now + Duration::seconds(61)).err(),
            Some(CodeFailure::Expired),
            "expired after 60 s"
        );
    }
}
