//! Answers to client frames: `ClientRequest` (subscriptions on this connection, any other REST
//! call tunnelled through the router) and `Heartbeat`.

use super::frames;
use super::hub::Subscription;
use crate::api_error::ApiError;
use crate::rest::subscription::{self, EXPIRES_IN};
use crate::sim::Sim;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Map, Value};
use std::sync::Arc;
use tower::ServiceExt;

/// The connection a frame arrived on.
#[derive(Clone, Debug)]
pub struct Connection {
    /// Its `wsc` token.
    pub wsc: String,
}

/// The frames to send back for one client frame.
pub async fn answer(sim: &Arc<Sim>, conn: &Connection, text: &str) -> Vec<String> {
    let Ok(Value::Array(parts)) = serde_json::from_str::<Value>(text) else {
        return vec![frames::error(
            "",
            400,
            "WSG-400",
            "Frame is not a JSON array",
        )];
    };
    let meta = parts.first().cloned().unwrap_or(Value::Null);
    let body = parts.get(1).cloned();
    let message_id = meta
        .get("messageId")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    match meta.get("type").and_then(Value::as_str) {
        Some("Heartbeat") => vec![frames::heartbeat(&message_id)],
        Some("ClientRequest") => vec![client_request(sim, conn, &meta, body, &message_id).await],
        _ => vec![frames::error(
            &message_id,
            400,
            "WSG-400",
            "Unsupported frame type",
        )],
    }
}

fn error_reply(message_id: &str, e: &ApiError, request_id: &str) -> String {
    frames::client_response(
        message_id,
        e.status().as_u16(),
        Map::new(),
        Some(e.body()),
        request_id,
    )
}

async fn client_request(
    sim: &Arc<Sim>,
    conn: &Connection,
    meta: &Value,
    body: Option<Value>,
    message_id: &str,
) -> String {
    let method = meta
        .get("method")
        .and_then(Value::as_str)
        .unwrap_or("GET")
        .to_ascii_uppercase();
    let path = meta.get("path").and_then(Value::as_str).unwrap_or("");
    let request_id = sim.world().ids.uuid();
    let trimmed = path.split('?').next().unwrap_or("").trim_end_matches('/');
    if method == "POST" && trimmed == "/restapi/v1.0/subscription" {
        return match subscribe(sim, conn, body) {
            Ok((id, info)) => {
                let mut headers = Map::new();
                headers.insert("WSG-SubscriptionId".into(), Value::String(id));
                frames::client_response(message_id, 200, headers, Some(info), &request_id)
            }
            Err(e) => error_reply(message_id, &e, &request_id),
        };
    }
    let request = Tunnelled {
        method: &method,
        path,
        query: meta.get("query"),
        body,
    };
    let ids = Ids {
        message: message_id,
        request: &request_id,
    };
    tunnel(sim, conn, request, ids).await
}

/// A REST request carried in a `ClientRequest` frame.
struct Tunnelled<'a> {
    method: &'a str,
    path: &'a str,
    query: Option<&'a Value>,
    body: Option<Value>,
}

/// The ids a reply frame carries.
struct Ids<'a> {
    message: &'a str,
    request: &'a str,
}

/// Creates (or replaces: one per connection) the subscription of this connection.
fn subscribe(
    sim: &Arc<Sim>,
    conn: &Connection,
    body: Option<Value>,
) -> Result<(String, Value), ApiError> {
    let bytes = serde_json::to_vec(&body.unwrap_or(Value::Null)).unwrap_or_default();
    let now = sim.now();
    let mut world = sim.world();
    let urls = sim.urls(&world);
    let (request, parsed) =
        subscription::parse(&bytes, urls.account, urls.extension, &sim.scope())?;
    if let Some(mode) = request
        .delivery_mode
        .as_ref()
        .filter(|m| m.transport_type != "WebSocket")
    {
        return Err(ApiError::invalid_parameter(
            "deliveryMode.transportType",
            Some(&mode.transport_type),
        ));
    }
    let id = world.ids.uuid();
    let sub = Subscription {
        id: id.clone(),
        filters: request.event_filters,
        parsed,
        created: now,
        expires_in: request.expires_in.unwrap_or(EXPIRES_IN),
    };
    let info = subscription::info(&sub, now, &urls);
    let session = world.hub.session_mut(&conn.wsc).ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "WSG-100",
            "WebSocket session not found",
        )
    })?;
    session.subscription = Some(sub);
    Ok((id, info))
}

fn query_string(query: Option<&Value>) -> String {
    match query {
        Some(Value::String(s)) => s.trim_start_matches('?').to_owned(),
        Some(Value::Object(map)) => {
            let mut out = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in map {
                match v {
                    Value::Array(items) => items.iter().for_each(|i| {
                        out.append_pair(k, &plain(i));
                    }),
                    other => {
                        out.append_pair(k, &plain(other));
                    }
                }
            }
            out.finish()
        }
        _ => String::new(),
    }
}

fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Runs a REST request through the router as the connection's OAuth session.
async fn tunnel(sim: &Arc<Sim>, conn: &Connection, req: Tunnelled<'_>, ids: Ids<'_>) -> String {
    let Tunnelled {
        method,
        path,
        query,
        body,
    } = req;
    let Ids {
        message: message_id,
        request: request_id,
    } = ids;
    let access = sim.world().ws_access_token(&conn.wsc);
    let Some(access) = access else {
        let e = ApiError::new(StatusCode::UNAUTHORIZED, "OAU-213", "Token not found");
        return error_reply(message_id, &e, request_id);
    };
    let extra = query_string(query);
    let uri = match (path.contains('?'), extra.is_empty()) {
        (_, true) => path.to_owned(),
        (true, false) => format!("{path}&{extra}"),
        (false, false) => format!("{path}?{extra}"),
    };
    let method = Method::from_bytes(method.as_bytes()).unwrap_or(Method::GET);
    let payload = body
        .map(|b| serde_json::to_vec(&b).unwrap_or_default())
        .unwrap_or_default();
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {access}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(payload));
    let (Ok(mut request), Some(router)) = (request, sim.router.get().cloned()) else {
        return error_reply(
            message_id,
            &ApiError::invalid_parameter("path", Some(path)),
            request_id,
        );
    };
    crate::routes::trim_trailing_slash(&mut request);
    let Ok(response) = router.oneshot(request).await;
    let status = response.status().as_u16();
    let mut headers = Map::new();
    for (name, value) in response.headers() {
        if let Ok(v) = value.to_str() {
            headers.insert(name.as_str().to_owned(), Value::String(v.to_owned()));
        }
    }
    let bytes = response
        .into_body()
        .collect()
        .await
        .map(|c| c.to_bytes())
        .unwrap_or_default();
    let body = serde_json::from_slice::<Value>(&bytes).ok();
    frames::client_response(message_id, status, headers, body, request_id)
}
