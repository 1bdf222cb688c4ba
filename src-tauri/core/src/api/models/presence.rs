//! Presence and the WebSocket token.

use serde::{Deserialize, Serialize};

use crate::secret::Secret;

/// `PresenceInfoResponse`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Presence {
    /// Aggregated status.
    pub presence_status: Option<String>,
    /// `Available`, `Busy`, `Offline`.
    pub user_status: Option<String>,
    /// Do-not-disturb setting.
    pub dnd_status: Option<String>,
    /// `NoCall`, `Ringing`, `CallConnected` …
    pub telephony_status: Option<String>,
    /// Status message.
    pub message: Option<String>,
    /// Do not disturb on accounts with the new call handling.
    pub dnd_status_personal: Option<String>,
    /// Detailed presence: the newest active calls (RingCentral sends at most 7).
    pub active_calls: Vec<ActiveCall>,
    /// Detailed presence events: their order (an older one arriving late must be ignored).
    pub sequence: Option<i64>,
    /// Detailed presence events: how many calls are active; more than `active_calls` holds
    /// means the list was cut and must be read again.
    pub total_active_calls: Option<u32>,
}

/// `ActiveCallInfo`: one call in detailed presence. Numbers are plain strings here (objects in
/// telephony sessions).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ActiveCall {
    /// Call id.
    pub id: String,
    /// `Inbound` or `Outbound`.
    pub direction: Option<String>,
    /// Caller number (or extension number).
    pub from: Option<String>,
    /// Caller-ID name.
    pub from_name: Option<String>,
    /// Callee number.
    pub to: Option<String>,
    /// Callee name.
    pub to_name: Option<String>,
    /// `NoCall`, `Ringing`, `CallConnected`, `OnHold`, `ParkedCall`.
    pub telephony_status: Option<String>,
    /// Start time (format varies: `…Z` or `…+0000`).
    pub start_time: Option<String>,
    /// Legacy session id (numeric text), shared with the call log.
    pub session_id: Option<String>,
    /// The key of Call Control.
    pub telephony_session_id: Option<String>,
    /// The agent's party, for Call Control.
    pub party_id: Option<String>,
    /// `final` or `intermediate` (with `NoCall`).
    pub termination_type: Option<String>,
}

/// `authWsToken` answer: a single-use token to open the notification WebSocket.
#[derive(Debug, Clone, Deserialize)]
pub struct WsToken {
    /// The token (secret).
    pub ws_access_token: Secret,
    /// `wss://…` to connect to.
    pub uri: String,
    /// Seconds it stays valid.
    pub expires_in: u64,
}
