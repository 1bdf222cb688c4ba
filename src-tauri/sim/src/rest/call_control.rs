//! Call Control (app permission `CallControl`): read a telephony session, hang it up, and
//! reject, reply to, hold or resume a party. A party in the wrong state gets 409; an unknown
//! session or party 404; subscribers hear about every change at once.

use super::body::{self, JsonBody};
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::render;
use crate::sim::Sim;
use crate::state::inbound::{Stage, Stop};
use crate::state::live::SessionView;
use crate::state::World;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

/// What a request does to a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    HangUp,
    Reject,
    Reply,
    Hold,
    Unhold,
}

/// The party in the wrong state for `action`: RingCentral's 409.
fn wrong_state(action: Action) -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        "TAS-102",
        format!("Incorrect State: the call cannot be {action:?} now"),
    )
}

fn param(params: &HashMap<String, String>, name: &str) -> String {
    params.get(name).cloned().unwrap_or_default()
}

/// The session named by the path, at `now`, with its own party when a `partyId` is named.
fn find(
    world: &World,
    sim: &Sim,
    params: &HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<SessionView, ApiError> {
    let id = param(params, "telephonySessionId");
    world
        .session(&id, &sim.timings, now)
        .filter(|s| !s.over())
        .ok_or_else(|| ApiError::not_found("telephonySessionId", &id))
}

/// Applies `action` to the agent's party of the session in the path, then tells subscribers.
fn apply(
    sim: &Sim,
    params: &HashMap<String, String>,
    action: Action,
) -> Result<SessionView, ApiError> {
    let now = sim.now();
    let mut world = sim.world();
    let session = find(&world, sim, params, now)?;
    let extension_id = world.account.extension_id;
    if action != Action::HangUp {
        let party = param(params, "partyId");
        if session.own(extension_id).is_none_or(|p| p.id != party) {
            return Err(ApiError::not_found("partyId", &party));
        }
    }
    let id = &session.telephony_session_id;
    let timings = sim.timings;
    if let Some(call) = world
        .ringouts
        .iter_mut()
        .find(|c| &c.telephony_session_id() == id)
    {
        let connected = call.status(&timings, now).connected;
        let held = call.holds.held_at(now);
        match action {
            Action::HangUp if connected => call.hung_up = Some(now),
            Action::HangUp => call.cancelled = Some(now),
            Action::Hold if connected && !held => call.holds.toggle(now),
            Action::Unhold if connected && held => call.holds.toggle(now),
            _ => return Err(wrong_state(action)),
        }
    } else if let Some(call) = world
        .inbound
        .iter_mut()
        .find(|c| &c.ids.telephony_session_id == id)
    {
        let m = call.at(now);
        let ringing = m.stage == Stage::Ringing;
        let talking = m.stage == Stage::Talking;
        match action {
            Action::HangUp => call.stopped = Some((now, Stop::HungUp)),
            Action::Reject if ringing => call.stopped = Some((now, Stop::Rejected)),
            Action::Reply if ringing => call.stopped = Some((now, Stop::Replied)),
            Action::Hold if talking && !m.held => call.holds.toggle(now),
            Action::Unhold if talking && m.held => call.holds.toggle(now),
            _ => return Err(wrong_state(action)),
        }
    }
    let urls = sim.urls(&world);
    world.advance(now, &timings, &urls);
    world
        .session(id, &timings, now)
        .ok_or_else(|| ApiError::not_found("telephonySessionId", id))
}

/// The agent's party of `session` as `CallParty`.
fn own_party(sim: &Sim, session: &SessionView) -> Value {
    let world = sim.world();
    let (account_id, extension_id) = (world.account.account_id, world.account.extension_id);
    session
        .own(extension_id)
        .map(|p| render::call_party(p, account_id))
        .unwrap_or(Value::Null)
}

/// `readCallSessionStatus`: GET …/telephony/sessions/{telephonySessionId}.
pub async fn read(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let world = sim.world();
    let session = find(&world, &sim, &params, sim.now())?;
    Ok(ok(render::call_session(&session, world.account.account_id)))
}

/// `deleteCallSession`: DELETE …/telephony/sessions/{telephonySessionId} — hangs up for all.
pub async fn hang_up(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    apply(&sim, &params, Action::HangUp)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `rejectParty`: POST …/parties/{partyId}/reject — a ringing inbound call goes to voicemail.
pub async fn reject(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    apply(&sim, &params, Action::Reject)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `CallPartyReply`: a free text or one of RingCentral's patterns.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyRequest {
    reply_with_text: Option<String>,
    reply_with_pattern: Option<ReplyPattern>,
}

/// `ReplyWithPattern`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyPattern {
    pattern: String,
    time: Option<u32>,
    time_unit: Option<String>,
}

const PATTERNS: [&str; 8] = [
    "WillCallYouBack",
    "CallMeBack",
    "OnMyWay",
    "OnTheOtherLine",
    "WillCallYouBackLater",
    "CallMeBackLater",
    "InAMeeting",
    "OnTheOtherLineNoCall",
];

/// `replyParty`: POST …/parties/{partyId}/reply — answers a ringing call with a spoken text.
pub async fn reply(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
    JsonBody(body): JsonBody<ReplyRequest>,
) -> Result<Response, ApiError> {
    match (&body.reply_with_text, &body.reply_with_pattern) {
        (Some(text), None) if !text.trim().is_empty() => {}
        (None, Some(p)) if PATTERNS.contains(&p.pattern.as_str()) => {
            let unit_ok = p
                .time_unit
                .as_deref()
                .is_none_or(|u| ["Minute", "Hour", "Day"].contains(&u));
            if !unit_ok || p.time == Some(0) {
                return Err(ApiError::invalid_parameter(
                    "replyWithPattern.timeUnit",
                    p.time_unit.as_deref(),
                ));
            }
        }
        (_, Some(p)) => {
            return Err(ApiError::invalid_parameter(
                "replyWithPattern.pattern",
                Some(&p.pattern),
            ))
        }
        _ => return Err(ApiError::missing_parameter("replyWithText")),
    }
    let session = apply(&sim, &params, Action::Reply)?;
    Ok(ok(own_party(&sim, &session)))
}

/// `HoldCallPartyRequest`.
#[derive(Debug, Default, Deserialize)]
pub struct HoldRequest {
    proto: Option<String>,
}

/// `holdCallParty`: POST …/parties/{partyId}/hold (optional body `{proto}`).
pub async fn hold(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let request: HoldRequest = if bytes.is_empty() {
        HoldRequest::default()
    } else {
        body::parse(&bytes)?
    };
    const PROTOS: [&str; 5] = [
        "Auto",
        "RC",
        "BroadWorks",
        "DisconnectHolder",
        "BroadWorksOrDisconnectHolder",
    ];
    if let Some(p) = request.proto.as_deref().filter(|p| !PROTOS.contains(p)) {
        return Err(ApiError::invalid_parameter("proto", Some(p)));
    }
    let session = apply(&sim, &params, Action::Hold)?;
    Ok(ok(own_party(&sim, &session)))
}

/// `unholdCallParty`: POST …/parties/{partyId}/unhold.
pub async fn unhold(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let session = apply(&sim, &params, Action::Unhold)?;
    Ok(ok(own_party(&sim, &session)))
}
