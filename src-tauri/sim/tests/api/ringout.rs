//! RingOut over HTTP: progression to Success and into the call log, magic outcomes, cancel.

use crate::common::{config, logged_in, poll, EXT};
use reqwest::Method;
use serde_json::json;

async fn place(api: &crate::common::Api, from: &str, to: &str) -> String {
    let reply = api.post(&format!("{EXT}/ring-out"), json!({ "from": { "phoneNumber": from }, "to": { "phoneNumber": to }, "playPrompt": false })).await;
    assert_eq!(reply.status, 200, "RingOut placed: {}", reply.text);
    assert_eq!(
        reply.json["status"]["callStatus"], "InProgress",
        "a new call is in progress"
    );
    reply.json["id"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_call_connects_finishes_and_enters_the_call_log() {
    let (_sim, api) = logged_in(config()).await;
    let id = place(&api, "+16505550110", "+14155550120").await;
    let path = format!("{EXT}/ring-out/{id}");
    let connected = poll(&api, &path, |s| s["status"]["calleeStatus"] == "Success").await;
    assert_eq!(
        connected["status"]["callStatus"], "Success",
        "both legs connected"
    );
    poll(&api, &path, |s| s["status"]["callerStatus"] == "Finished").await;
    let log = api
        .get(&format!("{EXT}/call-log?view=Detailed&perPage=5"))
        .await;
    let record = &log.json["records"][0];
    assert_eq!(
        (record["action"].as_str(), record["result"].as_str()),
        (Some("RingOut Web"), Some("Call connected")),
        "the newest record is our call"
    );
    let legs = record["legs"].as_array().cloned().unwrap_or_default();
    assert_eq!(legs.len(), 2, "a RingOut record has two legs");
    assert!(
        record["sessionId"].is_string(),
        "one sessionId groups the legs"
    );
    let one = api
        .get(&format!(
            "{EXT}/call-log/{}",
            record["id"].as_str().unwrap_or("")
        ))
        .await;
    assert_eq!(one.json["id"], record["id"], "the record can be read by id");
}

#[tokio::test]
async fn magic_numbers_reach_every_user_facing_status() {
    let (_sim, api) = logged_in(config()).await;
    for (from, to, call_status) in [
        ("+16505550110", "+16505550150", "Busy"),
        ("+16505550110", "+16505550151", "NoAnswer"),
        ("+16505550110", "+16505550152", "Rejected"),
        ("+16505550110", "+16505550153", "CannotReach"),
        ("+16505550110", "+16505550154", "InternationalDisabled"),
        ("+16505550110", "+16505550155", "DestinationBlocked"),
        ("+16505550160", "+14155550120", "NoAnswer"),
        ("+16505550161", "+14155550120", "Busy"),
    ] {
        let id = place(&api, from, to).await;
        let end = poll(&api, &format!("{EXT}/ring-out/{id}"), |s| {
            s["status"]["callStatus"] != "InProgress"
        })
        .await;
        assert_eq!(end["status"]["callStatus"], call_status, "{from} → {to}");
    }
}

#[tokio::test]
async fn cancel_before_connection_and_forwarding_number_ids() {
    let (_sim, api) = logged_in(config()).await;
    let fwd = api.get(&format!("{EXT}/forwarding-number")).await;
    let fwd_id = fwd.json["records"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let reply = api.post(&format!("{EXT}/ring-out"), json!({ "from": { "forwardingNumberId": fwd_id }, "to": { "phoneNumber": "(415) 555-0121" }, "callerId": { "phoneNumber": "+16505550101" } })).await;
    assert_eq!(
        reply.status, 200,
        "from a forwarding number id, national format callee: {}",
        reply.text
    );
    let id = reply.json["id"].as_str().unwrap_or_default();
    let cancel = api
        .send(Method::DELETE, &format!("{EXT}/ring-out/{id}"), None)
        .await;
    assert_eq!(cancel.status, 204, "cancel answers 204");
    assert_eq!(
        api.get(&format!("{EXT}/ring-out/{id}")).await.status,
        404,
        "a cancelled RingOut is gone"
    );
    assert_eq!(
        api.send(Method::DELETE, &format!("{EXT}/ring-out/{id}"), None)
            .await
            .status,
        404,
        "cancelling twice is 404"
    );
}

#[tokio::test]
async fn bad_ringout_requests() {
    let (_sim, api) = logged_in(config()).await;
    let missing_to = api
        .post(
            &format!("{EXT}/ring-out"),
            json!({ "from": { "phoneNumber": "+16505550110" } }),
        )
        .await;
    assert_eq!(
        (
            missing_to.status,
            missing_to.json["errors"][0]["parameterName"].as_str()
        ),
        (400, Some("to")),
        "to is required"
    );
    let garbage = api.post(&format!("{EXT}/ring-out"), json!({ "from": { "phoneNumber": "+16505550110" }, "to": { "phoneNumber": "call me" } })).await;
    assert_eq!(
        (garbage.status, garbage.code()),
        (400, "CMN-101"),
        "invalid numbers are 400"
    );
    let wrong_type = api
        .post(
            &format!("{EXT}/ring-out"),
            json!({ "from": "+16505550110", "to": { "phoneNumber": "+14155550120" } }),
        )
        .await;
    assert_eq!(wrong_type.status, 400, "wrong types are 400");
    let caller_id = api.post(&format!("{EXT}/ring-out"), json!({ "from": { "phoneNumber": "+16505550110" }, "to": { "phoneNumber": "+14155550120" }, "callerId": { "phoneNumber": "+16505550102" } })).await;
    assert_eq!(
        caller_id.json["errors"][0]["parameterName"], "callerId.phoneNumber",
        "a number without CallerId cannot be the caller ID"
    );
    assert_eq!(
        api.get(&format!("{EXT}/ring-out/nope")).await.status,
        404,
        "unknown ids are 404"
    );
}

#[tokio::test]
async fn a_manual_clock_steps_through_every_phase() {
    let clock = std::sync::Arc::new(ringcentral_sim::ManualClock::new(chrono::Utc::now()));
    let cfg = ringcentral_sim::SimConfig {
        clock: Some(clock.clone()),
        timing: ringcentral_sim::TimingMode::Realistic,
        ..config()
    };
    let (_sim, api) = logged_in(cfg).await;
    let id = place(&api, "+16505550110", "+14155550120").await;
    let path = format!("{EXT}/ring-out/{id}");
    let presence = format!("{EXT}/presence?detailedTelephonyState=true");
    let step = |secs| clock.advance(std::time::Duration::from_secs(secs));
    assert_eq!(
        api.get(&presence).await.json["telephonyStatus"],
        "Ringing",
        "the caller's phone rings"
    );
    step(4);
    assert_eq!(
        api.get(&path).await.json["status"]["callerStatus"],
        "Success",
        "after 4 s the caller answered"
    );
    step(5);
    assert_eq!(
        api.get(&path).await.json["status"]["calleeStatus"],
        "Success",
        "after 5 more the callee answered"
    );
    let live = api.get(&presence).await;
    assert_eq!(
        live.json["telephonyStatus"], "CallConnected",
        "presence shows the call"
    );
    let outbound = live.json["activeCalls"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["direction"] == "Outbound");
    assert_eq!(
        outbound.map(|c| c["to"].clone()),
        Some(serde_json::json!("+14155550120")),
        "as an active call (the outbound of its two legs)"
    );
    step(30);
    assert_eq!(
        api.get(&path).await.json["status"]["callerStatus"],
        "Finished",
        "after the talk time it is over"
    );
    assert_eq!(
        api.get(&presence).await.json["telephonyStatus"],
        "NoCall",
        "and presence is back to NoCall"
    );
    let log = api.get(&format!("{EXT}/call-log?perPage=1")).await;
    assert_eq!(
        log.json["records"][0]["duration"], 39,
        "the record spans the whole call (4 + 5 + 30 s)"
    );
}
