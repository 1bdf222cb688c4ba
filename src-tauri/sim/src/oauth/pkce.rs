//! PKCE (RFC 7636): `plain` and `S256` code challenges.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Whether `verifier` answers `challenge` under `method`.
pub fn verifies(method: &str, challenge: &str, verifier: &str) -> bool {
    let valid_verifier = (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"-._~".contains(&c));
    if !valid_verifier {
        return false;
    }
    match method {
        "S256" => URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) == challenge,
        "plain" => verifier == challenge,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7636_example_and_plain() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert!(
            verifies("S256", challenge, verifier),
            "RFC 7636 appendix B example"
        );
        assert!(
            !verifies(
                "S256",
                challenge,
                "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXx"
            ),
            "wrong verifier"
        );
        assert!(
            verifies("plain", verifier, verifier),
            "plain compares directly"
        );
        assert!(
            !verifies("plain", "short", "short"),
            "verifiers shorter than 43 are invalid"
        );
    }
}
