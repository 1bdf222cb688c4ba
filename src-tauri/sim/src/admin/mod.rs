//! The simulator's own admin API under `/sim/…` (not part of RingCentral's API): push inbound
//! SMS, ring the agent with inbound calls, set presence from "another device", inject faults, expire or revoke tokens, read the request log, reset, drop WebSockets and
//! mint JWTs. JSON in, JSON out.

mod calls;
mod tokens;

use crate::api_error::ApiError;
use crate::faults::FaultSpec;
use crate::magic::normalize;
use crate::render;
use crate::rest::body::{parse, JsonBody};
use crate::rest::query::Query;
use crate::rest::{ok, Shared};
use crate::sim::{lock, Sim};
use crate::state::messages::{Direction, Party};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;

/// The header that carries the admin token, when the simulator has one.
pub const ADMIN_TOKEN_HEADER: &str = "x-sim-admin-token";

/// The `/sim` routes, behind the admin token when the simulator has one.
pub fn routes(sim: &Arc<Sim>) -> Router<Arc<Sim>> {
    Router::new()
        .route("/sim/inbound-sms", post(inbound_sms))
        .route("/sim/inbound-call", post(calls::inbound_call))
        .route("/sim/presence", post(calls::set_presence))
        .route(
            "/sim/faults",
            post(arm_fault).get(list_faults).delete(clear_faults),
        )
        .route("/sim/tokens/expire", post(tokens::expire))
        .route("/sim/tokens/revoke", post(tokens::revoke))
        .route("/sim/jwt", post(tokens::mint_jwt))
        .route("/sim/requests", get(requests))
        .route("/sim/reset", post(reset))
        .route("/sim/ws/drop", post(drop_websockets))
        .layer(axum::middleware::from_fn_with_state(sim.clone(), guard))
}

/// Lets a request through when the simulator has no admin token, or the request carries it.
async fn guard(
    State(sim): State<Arc<Sim>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if let Some(token) = sim.config.admin_token.as_deref() {
        let given = request
            .headers()
            .get(ADMIN_TOKEN_HEADER)
            .map(|v| v.as_bytes())
            .unwrap_or_default();
        if !same(given, token.as_bytes()) {
            return axum::response::IntoResponse::into_response(ApiError::new(
                StatusCode::FORBIDDEN,
                "SIM-403",
                "The simulator's admin API needs its token",
            ));
        }
    }
    next.run(request).await
}

/// Compares without stopping at the first difference.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A JSON body that may be empty (then `T::default()`).
pub fn optional<T: DeserializeOwned + Default>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        Ok(T::default())
    } else {
        parse(bytes)
    }
}

/// Body of `POST /sim/inbound-sms`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InboundSms {
    from: String,
    #[serde(default)]
    to: Option<String>,
    text: String,
    #[serde(default)]
    name: Option<String>,
}

/// Stores an inbound SMS and notifies subscribers; answers the stored message.
async fn inbound_sms(
    State(sim): Shared,
    JsonBody(body): JsonBody<InboundSms>,
) -> Result<Response, ApiError> {
    let from = normalize(&body.from)
        .ok_or_else(|| ApiError::invalid_parameter("from", Some(&body.from)))?;
    if body.text.is_empty() {
        return Err(ApiError::invalid_parameter("text", None));
    }
    let now = sim.now();
    let mut world = sim.world();
    let to = match &body.to {
        None => world
            .account
            .sms_sender()
            .map(|n| n.phone.clone())
            .unwrap_or_default(),
        Some(raw) => {
            let phone =
                normalize(raw).ok_or_else(|| ApiError::invalid_parameter("to", Some(raw)))?;
            world
                .account
                .number(&phone)
                .map(|n| n.phone.clone())
                .ok_or_else(|| ApiError::invalid_parameter("to", Some(raw)))?
        }
    };
    let sender = Party {
        name: body.name.clone(),
        ..Party::number(&from)
    };
    let us = Party {
        name: Some(world.account.name()),
        ..Party::number(&to)
    };
    let id = world.messages.receive(sender, us, &body.text, now, false);
    let urls = sim.urls(&world);
    world.publish_messages(&[id], 0, Direction::Inbound, now, &urls);
    let message = world
        .messages
        .get(id)
        .map(|m| render::message(m, &urls))
        .unwrap_or_default();
    Ok(ok(message))
}

async fn arm_fault(
    State(sim): Shared,
    JsonBody(spec): JsonBody<FaultSpec>,
) -> Result<Response, ApiError> {
    if spec.status.is_some_and(|s| !(100..=599).contains(&s)) {
        return Err(ApiError::invalid_parameter(
            "status",
            spec.status.map(|s| s.to_string()).as_deref(),
        ));
    }
    if !spec.path.starts_with('/') {
        return Err(ApiError::invalid_parameter("path", Some(&spec.path)));
    }
    for (name, value) in &spec.headers {
        let valid = axum::http::HeaderName::from_bytes(name.as_bytes()).is_ok()
            && axum::http::HeaderValue::from_str(value).is_ok();
        if !valid {
            return Err(ApiError::invalid_parameter("headers", Some(name)));
        }
    }
    let id = lock(&sim.faults).arm(spec);
    Ok(ok(json!({ "id": id })))
}

async fn list_faults(State(sim): Shared) -> Response {
    ok(json!({ "faults": lock(&sim.faults).list() }))
}

async fn clear_faults(State(sim): Shared) -> Response {
    lock(&sim.faults).clear();
    ok(json!({ "faults": [] }))
}

/// `GET /sim/requests[?since=SEQ]`.
async fn requests(State(sim): Shared, q: Query) -> Result<Response, ApiError> {
    let since = q.int("since", 0, i64::MAX)?.unwrap_or(0) as u64;
    Ok(ok(json!({ "requests": lock(&sim.log).since(since) })))
}

/// Body of `POST /sim/reset`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reset {
    /// Also end all OAuth sessions.
    #[serde(default)]
    sessions: bool,
}

async fn reset(State(sim): Shared, bytes: Bytes) -> Result<Response, ApiError> {
    let body: Reset = optional(&bytes)?;
    sim.reset(body.sessions);
    Ok(ok(
        json!({ "reset": true, "sessions_cleared": body.sessions }),
    ))
}

async fn drop_websockets(State(sim): Shared) -> Response {
    let dropped = sim.world().hub.drop_all();
    ok(json!({ "dropped": dropped }))
}

/// A 400 for admin requests with impossible values.
pub fn bad(message: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "CMN-101", message)
}
