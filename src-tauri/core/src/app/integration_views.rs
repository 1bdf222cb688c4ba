//! What Settings → Integrations, `ringdesk integrations status` and a run of the connectors show.

use serde::Serialize;

use crate::integrations::suitedash::{PullReport, QuotaView, SuiteDashAccount};
use crate::integrations::{Capabilities, DeliveryReport};
use crate::store::{QueueCounts, QueueState, QueuedItem};

use super::{ExportView, Problem};

/// One queued event or push, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventView {
    /// Its id (what a replay names).
    pub event_id: String,
    /// `sms.sent`, `contact.create` …
    pub kind: String,
    /// Where it stands.
    pub state: QueueState,
    /// Attempts so far.
    pub attempts: u32,
    /// When it happened.
    pub created: String,
    /// When it goes (again).
    pub next_at: String,
    /// The last answer's HTTP status.
    pub http_status: Option<u16>,
    /// The last failure, in words.
    pub error: Option<String>,
}

impl From<QueuedItem> for EventView {
    fn from(item: QueuedItem) -> Self {
        Self {
            event_id: item.event_id,
            kind: item.kind,
            state: item.state,
            attempts: item.attempts,
            created: item.created.to_rfc3339(),
            next_at: item.next_at.to_rfc3339(),
            http_status: item.http_status,
            error: item.error,
        }
    }
}

/// One connector as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectorView {
    /// `webhook` or `suitedash`.
    pub name: &'static str,
    /// What it pulls and pushes.
    pub capabilities: Capabilities,
    /// The receiver's or the API's address.
    pub url: String,
    /// SuiteDash's Public ID (empty for the webhook).
    pub public_id: String,
    /// Its secret is in the keychain (the secret itself is never shown).
    pub secret_set: bool,
    /// Its queue.
    pub queue: QueueCounts,
    /// The latest refused items.
    pub failed: Vec<EventView>,
    /// SuiteDash's monthly quota count.
    pub quota: Option<QuotaView>,
    /// When SuiteDash was last pulled.
    pub last_pull: Option<String>,
}

/// Settings → Integrations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationsView {
    /// The webhook, when set up.
    pub webhook: Option<ConnectorView>,
    /// SuiteDash, when set up.
    pub suitedash: Option<ConnectorView>,
    /// Import mode's export history, newest first.
    pub exports: Vec<ExportView>,
}

/// What *Test connection* found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "connector")]
pub enum TestView {
    /// The receiver took a signed test event.
    Webhook {
        /// Its HTTP status.
        http_status: u16,
    },
    /// SuiteDash answered with the account's contacts.
    Suitedash(SuiteDashAccount),
}

/// What one run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationsOutcome {
    /// Events queued from the cache now.
    pub events_queued: usize,
    /// The webhook's deliveries.
    pub webhook: Option<DeliveryReport>,
    /// SuiteDash's pushes.
    pub suitedash: Option<DeliveryReport>,
    /// SuiteDash's pull, when one ran.
    pub pulled: Option<PullReport>,
    /// What failed, connector by connector (the rest went on).
    pub problems: Vec<Problem>,
}
