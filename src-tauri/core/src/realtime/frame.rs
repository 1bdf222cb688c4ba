//! The notification WebSocket's frames: every frame is a JSON array `[meta, body?]`, `meta.type`
//! one of `ConnectionDetails`, `ClientRequest`, `ServerNotification`, `Heartbeat`, `Error`.
//! Reading never panics on what the server sends: anything unexpected is a
//! [`RealtimeError::Protocol`] or [`Incoming::Other`].

use serde_json::{json, Map, Value};

use super::error::RealtimeError;
use crate::secret::Secret;

/// `meta.wsc`: the session-recovery token and the frame's sequence number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wsc {
    /// The recovery token (a secret: it reattaches the session).
    pub token: Secret,
    /// Increases with every frame of the session.
    pub sequence: u64,
}

/// The body of `ConnectionDetails`, as far as ringdesk uses it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Details {
    /// Seconds a dropped session stays recoverable.
    pub recovery_timeout: Option<u64>,
    /// Seconds without client frames before `WSG-902`.
    pub idle_timeout: Option<u64>,
    /// `Some(true)` for `recoveryState: Successful`, `Some(false)` for `Failed`, `None` when no
    /// recovery was asked for.
    pub recovered: Option<bool>,
}

/// A frame from the server.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Incoming {
    /// The first frame of a connection.
    ConnectionDetails { wsc: Option<Wsc>, details: Details },
    /// The answer to one of our `ClientRequest`s (same `messageId`).
    Response {
        message_id: String,
        status: u16,
        body: Option<Value>,
    },
    /// A notification: the envelope's `event`, `subscriptionId`, `ownerId` and `body`.
    Notification {
        wsc: Option<Wsc>,
        event: String,
        subscription_id: Option<String>,
        /// `ownerId`: the extension whose subscription it is (the agent).
        owner_id: Option<String>,
        body: Value,
    },
    /// The echo of our `Heartbeat`.
    Heartbeat,
    /// `Error` (`WSG-902` idle timeout, `WSG-903` absolute timeout …); the server disconnects.
    Error {
        code: Option<String>,
        message: String,
    },
    /// A frame type ringdesk does not use.
    Other,
}

fn text(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_str).map(str::to_owned)
}

fn wsc(meta: &Value) -> Option<Wsc> {
    let wsc = meta.get("wsc")?;
    Some(Wsc {
        token: Secret::new(wsc.get("token")?.as_str()?),
        sequence: wsc.get("sequence").and_then(Value::as_u64).unwrap_or(0),
    })
}

/// Reads one text frame.
pub(crate) fn parse(frame: &str) -> Result<Incoming, RealtimeError> {
    let value: Value = serde_json::from_str(frame)
        .map_err(|e| RealtimeError::Protocol(format!("not JSON: {e}")))?;
    let Value::Array(mut parts) = value else {
        return Err(RealtimeError::Protocol("not a [meta, body] array".into()));
    };
    if parts.is_empty() {
        return Err(RealtimeError::Protocol("an empty frame".into()));
    }
    let body = (parts.len() > 1).then(|| parts.swap_remove(1));
    let meta = parts.swap_remove(0);
    let kind = meta.get("type").and_then(Value::as_str).unwrap_or_default();
    let status = meta.get("status").and_then(Value::as_u64).unwrap_or(200);
    Ok(match kind {
        "ConnectionDetails" => {
            let body = body.unwrap_or(Value::Null);
            Incoming::ConnectionDetails {
                wsc: wsc(&meta),
                details: Details {
                    recovery_timeout: body.get("recoveryTimeout").and_then(Value::as_u64),
                    idle_timeout: body.get("idleTimeout").and_then(Value::as_u64),
                    recovered: body
                        .get("recoveryState")
                        .and_then(Value::as_str)
                        .map(|state| state.eq_ignore_ascii_case("Successful")),
                },
            }
        }
        "ClientRequest" => Incoming::Response {
            message_id: text(meta.get("messageId")).unwrap_or_default(),
            status: u16::try_from(status).unwrap_or(0),
            body,
        },
        "ServerNotification" => {
            let mut envelope = body.unwrap_or(Value::Null);
            Incoming::Notification {
                wsc: wsc(&meta),
                event: text(envelope.get("event")).unwrap_or_default(),
                subscription_id: text(envelope.get("subscriptionId")),
                owner_id: text(envelope.get("ownerId")),
                body: envelope
                    .get_mut("body")
                    .map(Value::take)
                    .unwrap_or_default(),
            }
        }
        "Heartbeat" => Incoming::Heartbeat,
        "Error" => {
            let body = body.unwrap_or(Value::Null);
            Incoming::Error {
                code: text(body.get("errorCode")),
                message: text(body.get("message")).unwrap_or_else(|| "error".into()),
            }
        }
        _ => Incoming::Other,
    })
}

/// `ClientRequest POST /restapi/v1.0/subscription/` for `filters` over this socket.
pub(crate) fn subscribe(message_id: &str, filters: &[String]) -> String {
    json!([
        {"type": "ClientRequest", "messageId": message_id, "method": "POST",
         "path": "/restapi/v1.0/subscription/"},
        {"eventFilters": filters, "deliveryMode": {"transportType": "WebSocket"}}
    ])
    .to_string()
}

/// A client `Heartbeat`.
pub(crate) fn heartbeat(message_id: &str) -> String {
    json!([{"type": "Heartbeat", "messageId": message_id}]).to_string()
}

/// A fresh random `messageId` (a UUID v4).
pub(crate) fn message_id() -> String {
    let mut bytes: [u8; 16] = rand::random();
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The subscription id of a subscription reply: `body.id`, else none.
pub(crate) fn subscription_id(body: Option<&Value>) -> Option<String> {
    text(body?.get("id"))
}

/// `errorCode` and message of an error reply body (`{errors:[{errorCode,message}]}` or flat).
pub(crate) fn error_of(body: Option<&Value>) -> (Option<String>, String) {
    let empty = Map::new();
    let body = body.and_then(Value::as_object).unwrap_or(&empty);
    let first = body
        .get("errors")
        .and_then(Value::as_array)
        .and_then(|e| e.first())
        .and_then(Value::as_object)
        .unwrap_or(body);
    let code = text(first.get("errorCode")).or_else(|| text(body.get("errorCode")));
    let message = text(first.get("message"))
        .or_else(|| text(body.get("message")))
        .unwrap_or_else(|| "refused".into());
    (code, message)
}

#[cfg(test)]
mod tests;
