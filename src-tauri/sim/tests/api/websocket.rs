//! The notification WebSocket: connection details, subscriptions over the socket, notifications,
//! heartbeats, REST tunnelling, recovery after a dropped connection, and timeouts.

use crate::common::socket::{connect, next, send, subscribe, valid};
use crate::common::spec::Spec;
use crate::common::{config, logged_in, EXT};
use futures_util::{SinkExt, StreamExt};
use reqwest::Method;
use ringcentral_sim::SimConfig;
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

#[tokio::test]
async fn subscribe_and_receive_inbound_sms_and_message_events() {
    let (_sim, api) = logged_in(config()).await;
    let mut socket = connect(&api, None).await;
    let details = next(&mut socket).await;
    assert_eq!(
        details[0]["type"], "ConnectionDetails",
        "ConnectionDetails comes first"
    );
    assert!(
        details[0]["wsc"]["token"].is_string() && details[0]["wsc"]["sequence"].is_number(),
        "with a wsc token and sequence"
    );
    let reply = subscribe(
        &mut socket,
        &[
            "/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS",
            "/restapi/v1.0/account/~/extension/~/message-store",
        ],
    )
    .await;
    assert_eq!(
        (
            reply[0]["type"].as_str(),
            reply[0]["messageId"].as_str(),
            reply[0]["status"].as_i64()
        ),
        (Some("ClientRequest"), Some("sub-1"), Some(200)),
        "reply correlates by messageId"
    );
    assert_eq!(
        reply[0]["headers"]["WSG-SubscriptionId"], reply[1]["id"],
        "the Python SDK needs WSG-SubscriptionId"
    );
    valid("SubscriptionInfo", &reply[1]);
    api.admin()
        .inbound_sms("+14155550125", "ping over ws")
        .await;
    let mut kinds = Vec::new();
    for _ in 0..2 {
        let frame = next(&mut socket).await;
        assert_eq!(
            frame[0]["type"], "ServerNotification",
            "notifications follow"
        );
        assert_eq!(
            frame[1]["subscriptionId"], reply[1]["id"],
            "for our subscription"
        );
        let event = frame[1]["event"].as_str().unwrap_or("").to_owned();
        if event.contains("instant") {
            valid("InstantMessageEvent", &frame[1]);
            assert_eq!(
                frame[1]["body"]["subject"], "ping over ws",
                "the SMS text arrives"
            );
        } else {
            valid("MessageEvent", &frame[1]);
        }
        kinds.push(event);
    }
    assert_eq!(kinds.len(), 2, "one instant and one message-store event");
    send(
        &mut socket,
        json!([{ "type": "Heartbeat", "messageId": "hb-1" }]),
    )
    .await;
    let echo = next(&mut socket).await;
    assert_eq!(
        (echo[0]["type"].as_str(), echo[0]["messageId"].as_str()),
        (Some("Heartbeat"), Some("hb-1")),
        "heartbeats are echoed"
    );
}

#[tokio::test]
async fn rest_over_the_socket_and_presence_events() {
    let (_sim, api) = logged_in(config()).await;
    let mut socket = connect(&api, None).await;
    next(&mut socket).await;
    subscribe(
        &mut socket,
        &["/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true"],
    )
    .await;
    send(
        &mut socket,
        json!([{ "type": "ClientRequest", "messageId": "get-1", "method": "GET", "path": EXT }]),
    )
    .await;
    let ext = next(&mut socket).await;
    assert_eq!(
        (ext[0]["messageId"].as_str(), ext[0]["status"].as_i64()),
        (Some("get-1"), Some(200)),
        "REST tunnelled over the socket"
    );
    Spec::get()
        .validate_response("GET", EXT, 200, &ext[1])
        .unwrap_or_else(|e| panic!("tunnelled body matches the spec: {e}"));
    api.send(
        Method::PUT,
        &format!("{EXT}/presence"),
        Some(json!({ "userStatus": "Busy" })),
    )
    .await;
    let event = next(&mut socket).await;
    valid("DetailedExtensionPresenceEvent", &event[1]);
    assert_eq!(
        event[1]["body"]["userStatus"], "Busy",
        "presence change is pushed"
    );
    let list = api.get("/restapi/v1.0/subscription").await;
    let id = list.json["records"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        api.get(&format!("/restapi/v1.0/subscription/{id}"))
            .await
            .status,
        200,
        "the subscription is visible over REST"
    );
    assert_eq!(
        api.post(&format!("/restapi/v1.0/subscription/{id}/renew"), json!({}))
            .await
            .status,
        200,
        "renew"
    );
    let bad = api
        .send(
            Method::PUT,
            &format!("/restapi/v1.0/subscription/{id}"),
            Some(json!({ "eventFilters": ["/restapi/v1.0/glip/posts"] })),
        )
        .await;
    assert_eq!(bad.code(), "SUB-508", "unsupported filters are refused");
    assert_eq!(
        api.send(
            Method::DELETE,
            &format!("/restapi/v1.0/subscription/{id}"),
            None
        )
        .await
        .status,
        204,
        "delete"
    );
    let webhook = api.post("/restapi/v1.0/subscription", json!({ "eventFilters": ["/restapi/v1.0/account/~/extension/~/presence"], "deliveryMode": { "transportType": "WebHook", "address": "https://example.com/hook" } })).await;
    assert_eq!(webhook.status, 403, "WebHook delivery is not simulated");
}

