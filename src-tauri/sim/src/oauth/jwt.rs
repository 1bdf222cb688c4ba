//! JWT credentials for the `jwt-bearer` grant: HS256 tokens the simulator signs and verifies.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The claims of a simulator JWT.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Issuer: `ringcentral-sim`.
    pub iss: String,
    /// Subject: the extension id.
    pub sub: String,
    /// Audience: the token endpoint.
    pub aud: String,
    /// The app it was created for.
    pub client_id: String,
    /// Issued at (Unix seconds).
    pub iat: i64,
    /// Expiry (Unix seconds); absent = never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    /// Unique id.
    pub jti: String,
}

/// Why an assertion was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JwtFailure {
    /// Not a JWT, or not signed by this simulator.
    Invalid,
    /// Past its `exp`.
    Expired,
}

/// Signs and verifies JWTs with a key derived from the seed.
#[derive(Clone, Debug)]
pub struct JwtKey([u8; 32]);

impl JwtKey {
    /// The key for a seed.
    pub fn for_seed(seed: u64) -> Self {
        let digest = Sha256::digest(format!("ringcentral-sim jwt key {seed}").as_bytes());
        Self(digest.into())
    }

    fn sign(&self, data: &[u8]) -> Vec<u8> {
        // HMAC accepts keys of any length, so this cannot fail.
        match Hmac::<Sha256>::new_from_slice(&self.0) {
            Ok(mut mac) => {
                mac.update(data);
                mac.finalize().into_bytes().to_vec()
            }
            Err(_) => Vec::new(),
        }
    }

    /// A signed JWT carrying `claims`.
    pub fn mint(&self, claims: &Claims) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap_or_default());
        let signing_input = format!("{header}.{payload}");
        let signature = URL_SAFE_NO_PAD.encode(self.sign(signing_input.as_bytes()));
        format!("{signing_input}.{signature}")
    }

    /// Verifies a JWT's signature and expiry and returns its claims.
    pub fn verify(&self, jwt: &str, now: DateTime<Utc>) -> Result<Claims, JwtFailure> {
        let mut parts = jwt.split('.');
        let (Some(header), Some(payload), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(JwtFailure::Invalid);
        };
        let given = URL_SAFE_NO_PAD
            .decode(signature)
            .map_err(|_| JwtFailure::Invalid)?;
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).map_err(|_| JwtFailure::Invalid)?;
        mac.update(format!("{header}.{payload}").as_bytes());
        mac.verify_slice(&given).map_err(|_| JwtFailure::Invalid)?;
        let bytes = URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|_| JwtFailure::Invalid)?;
        let claims: Claims = serde_json::from_slice(&bytes).map_err(|_| JwtFailure::Invalid)?;
        if claims.exp.is_some_and(|exp| exp <= now.timestamp()) {
            return Err(JwtFailure::Expired);
        }
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp: Option<i64>) -> Claims {
        Claims {
            iss: "ringcentral-sim".into(),
            sub: "42".into(),
            aud: "x".into(),
            client_id: "c".into(),
            iat: 0,
            exp,
            jti: "j".into(),
        }
    }

    #[test]
    fn minted_jwts_verify_and_tampering_fails() {
        let key = JwtKey::for_seed(1);
        let jwt = key.mint(&claims(None));
        assert_eq!(
            key.verify(&jwt, Utc::now()).map(|c| c.sub),
            Ok("42".to_owned()),
            "own JWT verifies"
        );
        assert_eq!(
            JwtKey::for_seed(2).verify(&jwt, Utc::now()).err(),
            Some(JwtFailure::Invalid),
            "another seed's key refuses it"
        );
        assert_eq!(
            key.verify("a.b", Utc::now()).err(),
            Some(JwtFailure::Invalid),
            "garbage is invalid"
        );
        let expired = key.mint(&claims(Some(10)));
        assert_eq!(
            key.verify(&expired, Utc::now()).err(),
            Some(JwtFailure::Expired),
            "exp is enforced"
        );
    }
}
