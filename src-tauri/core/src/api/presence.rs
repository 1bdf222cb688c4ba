//! Presence: read it (with the live calls) and set the agent's status and Do not disturb.

use reqwest::Method;
use serde::Serialize;

use super::endpoint::{ext_path, Endpoint, Group};
use super::models::Presence;
use super::{ApiError, Call, Client};

/// `readUserPresenceStatus`.
pub const READ_PRESENCE: Endpoint = Endpoint {
    operation: "readUserPresenceStatus",
    method: Method::GET,
    path: ext_path!("/presence"),
    group: Group::Light,
    idempotent: true,
};

/// `updateUserPresenceStatus` (setting the same values twice is harmless).
pub const UPDATE_PRESENCE: Endpoint = Endpoint {
    operation: "updateUserPresenceStatus",
    method: Method::PUT,
    path: ext_path!("/presence"),
    group: Group::Medium,
    idempotent: true,
};

/// `PresenceInfoRequest`: the fields ringdesk sets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PresenceUpdate {
    /// `Available`, `Busy` or `Offline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_status: Option<String>,
    /// `TakeAllCalls`, `DoNotAcceptAnyCalls`, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dnd_status: Option<String>,
}

/// readUserPresenceStatus — GET …/extension/~/presence?detailedTelephonyState=true.
pub async fn read_presence(client: &Client) -> Result<Presence, ApiError> {
    let call = Call::new(&READ_PRESENCE, &[]).query("detailedTelephonyState", true);
    client.fetch(call).await
}

/// updateUserPresenceStatus — PUT …/extension/~/presence; answers the presence now in force.
pub async fn update_presence(
    client: &Client,
    update: &PresenceUpdate,
) -> Result<Presence, ApiError> {
    let call = Call::new(&UPDATE_PRESENCE, &[]).json(update);
    client.fetch(call).await
}
