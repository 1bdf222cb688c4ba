//! RingOut: the two-legged call (ring the agent's phone, then the customer).

use reqwest::Method;
use serde::Serialize;

use super::endpoint::{ext_path, Endpoint, Group};
use super::models::RingOutStatus;
use super::{ApiError, Call, Client};

/// `createRingOutCall` (never repeated after an ambiguous failure).
pub const CREATE_RINGOUT: Endpoint = Endpoint {
    operation: "createRingOutCall",
    method: Method::POST,
    path: ext_path!("/ring-out"),
    group: Group::Heavy,
    idempotent: false,
};

/// `readRingOutCallStatus`.
pub const READ_RINGOUT: Endpoint = Endpoint {
    operation: "readRingOutCallStatus",
    method: Method::GET,
    path: ext_path!("/ring-out/{}"),
    group: Group::Light,
    idempotent: true,
};

/// `deleteRingOutCall`.
pub const DELETE_RINGOUT: Endpoint = Endpoint {
    operation: "deleteRingOutCall",
    method: Method::DELETE,
    path: ext_path!("/ring-out/{}"),
    group: Group::Heavy,
    idempotent: true,
};

/// `{ "phoneNumber": … }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneRef {
    /// E.164.
    pub phone_number: String,
}

/// RingOut `from`: a number or a forwarding-number id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RingOutFrom {
    /// An E.164 number.
    Number(PhoneRef),
    /// A forwarding number by id.
    Forwarding {
        /// `forwardingNumberId`.
        #[serde(rename = "forwardingNumberId")]
        id: String,
    },
}

/// `MakeRingOutRequest`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MakeRingOut {
    /// Leg 1: the agent's phone.
    pub from: RingOutFrom,
    /// Leg 2: the customer.
    pub to: PhoneRef,
    /// The number the customer sees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller_id: Option<PhoneRef>,
    /// "Press 1 to connect" on the agent's phone.
    pub play_prompt: bool,
}

/// The call that `create_ringout` would send, for `--dry-run`.
pub fn create_call(request: &MakeRingOut) -> Call {
    Call::new(&CREATE_RINGOUT, &[]).json(request)
}

/// createRingOutCall — POST …/extension/~/ring-out.
pub async fn create_ringout(
    client: &Client,
    request: &MakeRingOut,
) -> Result<RingOutStatus, ApiError> {
    client.fetch(create_call(request)).await
}

/// readRingOutCallStatus — GET …/extension/~/ring-out/{id}.
pub async fn read_ringout(client: &Client, id: &str) -> Result<RingOutStatus, ApiError> {
    client.fetch(Call::new(&READ_RINGOUT, &[id])).await
}

/// deleteRingOutCall — DELETE …/extension/~/ring-out/{id}: cancels a call not yet connected.
pub async fn delete_ringout(client: &Client, id: &str) -> Result<(), ApiError> {
    client.execute(Call::new(&DELETE_RINGOUT, &[id])).await
}
