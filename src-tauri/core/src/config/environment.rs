//! A snapshot of the environment variables ringdesk reads, so resolution is testable.

use std::collections::BTreeMap;

/// The environment variables that configure ringdesk, captured once.
#[derive(Clone, Default)]
pub struct Environment {
    vars: BTreeMap<String, String>,
}

/// The variables ringdesk reads; nothing else is captured.
const KNOWN: [&str; 13] = [
    "RINGCENTRAL_SERVER_URL",
    "RINGCENTRAL_CLIENT_ID",
    "RINGCENTRAL_CLIENT_SECRET",
    "RINGCENTRAL_JWT",
    "RINGDESK_DATA_DIR",
    "RINGDESK_CONFIG_DIR",
    "RINGDESK_PROFILE",
    "RINGDESK_DEMO_TIMING",
    // The demo simulator's admin token (tests, benchmarks); random per run otherwise.
    "RINGDESK_DEMO_ADMIN_TOKEN",
    // The machine's policy file, instead of /etc/ringdesk/policy.toml (tests, other layouts).
    "RINGDESK_POLICY_FILE",
    // Where desktop entries go (the link handler).
    "HOME",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
];

impl Environment {
    /// Captures ringdesk's variables from the process environment.
    pub fn from_process() -> Self {
        let vars = KNOWN
            .iter()
            .filter_map(|name| std::env::var(name).ok().map(|v| (name.to_string(), v)))
            .collect();
        Self { vars }
    }

    /// Builds an environment from explicit pairs (tests, embedding).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let vars = pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Self { vars }
    }

    /// The value of `name`, if set and not blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }
}

impl std::fmt::Debug for Environment {
    /// Names only: values may be secrets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.vars.keys()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_values_count_as_unset() {
        let env = Environment::from_pairs([("RINGCENTRAL_CLIENT_ID", "  ")]);
        assert_eq!(
            env.get("RINGCENTRAL_CLIENT_ID"),
            None,
            "a blank id must not switch to live"
        );
    }

    #[test]
    fn debug_never_shows_values() {
        let env = Environment::from_pairs([("RINGCENTRAL_JWT", "eyJsecret")]);
        let shown = format!("{env:?}");
        assert!(
            !shown.contains("eyJsecret"),
            "Debug leaked a secret: {shown}"
        );
        assert!(shown.contains("RINGCENTRAL_JWT"));
    }
}
