//! Errors of the RingCentral client, with RingCentral's status, `errorCode` and message.

use std::time::Duration;

use super::endpoint::Group;
use crate::keychain::KeychainError;
use crate::recovery::{whole_seconds, Recovery};

/// Why a RingCentral request failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// RingCentral answered with an error status.
    #[error("{operation} failed: HTTP {status}{}: {message}", code.as_deref().map(|c| format!(" {c}")).unwrap_or_default())]
    Status {
        /// The API operation.
        operation: &'static str,
        /// HTTP status.
        status: u16,
        /// RingCentral's `errorCode` (`CMN-102`, `MSG-242`, `OAU-211` …).
        code: Option<String>,
        /// RingCentral's message.
        message: String,
        /// The parameter RingCentral named, if any.
        parameter: Option<String>,
        /// The OAuth `error` (`invalid_grant` …) of a token endpoint answer.
        oauth_error: Option<String>,
    },
    /// The rate limit of a group is exhausted and waiting is not worth it now.
    #[error("RingCentral's {} rate limit is reached; retry in {} s", group.name(), whole_seconds(*retry_after))]
    RateLimited {
        /// The group.
        group: Group,
        /// How long until a request may be sent.
        retry_after: Duration,
    },
    /// Too many consecutive failures: requests are paused so RingCentral is not hammered.
    #[error("RingCentral keeps failing; requests are paused for {} s", whole_seconds(*retry_in))]
    CircuitOpen {
        /// Until the next probe.
        retry_in: Duration,
    },
    /// No answer in time.
    #[error("{operation} got no answer within {} s", after.as_secs())]
    Timeout {
        /// The API operation.
        operation: &'static str,
        /// The timeout that elapsed.
        after: Duration,
    },
    /// RingCentral could not be reached.
    #[error("cannot reach RingCentral for {operation}: {message}")]
    Network {
        /// The API operation.
        operation: &'static str,
        /// What the network layer said.
        message: String,
    },
    /// A non-idempotent request was sent but its answer was lost.
    #[error("{operation} was sent but no answer came back; it may or may not have happened")]
    UnknownOutcome {
        /// The API operation.
        operation: &'static str,
    },
    /// A token request (a sign-in or a renewal) was sent and its answer was lost or could not be
    /// read: whether it produced new tokens is unknown, and nothing else was sent. Trying again
    /// is safe: the session reads the keychain first (another process may hold the new tokens),
    /// then asks again.
    #[error("{operation} got no answer ringdesk could read; the session was not renewed and nothing else was sent")]
    TokenLost {
        /// The token operation.
        operation: &'static str,
    },
    /// The answer was not what the API promises (unparsable JSON, missing fields).
    #[error("RingCentral's answer to {operation} could not be read: {message}")]
    Malformed {
        /// The API operation.
        operation: &'static str,
        /// The parser's explanation.
        message: String,
    },
    /// There is no valid session (never signed in, signed out, or revoked).
    #[error("not signed in to RingCentral: {reason}")]
    SignedOut {
        /// What happened.
        reason: String,
    },
    /// The keychain holding the session could not be used.
    #[error(transparent)]
    Keychain(#[from] KeychainError),
}

impl ApiError {
    /// RingCentral's `errorCode`, if the server sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Status { code, .. } => code.as_deref(),
            _ => None,
        }
    }

    /// The HTTP status, if the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// What the agent can do about it.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::Status {
                status,
                code,
                message,
                parameter,
                ..
            } => recovery_for(*status, code.as_deref(), message, parameter.as_deref()),
            Self::RateLimited { retry_after, .. } => Recovery::wait(*retry_after),
            Self::CircuitOpen { retry_in } => Recovery::wait(*retry_in),
            Self::Timeout { .. } => Recovery::Retry,
            Self::Network { .. } => Recovery::Offline,
            Self::UnknownOutcome { .. } => Recovery::Reconcile,
            Self::TokenLost { .. } => Recovery::Retry,
            Self::Malformed { .. } => Recovery::Report,
            Self::SignedOut { .. } => Recovery::SignInAgain,
            Self::Keychain(e) => e.recovery(),
        }
    }

    /// One sentence: what to do next.
    pub fn hint(&self) -> String {
        match self {
            Self::CircuitOpen { retry_in } => format!(
                "RingCentral failed several times in a row; ringdesk tries again in {} s.",
                whole_seconds(*retry_in)
            ),
            Self::Keychain(e) => e.hint().to_string(),
            _ => self.recovery().hint(),
        }
    }
}

