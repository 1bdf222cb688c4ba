//! The Subscription API. WebSocket subscriptions are made over the socket (see `ws/`); over REST
//! they can be listed, read, updated, renewed and deleted. WebHook delivery is not simulated.

use super::body;
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::render::Urls;
use crate::time_fmt::iso;
use crate::ws::filters::Filter;
use crate::ws::hub::Subscription;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;

/// Default `expiresIn` of a WebSocket subscription (it renews itself while connected).
pub const EXPIRES_IN: u32 = 900;

/// `SubscriptionInfo`.
pub fn info(sub: &Subscription, now: DateTime<Utc>, urls: &Urls) -> Value {
    json!({
        "id": sub.id,
        "uri": urls.api(&format!("/subscription/{}", sub.id)),
        "eventFilters": sub.filters,
        "expirationTime": iso(now + Duration::seconds(i64::from(sub.expires_in))),
        "expiresIn": sub.expires_in,
        "status": "Active",
        "creationTime": iso(sub.created),
        "deliveryMode": { "transportType": "WebSocket" },
    })
}

/// `UpdateSubscriptionRequest` / `CreateSubscriptionRequest`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionRequest {
    /// Event filter URIs.
    pub event_filters: Vec<String>,
    /// Requested lifetime (ignored for WebSocket; reported back).
    pub expires_in: Option<u32>,
    /// `{transportType}`.
    pub delivery_mode: Option<DeliveryMode>,
}

/// `deliveryMode`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryMode {
    /// `WebSocket` or `WebHook`.
    pub transport_type: String,
}

/// Parses and checks a subscription request body; `SUB-508` for unsupported filters, 403
/// `CMN-401` for a filter whose permission `scope` does not grant.
pub fn parse(
    bytes: &[u8],
    account_id: u64,
    extension_id: u64,
    scope: &str,
) -> Result<(SubscriptionRequest, Vec<Filter>), ApiError> {
    let request: SubscriptionRequest = body::parse(bytes)?;
    if request.event_filters.is_empty() {
        return Err(ApiError::invalid_parameter("eventFilters", None));
    }
    let mut parsed = Vec::new();
    for filter in &request.event_filters {
        let f = Filter::parse(filter, account_id, extension_id).ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "SUB-508",
                "Event filters are not specified or invalid",
            )
            .with_parameter("eventFilters", Some(filter))
        })?;
        if let Some(permission) = f.permission() {
            permission.check(scope)?;
        }
        parsed.push(f);
    }
    if request.expires_in == Some(0) {
        return Err(ApiError::invalid_parameter("expiresIn", Some("0")));
    }
    Ok((request, parsed))
}

/// `listSubscriptions`: GET /restapi/v1.0/subscription.
pub async fn list(State(sim): Shared, p: Principal) -> Response {
    let world = sim.world();
    let urls = sim.urls(&world);
    let now = sim.now();
    let records: Vec<Value> = world
        .hub
        .subscriptions(p.owner)
        .iter()
        .map(|s| info(s, now, &urls))
        .collect();
    ok(json!({ "uri": urls.api("/subscription"), "records": records }))
}

/// `createSubscription` over REST: only WebHook delivery exists there, and it is not simulated.
pub async fn create(State(sim): Shared, _: Principal, bytes: Bytes) -> Result<Response, ApiError> {
    let (account, extension) = {
        let world = sim.world();
        (world.account.account_id, world.account.extension_id)
    };
    let (request, _) = parse(&bytes, account, extension, &sim.scope())?;
    match request.delivery_mode.map(|d| d.transport_type) {
        Some(t) if t == "WebHook" => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "CMN-109",
            "WebHook delivery is not available in the simulator; subscribe over WebSocket",
        )),
        Some(t) if t == "WebSocket" => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "CMN-101",
            "WebSocket subscriptions are created over the WebSocket connection",
        )
        .with_parameter("deliveryMode.transportType", Some(&t))),
        other => Err(ApiError::invalid_parameter(
            "deliveryMode.transportType",
            other.as_deref(),
        )),
    }
}

fn subscription_id(params: &HashMap<String, String>) -> String {
    params.get("subscriptionId").cloned().unwrap_or_default()
}

/// `readSubscription` and `renewSubscription`.
pub async fn read(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = subscription_id(&params);
    let mut world = sim.world();
    let urls = sim.urls(&world);
    let session = world
        .hub
        .with_subscription(p.owner, &id)
        .ok_or_else(|| ApiError::not_found("subscriptionId", &id))?;
    let sub = session
        .subscription
        .clone()
        .ok_or_else(|| ApiError::not_found("subscriptionId", &id))?;
    Ok(ok(info(&sub, sim.now(), &urls)))
}

/// `updateSubscription`: PUT /restapi/v1.0/subscription/{id} — replaces the event filters.
pub async fn update(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let id = subscription_id(&params);
    let mut world = sim.world();
    let urls = sim.urls(&world);
    let (request, parsed) = parse(&bytes, urls.account, urls.extension, &sim.scope())?;
    let session = world
        .hub
        .with_subscription(p.owner, &id)
        .ok_or_else(|| ApiError::not_found("subscriptionId", &id))?;
    let sub = session
        .subscription
        .as_mut()
        .ok_or_else(|| ApiError::not_found("subscriptionId", &id))?;
    sub.filters = request.event_filters;
    sub.parsed = parsed;
    sub.expires_in = request.expires_in.unwrap_or(sub.expires_in);
    let sub = sub.clone();
    Ok(ok(info(&sub, sim.now(), &urls)))
}

/// `deleteSubscription`: DELETE /restapi/v1.0/subscription/{id}.
pub async fn delete(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = subscription_id(&params);
    let mut world = sim.world();
    let session = world
        .hub
        .with_subscription(p.owner, &id)
        .ok_or_else(|| ApiError::not_found("subscriptionId", &id))?;
    session.subscription = None;
    Ok(StatusCode::NO_CONTENT.into_response())
}
