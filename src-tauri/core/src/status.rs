//! The status report: who is signed in, token expiry, rate-limit budgets, breaker, server and
//! profile. Field names are stable (`ringdesk status --json`).

use serde::Serialize;

use crate::api::extension::read_extension;
use crate::api::{BreakerState, BudgetView};
use crate::config::Mode;
use crate::connection::Connection;
use crate::recovery::Recovery;

/// The signed-in user.
#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    /// Display name.
    pub name: Option<String>,
    /// Extension id.
    pub extension_id: u64,
    /// Extension number.
    pub extension_number: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Home country (ISO).
    pub country: Option<String>,
}

/// The session's tokens, without their values.
#[derive(Debug, Clone, Serialize)]
pub struct TokenView {
    /// Access token expiry (Unix seconds).
    pub access_expires_at: u64,
    /// Refresh token expiry (Unix seconds), if any.
    pub refresh_expires_at: Option<u64>,
    /// Signed in with a JWT credential.
    pub via_jwt: bool,
}

/// Why the status could not reach RingCentral.
#[derive(Debug, Clone, Serialize)]
pub struct ProblemView {
    /// What went wrong.
    pub message: String,
    /// What to do.
    pub hint: String,
    /// The recovery.
    pub recovery: Recovery,
}

/// Everything `ringdesk status` shows.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    /// Profile name.
    pub profile: String,
    /// `demo` or `live`.
    pub mode: Mode,
    /// Server base URL.
    pub server: String,
    /// Whether a working session exists.
    pub signed_in: bool,
    /// The user, when signed in.
    pub user: Option<UserView>,
    /// Token expiry, when signed in.
    pub token: Option<TokenView>,
    /// Per-group rate-limit budgets.
    pub budgets: Vec<BudgetView>,
    /// The circuit breaker.
    pub breaker: BreakerState,
    /// Why RingCentral could not be asked, if so.
    pub problem: Option<ProblemView>,
}

/// Builds the report; asks RingCentral who is signed in (one Light request).
pub async fn status(connection: &Connection) -> StatusReport {
    let client = connection.client();
    let (user, problem) = match read_extension(client).await {
        Ok(extension) => {
            let contact = extension.contact.clone().unwrap_or_default();
            let user = UserView {
                name: extension.name.clone(),
                extension_id: extension.id,
                extension_number: extension.extension_number.clone(),
                email: contact.email,
                country: extension.home_country().map(str::to_string),
            };
            (Some(user), None)
        }
        Err(error) => {
            let problem = ProblemView {
                message: error.to_string(),
                hint: error.hint(),
                recovery: error.recovery(),
            };
            (None, Some(problem))
        }
    };
    let token = connection.session().tokens().map(|t| TokenView {
        access_expires_at: t.access_expires_at,
        refresh_expires_at: t.refresh_expires_at,
        via_jwt: t.via_jwt,
    });
    StatusReport {
        profile: connection.profile().name.clone(),
        mode: connection.profile().mode,
        server: client.transport().base_url().to_string(),
        signed_in: user.is_some(),
        user,
        token,
        budgets: client.transport().budgets(),
        breaker: client.transport().breaker(),
        problem,
    }
}
