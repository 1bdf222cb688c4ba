//! Presence.

use reqwest::Method;

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

/// readUserPresenceStatus — GET …/extension/~/presence.
pub async fn read_presence(client: &Client) -> Result<Presence, ApiError> {
    let call = Call::new(&READ_PRESENCE, &[]).query("detailedTelephonyState", true);
    client.fetch(call).await
}