#[tokio::test]
async fn recovery_replays_missed_events_after_a_drop() {
    let (_sim, api) = logged_in(config()).await;
    let mut socket = connect(&api, None).await;
    let details = next(&mut socket).await;
    let wsc = details[0]["wsc"]["token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    subscribe(
        &mut socket,
        &["/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS"],
    )
    .await;
    let dropped = api.admin().drop_sockets().await;
    assert_eq!(dropped, 1, "one live connection dropped");
    let closed = tokio::time::timeout(Duration::from_secs(5), socket.next())
        .await
        .unwrap_or(None);
    assert!(
        !matches!(closed, Some(Ok(Message::Text(_)))),
        "the socket is gone"
    );
    api.admin()
        .inbound_sms("+14155550126", "while you were away")
        .await;
    let mut again = connect(&api, Some(&wsc)).await;
    let recovered = next(&mut again).await;
    assert_eq!(
        recovered[1]["recoveryState"], "Successful",
        "recovery within the window succeeds"
    );
    let missed = next(&mut again).await;
    assert_eq!(
        missed[1]["body"]["subject"], "while you were away",
        "the missed event is replayed"
    );
    let mut fresh = connect(&api, Some("bogus")).await;
    assert_eq!(
        next(&mut fresh).await[1]["recoveryState"],
        "Failed",
        "an unknown wsc fails recovery"
    );
}

#[tokio::test]
async fn idle_timeout_and_single_use_tokens() {
    let mut cfg = config();
    cfg.ws.idle_timeout = Duration::from_millis(300);
    let (_sim, api) = logged_in(SimConfig { ..cfg }).await;
    let mut socket = connect(&api, None).await;
    next(&mut socket).await;
    let error = next(&mut socket).await;
    assert_eq!(
        (error[0]["type"].as_str(), error[1]["errorCode"].as_str()),
        (Some("Error"), Some("WSG-902")),
        "idle connections get WSG-902"
    );
    let token = api.post("/restapi/oauth/wstoken", json!({})).await;
    let url = format!(
        "{}?access_token={}",
        token.json["uri"].as_str().unwrap_or(""),
        token.json["ws_access_token"].as_str().unwrap_or("")
    );
    assert!(
        tokio_tungstenite::connect_async(url.clone()).await.is_ok(),
        "first use works"
    );
    assert!(
        tokio_tungstenite::connect_async(url).await.is_err(),
        "WS tokens are single-use"
    );
}

#[tokio::test]
async fn presence_follows_a_ringout_call() {
    let (_sim, api) = logged_in(config()).await;
    let mut socket = connect(&api, None).await;
    next(&mut socket).await;
    subscribe(
        &mut socket,
        &["/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true"],
    )
    .await;
    api.post(&format!("{EXT}/ring-out"), json!({ "from": { "phoneNumber": "+16505550110" }, "to": { "phoneNumber": "+14155550120" } })).await;
    let mut seen = Vec::new();
    while seen.last().map(String::as_str) != Some("NoCall") || seen.len() < 2 {
        let frame = next(&mut socket).await;
        valid("DetailedExtensionPresenceEvent", &frame[1]);
        seen.push(
            frame[1]["body"]["telephonyStatus"]
                .as_str()
                .unwrap_or("")
                .to_owned(),
        );
    }
    assert_eq!(
        seen,
        ["Ringing", "CallConnected", "NoCall"],
        "telephony status follows the call"
    );
}

#[tokio::test]
async fn absolute_timeout_ends_even_a_busy_connection() {
    let mut cfg = config();
    cfg.ws.absolute_timeout = Duration::from_millis(400);
    let (_sim, api) = logged_in(cfg).await;
    let mut socket = connect(&api, None).await;
    next(&mut socket).await;
    let mut frame = Value::Null;
    for i in 0..40 {
        send(
            &mut socket,
            json!([{ "type": "Heartbeat", "messageId": format!("hb-{i}") }]),
        )
        .await;
        frame = next(&mut socket).await;
        if frame[0]["type"] == "Error" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        frame[1]["errorCode"], "WSG-903",
        "the absolute timeout ends the connection: {frame}"
    );
}

#[tokio::test]
async fn pings_are_answered_and_the_server_pings() {
    let mut cfg = config();
    cfg.ws.ping_interval = Duration::from_millis(200);
    let (_sim, api) = logged_in(cfg).await;
    let mut socket = connect(&api, None).await;
    next(&mut socket).await;
    socket
        .send(Message::Ping(b"are you there".to_vec().into()))
        .await
        .unwrap_or_else(|e| panic!("ping: {e}"));
    let (mut pong, mut ping) = (false, false);
    while !(pong && ping) {
        match tokio::time::timeout(Duration::from_secs(5), socket.next()).await {
            Ok(Some(Ok(Message::Pong(data)))) => pong |= data.as_ref() == b"are you there",
            Ok(Some(Ok(Message::Ping(_)))) => ping = true,
            Ok(Some(Ok(_))) => {}
            other => panic!("expected a pong and a server ping, got {other:?}"),
        }
    }
}
