//! RingCentral REST endpoints (`/restapi/v1.0/...`), one module per API area.

pub mod body;
pub mod call_control;
pub mod call_log;
pub mod consents;
pub mod contacts;
pub mod directory;
pub mod extension;
pub mod message_store;
pub mod message_sync;
pub mod paging;
pub mod presence;
pub mod query;
pub mod ringout;
pub mod sms;
pub mod subscription;
pub mod sync_token;
pub mod team;
pub mod templates;

use crate::sim::Sim;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::sync::Arc;

/// The handler state.
pub type Shared = State<Arc<Sim>>;

/// A 200 JSON answer serialized straight from `body` (no `Value` tree in between).
pub fn ok_serialized(body: &impl serde::Serialize) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            bytes,
        )
            .into_response(),
        Err(error) => crate::api_error::ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            crate::faults::default_code(500),
            format!("could not render the answer: {error}"),
        )
        .into_response(),
    }
}

/// A 200 JSON answer.
pub fn ok(body: Value) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}
