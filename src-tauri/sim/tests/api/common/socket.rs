//! The notification WebSocket from a client's side: connect, read frames, subscribe.

use super::spec::Spec;
use super::Api;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

/// A client WebSocket to the simulator.
pub type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens the notification WebSocket with a fresh `ws_access_token` (recovering `wsc`).
pub async fn connect(api: &Api, wsc: Option<&str>) -> Socket {
    let token = api.post("/restapi/oauth/wstoken", json!({})).await;
    assert_eq!(token.status, 200, "wstoken: {}", token.text);
    let mut url = format!(
        "{}?access_token={}",
        token.json["uri"].as_str().unwrap_or(""),
        token.json["ws_access_token"].as_str().unwrap_or("")
    );
    if let Some(wsc) = wsc {
        url.push_str(&format!("&wsc={wsc}"));
    }
    let (socket, _) = tokio_tungstenite::connect_async(url)
        .await
        .unwrap_or_else(|e| panic!("WebSocket connects: {e}"));
    socket
}

/// The next JSON text frame (skipping pings), within 5 s.
pub async fn next(socket: &mut Socket) -> Value {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .unwrap_or_else(|_| panic!("a frame arrives in time"));
        match frame {
            Some(Ok(Message::Text(text))) => {
                return serde_json::from_str(text.as_str()).unwrap_or(Value::Null)
            }
            Some(Ok(Message::Close(_))) | None => return Value::Null,
            Some(Ok(_)) => continue,
            Some(Err(e)) => panic!("socket error: {e}"),
        }
    }
}

/// Sends a JSON text frame.
pub async fn send(socket: &mut Socket, frame: Value) {
    socket
        .send(Message::Text(frame.to_string().into()))
        .await
        .unwrap_or_else(|e| panic!("send: {e}"));
}

/// Subscribes the connection to `filters`; answers the reply frame.
pub async fn subscribe(socket: &mut Socket, filters: &[&str]) -> Value {
    let meta = json!({ "type": "ClientRequest", "messageId": "sub-1", "method": "POST", "path": "/restapi/v1.0/subscription/" });
    send(socket, json!([meta, { "eventFilters": filters, "deliveryMode": { "transportType": "WebSocket" } }])).await;
    next(socket).await
}

/// Panics unless `value` matches the spec's schema `name`.
pub fn valid(name: &str, value: &Value) {
    if let Err(e) = Spec::get().validate_named(name, value) {
        panic!("{name} does not match the spec: {e}\n{value}");
    }
}
