//! Client errors sorted by what the sync engine does next.

use super::UpstreamError;
use crate::api::ApiError;

/// The short error kind logged when RingCentral sent no `errorCode`.
pub(super) fn kind(error: &ApiError) -> &'static str {
    match error {
        ApiError::Status { .. } => "status",
        ApiError::RateLimited { .. } => "rate_limited",
        ApiError::CircuitOpen { .. } => "circuit_open",
        ApiError::Timeout { .. } => "timeout",
        ApiError::Network { .. } => "network",
        ApiError::UnknownOutcome { .. } => "unknown_outcome",
        ApiError::TokenLost { .. } => "token_lost",
        ApiError::Malformed { .. } => "malformed",
        ApiError::SignedOut { .. } => "signed_out",
        _ => "error",
    }
}

/// What the sync engine does with a client error. `idempotent` requests that time out or lose
/// their answer changed nothing worth reconciling; an SMS send did, maybe.
pub(crate) fn classify(error: &ApiError, idempotent: bool) -> UpstreamError {
    let text = error.to_string();
    match error {
        ApiError::Status {
            status,
            code,
            message,
            parameter,
            ..
        } => {
            let code_text = code.clone().unwrap_or_default();
            let token_dead = code_text.starts_with("CLG-10")
                || code_text == "MSG-333"
                || parameter.as_deref() == Some("syncToken")
                || message.contains("max sync record number");
            match status {
                400 if token_dead => UpstreamError::FullSyncRequired {
                    code: code_text,
                    message: message.clone(),
                },
                401 => UpstreamError::SignedOut { reason: text },
                429 => UpstreamError::NotSent {
                    reason: text,
                    retry_after: None,
                },
                500..=599 if idempotent => UpstreamError::NotSent {
                    reason: text,
                    retry_after: None,
                },
                500..=599 => UpstreamError::Ambiguous { reason: text },
                _ => UpstreamError::Refused {
                    status: *status,
                    code: code.clone(),
                    message: message.clone(),
                },
            }
        }
        ApiError::RateLimited { retry_after, .. } => UpstreamError::NotSent {
            reason: text,
            retry_after: Some(*retry_after),
        },
        ApiError::CircuitOpen { retry_in } => UpstreamError::NotSent {
            reason: text,
            retry_after: Some(*retry_in),
        },
        // The session could not be renewed: the request itself never left.
        ApiError::Network { .. } | ApiError::TokenLost { .. } => UpstreamError::NotSent {
            reason: text,
            retry_after: None,
        },
        ApiError::Timeout { .. } | ApiError::UnknownOutcome { .. } | ApiError::Malformed { .. }
            if !idempotent =>
        {
            UpstreamError::Ambiguous { reason: text }
        }
        ApiError::Timeout { .. } | ApiError::UnknownOutcome { .. } => UpstreamError::NotSent {
            reason: text,
            retry_after: None,
        },
        ApiError::SignedOut { .. } | ApiError::Keychain(_) => {
            UpstreamError::SignedOut { reason: text }
        }
        _ => UpstreamError::Refused {
            status: error.status().unwrap_or(0),
            code: error.code().map(str::to_owned),
            message: text,
        },
    }
}

/// What an answer the client could not read (a 2xx whose body is not what the operation
/// promises) means. Repeating a read brings the same body, so its error stands; but a request
/// that is not safe to repeat — an SMS send — may have taken effect all the same: its outcome is
/// unknown, to be looked up, never a refusal that invites sending it again.
pub(super) fn unreadable(error: UpstreamError, idempotent: bool) -> UpstreamError {
    match error {
        UpstreamError::Refused { message, .. } if !idempotent => UpstreamError::Ambiguous {
            reason: format!("the answer could not be read ({message})"),
        },
        other => other,
    }
}
