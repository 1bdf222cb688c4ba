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
