//! The webhook's signature: `X-Ringdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
//! `"<t>.<raw body>"` with the profile's signing secret — the scheme Stripe made familiar, so a
//! receiver can check it in a few lines (the README has them) and refuse replays by `t`.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::secret::Secret;

/// The header carrying the signature.
pub const SIGNATURE_HEADER: &str = "X-Ringdesk-Signature";
/// The header carrying the event id (the receiver's idempotency key).
pub const EVENT_ID_HEADER: &str = "X-Ringdesk-Event-Id";

fn mac(secret: &Secret, timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    // HMAC takes keys of any length; this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.expose().as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The header value for `body` sent at `timestamp` (Unix seconds).
pub fn sign(secret: &Secret, timestamp: i64, body: &[u8]) -> String {
    let digest = mac(secret, timestamp, body).finalize().into_bytes();
    format!("t={timestamp},v1={}", hex::encode(digest))
}

/// Whether `header` is a valid signature of `body` by `secret`, made within `tolerance_secs` of
/// `now` (Unix seconds). Compared in constant time; any `v1` in the header may match.
pub fn verify(secret: &Secret, header: &str, body: &[u8], now: i64, tolerance_secs: i64) -> bool {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => timestamp = value.parse::<i64>().ok(),
            Some(("v1", value)) => signatures.extend(hex::decode(value).ok()),
            _ => {}
        }
    }
    let Some(timestamp) = timestamp else {
        return false;
    };
    if (now - timestamp).abs() > tolerance_secs {
        return false;
    }
    signatures
        .iter()
        .any(|signature| mac(secret, timestamp, body).verify_slice(signature).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_the_timestamp_and_the_raw_body() {
        let secret = Secret::new("whsec_test");
        let body = br#"{"id":"evt_1","type":"sms.sent"}"#;
        let header = sign(&secret, 1_700_000_000, body);
        assert!(header.starts_with("t=1700000000,v1="), "{header}");
        assert_eq!(header.len(), "t=1700000000,v1=".len() + 64);
        assert!(verify(&secret, &header, body, 1_700_000_100, 300));
    }

    #[test]
    fn refuses_another_body_secret_or_time() {
        let secret = Secret::new("whsec_test");
        let body = b"{}";
        let header = sign(&secret, 1_700_000_000, body);
        assert!(
            !verify(&secret, &header, b"{ }", 1_700_000_000, 300),
            "body"
        );
        assert!(
            !verify(&Secret::new("other"), &header, body, 1_700_000_000, 300),
            "secret"
        );
        assert!(!verify(&secret, &header, body, 1_700_000_301, 300), "stale");
        assert!(!verify(&secret, "t=x,v1=zz", body, 0, 300), "garbage");
        assert!(!verify(&secret, "", body, 0, 300), "empty");
    }

    #[test]
    fn matches_an_independent_hmac() {
        // python3 -c "import hmac,hashlib; print(hmac.new(b'key', b'1.body', hashlib.sha256).hexdigest())"
        assert_eq!(
            sign(&Secret::new("key"), 1, b"body"),
            "t=1,v1=91b5374b153842ad05b2c4eab9349b8321b14703165bd3fb8b034dfb8be98ae5"
        );
    }
}
