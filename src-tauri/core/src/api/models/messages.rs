//! Messages (SMS) of the message store.

use serde::{Deserialize, Serialize};

use super::SyncInfo;

/// A sender or recipient.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MessageCallerInfo {
    /// E.164.
    pub phone_number: Option<String>,
    /// Name, when known.
    pub name: Option<String>,
    /// Per-recipient delivery status.
    pub message_status: Option<String>,
}

/// `GetMessageInfoResponse`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Message {
    /// Message id.
    pub id: u64,
    /// `SMS`, `Fax` …
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// `Inbound` / `Outbound`.
    pub direction: Option<String>,
    /// Sender.
    pub from: Option<MessageCallerInfo>,
    /// Recipients.
    pub to: Vec<MessageCallerInfo>,
    /// The SMS text.
    pub subject: Option<String>,
    /// `Queued`, `Sent`, `Delivered`, `DeliveryFailed`, `SendingFailed`, `Received`.
    pub message_status: Option<String>,
    /// `Read` / `Unread`.
    pub read_status: Option<String>,
    /// `Alive`, `Deleted`, `Purged`.
    pub availability: Option<String>,
    /// Thread id.
    pub conversation_id: Option<u64>,
    /// ISO 8601.
    pub creation_time: Option<String>,
    /// ISO 8601.
    pub last_modified_time: Option<String>,
    /// Segments billed.
    pub segment_count: Option<u32>,
    /// `SMS-CAR-…` when delivery failed.
    pub delivery_error_code: Option<String>,
}

/// `message-sync` answer.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MessageSync {
    /// Changed or framed messages.
    pub records: Vec<Message>,
    /// The new sync frame.
    pub sync_info: SyncInfo,
}