/// Classifies a RingCentral error answer.
/// The way out of an HTTP error from RingCentral, by status and `errorCode` (also used for
/// refusals recorded by the outbox and the sync).
pub fn recovery_for(
    status: u16,
    code: Option<&str>,
    message: &str,
    parameter: Option<&str>,
) -> Recovery {
    let code = code.unwrap_or("");
    match (status, code) {
        (_, "MSG-242" | "MSG-304" | "MSG-245") => Recovery::PickSmsNumber,
        (_, "MSG-240" | "MSG-241" | "MSG-243") => Recovery::CheckNumber,
        (_, "MSG-338") => Recovery::FixInput,
        (_, "CMN-401" | "CMN-402" | "CMN-408" | "CMN-109" | "OAU-112") => Recovery::AskAdmin {
            permission: permission_in(message).unwrap_or_else(|| "required".into()),
        },
        (401, _) => Recovery::SignInAgain,
        (400, "OAU-211" | "OAU-213" | "OAU-140" | "OAU-106" | "OAU-108") => Recovery::SignInAgain,
        (400, _) if parameter.is_some_and(is_number_parameter) => Recovery::CheckNumber,
        (400 | 415 | 422, _) => Recovery::FixInput,
        (403, _) => Recovery::AskAdmin {
            permission: permission_in(message).unwrap_or_else(|| "required".into()),
        },
        (404, _) => Recovery::NotFound,
        (429, _) => Recovery::Wait { seconds: 30 },
        (500..=599, _) => Recovery::Retry,
        _ => Recovery::Report,
    }
}

fn is_number_parameter(name: &str) -> bool {
    ["to", "from", "callerId", "phoneNumber"]
        .iter()
        .any(|p| name.starts_with(p))
}

/// The `[Permission]` RingCentral names in a 403 message, if any.
fn permission_in(message: &str) -> Option<String> {
    let start = message.find('[')? + 1;
    let end = start + message[start..].find(']')?;
    Some(message[start..end].to_string()).filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16, code: &str, message: &str, parameter: Option<&str>) -> ApiError {
        ApiError::Status {
            operation: "test",
            status,
            code: Some(code.into()),
            message: message.into(),
            parameter: parameter.map(str::to_string),
            oauth_error: None,
        }
    }

    #[test]
    fn classification_follows_ringcentral_codes() {
        let cases = [
            (
                status(403, "MSG-242", "", Some("from")),
                Recovery::PickSmsNumber,
            ),
            (
                status(400, "CMN-101", "", Some("to.phoneNumber")),
                Recovery::CheckNumber,
            ),
            (
                status(400, "CMN-101", "", Some("perPage")),
                Recovery::FixInput,
            ),
            (
                status(401, "OAU-213", "Token not found", None),
                Recovery::SignInAgain,
            ),
            (
                status(
                    403,
                    "CMN-408",
                    "user needs to have [OutboundSMS] permission",
                    None,
                ),
                Recovery::AskAdmin {
                    permission: "OutboundSMS".into(),
                },
            ),
            (status(404, "CMN-102", "", None), Recovery::NotFound),
            (status(503, "CMN-211", "", None), Recovery::Retry),
        ];
        for (error, expected) in cases {
            assert_eq!(error.recovery(), expected, "{error}");
        }
        let unknown = ApiError::UnknownOutcome {
            operation: "createSMSMessage",
        };
        assert_eq!(
            unknown.recovery(),
            Recovery::Reconcile,
            "never blindly repeat a send"
        );
    }
}
