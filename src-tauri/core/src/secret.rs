//! Secrets (tokens, client secret, JWT, PKCE verifier) as a type that never prints itself.

use serde::{Deserialize, Serialize};

/// A secret string. `Debug` and `Display` print `[redacted]`; only [`Secret::expose`] reveals it.
///
/// It serialises transparently, because the keychain entry must hold the real value; nothing
/// else in ringdesk serialises secrets.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret value, for the one place that must send or store it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_its_value() {
        let secret = Secret::new("eyJhbGciOi.secret");
        let shown = format!("{secret} {secret:?} {:?}", Some(&secret));
        assert!(!shown.contains("eyJ"), "a secret leaked into text: {shown}");
        assert_eq!(secret.expose(), "eyJhbGciOi.secret", "expose gives it back");
    }
}
