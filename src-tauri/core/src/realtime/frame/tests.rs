//! Frames as the notes document them (docs/ringcentral/API-NOTES.md §10.2), and hostile ones.

use serde_json::json;

use super::*;

#[test]
fn connection_details_with_recovery() {
    let frame = json!([
        {"type": "ConnectionDetails", "messageId": "m", "status": 200,
         "wsc": {"token": "RTFh", "sequence": 1}, "headers": {"RCRequestId": "r"}},
        {"creationTime": "2020-09-07T21:50:02.737+0000", "recoveryTimeout": 180,
         "idleTimeout": 1800, "recoveryState": "Failed", "recoveryErrorCode": "WSG-802"}
    ])
    .to_string();
    let Incoming::ConnectionDetails { wsc, details } = parse(&frame).expect("parses") else {
        panic!("the first frame is ConnectionDetails");
    };
    let wsc = wsc.expect("ConnectionDetails carries wsc");
    assert_eq!((wsc.token.expose(), wsc.sequence), ("RTFh", 1));
    assert_eq!(details.recovery_timeout, Some(180));
    assert_eq!(details.recovered, Some(false), "Failed means re-subscribe");
}

#[test]
fn notification_envelope_is_unwrapped() {
    let frame = json!([
        {"type": "ServerNotification", "messageId": "n", "status": 200,
         "wsc": {"token": "RTFh", "sequence": 7}},
        {"uuid": "u", "event": "/restapi/v1.0/account/1/extension/2/message-store/instant?type=SMS",
         "subscriptionId": "s-1", "ownerId": "2", "body": {"id": "42", "subject": "hi"}}
    ])
    .to_string();
    let Incoming::Notification {
        wsc,
        event,
        subscription_id,
        owner_id,
        body,
    } = parse(&frame).expect("parses")
    else {
        panic!("a ServerNotification");
    };
    assert_eq!(wsc.map(|w| w.sequence), Some(7), "the sequence moves on");
    assert!(event.ends_with("/message-store/instant?type=SMS"));
    assert_eq!(subscription_id.as_deref(), Some("s-1"));
    assert_eq!(
        owner_id.as_deref(),
        Some("2"),
        "the agent whose subscription it is"
    );
    assert_eq!(body["subject"], "hi", "the payload is the envelope's body");
}

#[test]
fn replies_errors_and_heartbeats() {
    let reply = json!([{"type": "ClientRequest", "messageId": "x", "status": 403},
        {"errors": [{"errorCode": "SUB-508", "message": "Invalid event filters"}]}])
    .to_string();
    let Incoming::Response {
        message_id,
        status,
        body,
    } = parse(&reply).expect("parses")
    else {
        panic!("a ClientRequest reply");
    };
    assert_eq!((message_id.as_str(), status), ("x", 403));
    assert_eq!(
        error_of(body.as_ref()),
        (Some("SUB-508".into()), "Invalid event filters".into())
    );
    let error = json!([{"type": "Error", "status": 400},
        {"errorCode": "WSG-902", "message": "Idle timeout expired"}])
    .to_string();
    assert_eq!(
        parse(&error).expect("parses"),
        Incoming::Error {
            code: Some("WSG-902".into()),
            message: "Idle timeout expired".into()
        }
    );
    assert_eq!(
        parse(&heartbeat("h")).expect("our own heartbeat reads back"),
        Incoming::Heartbeat
    );
}

#[test]
fn hostile_frames_are_errors_not_panics() {
    for frame in ["", "{}", "[]", "[1]", "null", "[{\"type\": 5}]", "\"x\""] {
        match parse(frame) {
            Ok(Incoming::Other) | Err(RealtimeError::Protocol(_)) => {}
            other => panic!("{frame:?} must be rejected or ignored, got {other:?}"),
        }
    }
}

#[test]
fn subscribe_request_has_the_documented_shape() {
    let filters = vec!["/restapi/v1.0/account/~/extension/~/message-store".to_string()];
    let sent: Value = serde_json::from_str(&subscribe("id-1", &filters)).expect("JSON");
    assert_eq!(sent[0]["type"], "ClientRequest");
    assert_eq!(sent[0]["messageId"], "id-1", "replies are matched by it");
    assert_eq!(sent[0]["path"], "/restapi/v1.0/subscription/");
    assert_eq!(sent[1]["deliveryMode"]["transportType"], "WebSocket");
    let id = message_id();
    assert_eq!(id.len(), 36, "UUID layout: {id}");
    assert_eq!(&id[14..15], "4", "version 4: {id}");
    assert_ne!(id, message_id(), "random");
}
