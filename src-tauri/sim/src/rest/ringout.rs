//! RingOut: place a two-legged call, poll its status, cancel it before it connects.

use super::body::JsonBody;
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::magic::normalize;
use crate::render::Urls;
use crate::state::ringout::{RingOut, Snapshot};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;

/// `from` of `MakeRingOutRequest`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct From {
    phone_number: Option<String>,
    forwarding_number_id: Option<String>,
}

/// A `{phoneNumber}` object.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Number {
    phone_number: Option<String>,
}

/// `MakeRingOutRequest`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MakeRingOut {
    from: Option<From>,
    to: Number,
    caller_id: Option<Number>,
    #[serde(rename = "playPrompt")]
    _play_prompt: Option<bool>,
    #[serde(rename = "country")]
    _country: Option<HashMap<String, String>>,
}

fn status_json(call: &RingOut, s: &Snapshot, urls: &Urls) -> Value {
    json!({
        "id": call.id,
        "uri": urls.ext(&format!("/ring-out/{}", call.id)),
        "status": { "callStatus": s.call, "callerStatus": s.caller, "calleeStatus": s.callee },
    })
}

fn number(value: Option<&str>, name: &str) -> Result<String, ApiError> {
    let raw = value.ok_or_else(|| ApiError::missing_parameter(name))?;
    normalize(raw).ok_or_else(|| ApiError::invalid_parameter(name, Some(raw)))
}

/// `createRingOutCall`: POST …/extension/~/ring-out.
pub async fn create(
    State(sim): Shared,
    _: Principal,
    JsonBody(body): JsonBody<MakeRingOut>,
) -> Result<Response, ApiError> {
    let to = number(body.to.phone_number.as_deref(), "to.phoneNumber")?;
    let mut world = sim.world();
    let from = match body.from {
        Some(From {
            phone_number: Some(p),
            ..
        }) => number(Some(&p), "from.phoneNumber")?,
        Some(From {
            forwarding_number_id: Some(id),
            ..
        }) => world
            .account
            .forwarding
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.phone.clone())
            .ok_or_else(|| ApiError::invalid_parameter("from.forwardingNumberId", Some(&id)))?,
        // DOCS: `from` may be omitted when the user has a default forwarding number.
        _ => world
            .account
            .forwarding
            .first()
            .map(|f| f.phone.clone())
            .ok_or_else(|| ApiError::missing_parameter("from"))?,
    };
    let caller_id = match body.caller_id.and_then(|c| c.phone_number) {
        None => world.account.ringout_caller_id.clone(),
        Some(raw) => {
            let phone = normalize(&raw)
                .ok_or_else(|| ApiError::invalid_parameter("callerId.phoneNumber", Some(&raw)))?;
            match world.account.number(&phone) {
                Some(n) if n.has("CallerId") => phone,
                _ => {
                    return Err(ApiError::invalid_parameter(
                        "callerId.phoneNumber",
                        Some(&raw),
                    ))
                }
            }
        }
    };
    let now = sim.now();
    let n = world.ids.next();
    let call = RingOut {
        id: (world.account.extension_id % 1_000_000 * 1000 + n).to_string(),
        from,
        to,
        caller_id,
        session_id: (50_000_000_000 + world.account.extension_id % 1_000_000 * 1000 + n)
            .to_string(),
        created: now,
        cancelled: None,
        hung_up: None,
        holds: Default::default(),
        logged: false,
    };
    let snapshot = call.status(&sim.timings, now);
    let body = status_json(&call, &snapshot, &sim.urls(&world));
    world.ringouts.push(call);
    let urls = sim.urls(&world);
    world.publish_presence(now, &sim.timings, &urls);
    Ok(ok(body))
}

/// `readRingOutCallStatus`: GET …/extension/~/ring-out/{ringoutId}.
pub async fn read(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = params.get("ringoutId").cloned().unwrap_or_default();
    let world = sim.world();
    let call = world
        .ringouts
        .iter()
        .find(|c| c.id == id && c.cancelled.is_none())
        .ok_or_else(|| ApiError::not_found("ringoutId", &id))?;
    let snapshot = call.status(&sim.timings, sim.now());
    Ok(ok(status_json(call, &snapshot, &sim.urls(&world))))
}

/// `deleteRingOutCall`: DELETE …/extension/~/ring-out/{ringoutId}. Cancels a call that has not
/// connected yet; once both legs are connected the call goes on (as documented) and 204 is still
/// returned.
pub async fn cancel(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = params.get("ringoutId").cloned().unwrap_or_default();
    let now = sim.now();
    let mut world = sim.world();
    let timings = sim.timings;
    let call = world
        .ringouts
        .iter_mut()
        .find(|c| c.id == id && c.cancelled.is_none())
        .ok_or_else(|| ApiError::not_found("ringoutId", &id))?;
    if !call.status(&timings, now).connected {
        call.cancelled = Some(now);
        let urls = sim.urls(&world);
        world.publish_presence(now, &timings, &urls);
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
