//! WebSocket frames: every frame is a JSON array `[meta, body?]`.

use crate::config::WsConfig;
use serde_json::{json, Value};

/// `meta.wsc`: the session-recovery token and the frame sequence number.
pub fn wsc(token: &str, sequence: u64) -> Value {
    json!({ "token": token, "sequence": sequence })
}

/// The first frame of a connection. `recovery` is `Some(successful)` when the client asked to
/// recover a session.
pub fn connection_details(
    message_id: &str,
    wsc_meta: Value,
    config: &WsConfig,
    created: &str,
    recovery: Option<bool>,
) -> String {
    let mut body = json!({
        "creationTime": created,
        "maxConnectionsPerSession": 50,
        "recoveryBufferSize": 100,
        "recoveryTimeout": config.recovery_timeout.as_secs(),
        "idleTimeout": config.idle_timeout.as_secs(),
        "absoluteTimeout": config.absolute_timeout.as_secs(),
        "maxActiveRequests": 10,
    });
    match recovery {
        Some(true) => body["recoveryState"] = json!("Successful"),
        Some(false) => {
            body["recoveryState"] = json!("Failed");
            body["recoveryErrorCode"] = json!("WSG-802");
        }
        None => {}
    }
    let meta = json!({
        "type": "ConnectionDetails",
        "messageId": message_id,
        "status": 200,
        "wsc": wsc_meta,
        "headers": { "RCRequestId": message_id },
    });
    json!([meta, body]).to_string()
}

/// A server notification for a subscription.
pub fn notification(message_id: &str, wsc_meta: Value, payload: &Value) -> String {
    let meta = json!({
        "type": "ServerNotification",
        "messageId": message_id,
        "status": 200,
        "headers": { "RCRequestId": message_id },
        "wsc": wsc_meta,
    });
    json!([meta, payload]).to_string()
}

/// The reply to a `ClientRequest`, correlated by `messageId`.
pub fn client_response(
    message_id: &str,
    status: u16,
    mut headers: serde_json::Map<String, Value>,
    body: Option<Value>,
    request_id: &str,
) -> String {
    headers.insert("RCRequestId".into(), json!(request_id));
    headers
        .entry("Content-Type")
        .or_insert(json!("application/json"));
    let meta = json!({ "type": "ClientRequest", "messageId": message_id, "status": status, "headers": headers });
    match body {
        Some(body) => json!([meta, body]),
        None => json!([meta]),
    }
    .to_string()
}

/// An `Error` frame (`{errorCode, message}` body).
pub fn error(message_id: &str, status: u16, code: &str, message: &str) -> String {
    let meta = json!({ "type": "Error", "messageId": message_id, "status": status, "headers": { "RCRequestId": message_id } });
    json!([meta, { "errorCode": code, "message": message }]).to_string()
}

/// The echo of a client `Heartbeat`.
pub fn heartbeat(message_id: &str) -> String {
    json!([{ "type": "Heartbeat", "messageId": message_id, "status": 200 }]).to_string()
}
