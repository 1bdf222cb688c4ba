//! Status: who is signed in, token expiry, rate-limit budgets, the breaker, server and profile
//! (`ringdesk status`, stable field names), and the Settings status panel built from the same
//! report plus live updates, the last sync and where the data lives — everything "why isn't it
//! working?" needs.

use serde::Serialize;

use crate::api::extension::read_extension;
use crate::api::{BreakerState, BudgetView};
use crate::config::Mode;

use super::{Connection, Desk, Error, LiveState, Problem};

/// What the Settings status panel shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeskStatus {
    /// Signed in.
    pub signed_in: bool,
    /// The user's name.
    pub user: Option<String>,
    /// The extension number.
    pub extension: Option<String>,
    /// When the access token is renewed (ISO 8601).
    pub token_expires_at: Option<String>,
    /// Rate-limit budgets per group.
    pub budgets: Vec<BudgetView>,
    /// The circuit breaker, in words.
    pub breaker: String,
    /// Live updates, in words.
    pub subscription: String,
    /// When the last sync finished (ISO 8601).
    pub last_sync: Option<String>,
    /// The cache file.
    pub database: String,
    /// The server.
    pub server: String,
    /// The current problem, if any.
    pub problem: Option<Problem>,
}

/// The signed-in extension, as `ringdesk status` reports it.
#[derive(Debug, Clone, Serialize)]
pub struct ExtensionView {
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

impl TokenView {
    /// Seconds until the access token expires (0 once it has).
    pub fn expires_in_secs(&self) -> u64 {
        self.access_expires_at
            .saturating_sub(crate::clock::unix_seconds(std::time::SystemTime::now()))
    }
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
    pub user: Option<ExtensionView>,
    /// Token expiry, when signed in.
    pub token: Option<TokenView>,
    /// Per-group rate-limit budgets.
    pub budgets: Vec<BudgetView>,
    /// The circuit breaker.
    pub breaker: BreakerState,
    /// Why RingCentral could not be asked, if so.
    pub problem: Option<Problem>,
    /// The machine's policy file in force (`/etc/ringdesk/policy.toml`), if any.
    pub policy_file: Option<String>,
}

/// Builds the report; asks RingCentral who is signed in (one Light request).
async fn report(connection: &Connection) -> StatusReport {
    let client = connection.client();
    let (user, problem) = match read_extension(client).await {
        Ok(extension) => {
            let contact = extension.contact.clone().unwrap_or_default();
            let user = ExtensionView {
                name: extension.name.clone(),
                extension_id: extension.id,
                extension_number: extension.extension_number.clone(),
                email: contact.email,
                country: extension.home_country().map(str::to_string),
            };
            (Some(user), None)
        }
        Err(error) => (None, Some(Problem::of(&Error::from(error)))),
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
        policy_file: None,
    }
}

impl Desk {
    /// The status report: asks RingCentral who is signed in when there is a session.
    pub async fn status_report(&self) -> StatusReport {
        match self.live().await {
            Ok(live) => report(&live.connection).await,
            Err(error) => {
                let profile = self.profile();
                StatusReport {
                    server: profile.server.url().to_string(),
                    profile: profile.name,
                    mode: profile.mode,
                    signed_in: false,
                    user: None,
                    token: None,
                    budgets: Vec::new(),
                    breaker: BreakerState::Closed { failures: 0 },
                    problem: Some(Problem::of(&error)),
                    policy_file: None,
                }
            }
        }
    }

    /// Connects and reports, for `ringdesk status`: a keychain or configuration that cannot be
    /// used is an error; a session RingCentral refuses or cannot be reached is the report's
    /// problem.
    pub async fn check_status(&self) -> Result<StatusReport, Error> {
        // A policy file that cannot be read is named first: nothing runs under half a policy.
        let policy = self.policy()?;
        let mut report = match self.open().await? {
            Some(connection) => report(&connection).await,
            None => self.status_report().await,
        };
        report.policy_file = policy.path.map(|p| p.display().to_string());
        Ok(report)
    }

    /// The status panel's facts.
    pub async fn status(&self) -> DeskStatus {
        let profile = self.profile();
        let database = self
            .paths
            .cache(&profile.name, profile.mode)
            .display()
            .to_string();
        let last_sync = self.sync_view().last_synced_at;
        let subscription = self.subscription_words();
        let Ok(live) = self.live().await else {
            return DeskStatus {
                signed_in: false,
                user: None,
                extension: None,
                token_expires_at: None,
                budgets: Vec::new(),
                breaker: "closed".into(),
                subscription,
                last_sync,
                database,
                server: profile.server.url().to_string(),
                problem: None,
            };
        };
        let report = report(&live.connection).await;
        DeskStatus {
            signed_in: report.signed_in,
            user: report.user.as_ref().and_then(|u| u.name.clone()),
            extension: report
                .user
                .as_ref()
                .and_then(|u| u.extension_number.clone()),
            token_expires_at: report
                .token
                .as_ref()
                .and_then(|t| chrono::DateTime::from_timestamp(t.access_expires_at as i64, 0))
                .map(|t| t.to_rfc3339()),
            budgets: report.budgets,
            breaker: match report.breaker {
                BreakerState::Closed { failures: 0 } => "closed".into(),
                BreakerState::Closed { failures } => {
                    format!("closed ({failures} failures in a row)")
                }
                BreakerState::Open { retry_in_secs } => {
                    format!("open: retrying in {retry_in_secs} s")
                }
                BreakerState::HalfOpen => "testing the connection".into(),
            },
            subscription,
            last_sync,
            database,
            server: report.server,
            problem: report.problem,
        }
    }

    /// Live updates (the WebSocket subscription) in words.
    fn subscription_words(&self) -> String {
        match self.live_updates() {
            Some(view) if view.state == LiveState::Online => {
                format!("{}: new texts arrive at once", view.words)
            }
            Some(view) => match view.message {
                Some(message) => format!("{}: {message}", view.words),
                None => view.words,
            },
            None => "Not connected".into(),
        }
    }
}
