//! The status panel: sign-in, token renewal, rate-limit budgets, the breaker, live updates,
//! the last sync and where the data lives — everything "why isn't it working?" needs.

use serde::Serialize;

use crate::api::{BreakerState, BudgetView};
use crate::status::status;

use super::{Desk, ProblemView};

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
    pub problem: Option<ProblemView>,
}

impl Desk {
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
        let report = status(&live.connection).await;
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
            problem: report.problem.map(|p| ProblemView {
                message: p.message,
                hint: p.hint,
            }),
        }
    }

    /// Live updates (the WebSocket subscription) in words.
    fn subscription_words(&self) -> String {
        match self.connection() {
            Some(view) if view.state == "online" => "connected: new texts arrive at once".into(),
            Some(view) if view.state == "polling" => {
                "checking every 20 s (WebSocket unavailable)".into()
            }
            Some(view) => format!("{}: {}", view.state, view.message.unwrap_or_default()),
            None => "not connected".into(),
        }
    }
}
