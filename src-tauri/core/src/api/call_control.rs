//! Call Control (app permission `CallControl`, granted by RingCentral on request): hang up a
//! call for everyone, and hold or resume the agent's party. A call in the wrong state answers
//! 409; an app without the permission 403.

use reqwest::Method;

use super::endpoint::{Endpoint, Group};
use super::{ApiError, Call, Client};

/// `deleteCallSession`: hangs up for every party (RingCentral's widgets use it for "end call").
pub const DELETE_CALL_SESSION: Endpoint = Endpoint {
    operation: "deleteCallSession",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/~/telephony/sessions/{}",
    group: Group::Light,
    idempotent: true,
};

/// `holdCallParty`.
pub const HOLD_CALL_PARTY: Endpoint = Endpoint {
    operation: "holdCallParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/~/telephony/sessions/{}/parties/{}/hold",
    group: Group::Light,
    idempotent: true,
};

/// `unholdCallParty`.
pub const UNHOLD_CALL_PARTY: Endpoint = Endpoint {
    operation: "unholdCallParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/~/telephony/sessions/{}/parties/{}/unhold",
    group: Group::Light,
    idempotent: true,
};

/// `rejectParty`: a ringing inbound call stops ringing and goes on to voicemail.
pub const REJECT_PARTY: Endpoint = Endpoint {
    operation: "rejectParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/~/telephony/sessions/{}/parties/{}/reject",
    group: Group::Light,
    idempotent: true,
};

/// Hangs up the telephony session `session` for everyone.
pub async fn hang_up(client: &Client, session: &str) -> Result<(), ApiError> {
    client
        .send(Call::new(&DELETE_CALL_SESSION, &[session]))
        .await
        .map(drop)
}

/// Puts the agent's `party` of `session` on hold (`hold`) or takes it off hold.
pub async fn hold(client: &Client, session: &str, party: &str, hold: bool) -> Result<(), ApiError> {
    let endpoint = if hold {
        &HOLD_CALL_PARTY
    } else {
        &UNHOLD_CALL_PARTY
    };
    client
        .send(Call::new(endpoint, &[session, party]).json(&serde_json::json!({})))
        .await
        .map(drop)
}

/// Sends a ringing inbound call on to voicemail.
pub async fn reject(client: &Client, session: &str, party: &str) -> Result<(), ApiError> {
    client
        .send(Call::new(&REJECT_PARTY, &[session, party]))
        .await
        .map(drop)
}
