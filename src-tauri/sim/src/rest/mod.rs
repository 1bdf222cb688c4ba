//! RingCentral REST endpoints (`/restapi/v1.0/...`), one module per API area.

pub mod body;
pub mod call_log;
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

use crate::sim::Sim;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::sync::Arc;

/// The handler state.
pub type Shared = State<Arc<Sim>>;

/// A 200 JSON answer.
pub fn ok(body: Value) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}
