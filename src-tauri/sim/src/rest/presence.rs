//! Presence: read and update the user's status; updates notify presence subscribers.

use super::body::JsonBody;
use super::query::Query;
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::render::{self, ActiveCalls};
use crate::sim::Sim;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

/// `readUserPresenceStatus`: GET …/extension/~/presence.
pub async fn read(State(sim): Shared, _: Principal, q: Query) -> Result<Response, ApiError> {
    let detailed = q.bool("detailedTelephonyState")?.unwrap_or(false);
    q.bool("sipData")?;
    let now = sim.now();
    let world = sim.world();
    let calls = world.active_calls(&sim.timings, now);
    let telephony = world.telephony_status(&sim.timings, now);
    // Events list the newest few; the REST answer lists every call (it is what a client reads
    // when an event's list was cut).
    let shown: Vec<_> = calls.iter().map(render::active_call).collect();
    let active = ActiveCalls {
        shown: &shown,
        total: calls.len(),
    };
    let urls = sim.urls(&world);
    Ok(ok(render::presence(
        &world.account,
        telephony,
        detailed.then_some(active),
        &urls,
    )))
}

/// `PresenceInfoRequest` (the writable fields).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PresenceUpdate {
    user_status: Option<String>,
    dnd_status: Option<String>,
    message: Option<String>,
    allow_see_my_presence: Option<bool>,
}

const USER_STATUS: [&str; 3] = ["Offline", "Busy", "Available"];
const DND_STATUS: [&str; 5] = [
    "TakeAllCalls",
    "DoNotAcceptDepartmentCalls",
    "TakeDepartmentCallsOnly",
    "DoNotAcceptAnyCalls",
    "Unknown",
];

/// `updateUserPresenceStatus`: PUT …/extension/~/presence.
pub async fn update(
    State(sim): Shared,
    _: Principal,
    JsonBody(body): JsonBody<PresenceUpdate>,
) -> Result<Response, ApiError> {
    apply(&sim, body)
}

/// Checks and applies a presence update (from the API, or from "another device" through the
/// admin API), tells subscribers and answers the new `PresenceInfoResponse`.
pub fn apply(sim: &Sim, body: PresenceUpdate) -> Result<Response, ApiError> {
    if let Some(s) = body
        .user_status
        .as_deref()
        .filter(|s| !USER_STATUS.contains(s))
    {
        return Err(ApiError::invalid_parameter("userStatus", Some(s)));
    }
    if let Some(s) = body
        .dnd_status
        .as_deref()
        .filter(|s| !DND_STATUS.contains(s))
    {
        return Err(ApiError::invalid_parameter("dndStatus", Some(s)));
    }
    if let Some(m) = body.message.as_deref().filter(|m| m.chars().count() > 75) {
        return Err(ApiError::invalid_parameter("message", Some(m)));
    }
    let now = sim.now();
    let mut world = sim.world();
    let presence = &mut world.account.presence;
    if let Some(s) = body.user_status {
        presence.user_status = s;
    }
    if let Some(s) = body.dnd_status {
        presence.dnd_status = s;
    }
    if let Some(m) = body.message {
        presence.message = m;
    }
    if let Some(a) = body.allow_see_my_presence {
        presence.allow_see = a;
    }
    let urls = sim.urls(&world);
    world.publish_presence(now, &sim.timings, &urls);
    let telephony = world.telephony_status(&sim.timings, now);
    Ok(ok(render::presence(&world.account, telephony, None, &urls)))
}
