//! The one error type the window sees: a stable code, a sentence and what to do next.

use serde::Serialize;

/// The codes the UI branches on. Add one only when a consumer uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UiErrorCode {
    /// The input or the configuration is wrong; the hint says how to fix it.
    Validation,
    /// Anything else; the hint says what to try.
    Internal,
}

/// An error as the UI receives it: `{ code, message, hint }`.
#[derive(Debug, Clone, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct UiError {
    /// Stable, machine-readable.
    pub code: UiErrorCode,
    /// One plain sentence about what went wrong.
    pub message: String,
    /// What the agent can do next.
    pub hint: String,
}

impl From<ringdesk_core::config::ConfigError> for UiError {
    fn from(error: ringdesk_core::config::ConfigError) -> Self {
        use ringdesk_core::config::ConfigError;
        let code = match error {
            ConfigError::BadProfileName(_)
            | ConfigError::BadServer(_)
            | ConfigError::Invalid { .. } => UiErrorCode::Validation,
            _ => UiErrorCode::Internal,
        };
        tracing::warn!(%error, "configuration error");
        Self {
            code,
            message: error.to_string(),
            hint: error.hint().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ringdesk_core::config::ConfigError;

    #[test]
    fn serializes_as_code_message_hint() {
        let error = UiError::from(ConfigError::BadProfileName("a b".into()));
        let json = serde_json::to_value(&error).expect("serializes");
        assert_eq!(
            json["code"], "validation",
            "a bad profile name is the user's to fix"
        );
        assert!(json["message"].as_str().is_some_and(|m| m.contains("a b")));
        assert!(
            json["hint"].as_str().is_some_and(|h| !h.is_empty()),
            "every error says what to do"
        );
        assert_eq!(
            json.as_object().map(|o| o.len()),
            Some(3),
            "exactly code, message, hint"
        );
    }
}
