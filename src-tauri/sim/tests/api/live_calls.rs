//! Live calls: inbound calls from the admin API through detailed presence, telephony-session
//! events and the call log; a RingOut's two legs; Call Control; presence set from another
//! device. Every answer and event is checked against the spec.

use crate::common::socket::{connect, next, subscribe, valid, Socket};
use crate::common::{config, logged_in, poll, validate, Api, EXT};
use reqwest::Method;
use ringcentral_sim::SimConfig;
use serde_json::{json, Value};

const PRESENCE: &str = "/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true";
const SESSIONS: &str = "/restapi/v1.0/account/~/extension/~/telephony/sessions";
const CALLER: &str = "+14155550188";
const SESSION_PATH: &str = "/restapi/v1.0/account/~/telephony/sessions";

/// A signed-in client with a socket subscribed to detailed presence and telephony sessions.
async fn listening(config: SimConfig) -> (ringcentral_sim::RunningSim, Api, Socket) {
    let (sim, api) = logged_in(config).await;
    let mut socket = connect(&api, None).await;
    next(&mut socket).await;
    let reply = subscribe(&mut socket, &[PRESENCE, SESSIONS]).await;
    assert_eq!(reply[0]["status"], 200, "subscribed: {reply}");
    (sim, api, socket)
}

/// Reads notifications until `done` holds for the bodies of one kind, checking each against
/// the spec; answers (presence bodies, telephony-session bodies).
async fn follow(
    socket: &mut Socket,
    done: impl Fn(&[Value], &[Value]) -> bool,
) -> (Vec<Value>, Vec<Value>) {
    let (mut presence, mut sessions) = (Vec::new(), Vec::new());
    while !done(&presence, &sessions) {
        let frame = next(socket).await;
        let event = frame[1]["event"].as_str().unwrap_or_default();
        if event.contains("telephony/sessions") {
            valid("ExtensionTelephonySessionsEvent", &frame[1]);
            sessions.push(frame[1]["body"].clone());
        } else if event.contains("presence") {
            valid("DetailedExtensionPresenceEvent", &frame[1]);
            presence.push(frame[1]["body"].clone());
        }
    }
    (presence, sessions)
}

/// The agent's party code in each telephony-session body.
fn own_codes(sessions: &[Value]) -> Vec<String> {
    sessions
        .iter()
        .filter_map(|b| {
            b["parties"]
                .as_array()?
                .iter()
                .find(|p| p["extensionId"].is_string())
                .and_then(|p| p["status"]["code"].as_str())
                .map(str::to_owned)
        })
        .collect()
}

fn ended(sessions: &[Value]) -> bool {
    own_codes(sessions).last().map(String::as_str) == Some("Disconnected")
}

/// The call-log record of session `session_id`, once it is there.
async fn logged(api: &Api, session_id: &str) -> Value {
    let path = format!("{EXT}/call-log?sessionId={session_id}&view=Detailed");
    let page = poll(api, &path, |page| {
        page["records"].as_array().is_some_and(|r| !r.is_empty())
    })
    .await;
    page["records"][0].clone()
}

#[tokio::test]
async fn an_answered_call_rings_talks_ends_and_is_logged_once() {
    let (_sim, api, mut socket) = listening(config()).await;
    let ids = api
        .admin()
        .inbound_call(
            CALLER,
            json!({ "name": "Ana Silva", "outcome": "answered", "ring_ms": 200, "talk_ms": 200 }),
        )
        .await;
    let (presence, sessions) = follow(&mut socket, |_, s| ended(s)).await;
    let ringing = &presence[0];
    assert_eq!(ringing["telephonyStatus"], "Ringing", "{ringing}");
    let call = &ringing["activeCalls"][0];
    assert_eq!(
        (
            call["direction"].as_str(),
            call["from"].as_str(),
            call["fromName"].as_str()
        ),
        (Some("Inbound"), Some(CALLER), Some("Ana Silva")),
        "presence names the caller with plain strings: {call}"
    );
    assert_eq!(call["telephonySessionId"], ids["telephonySessionId"]);
    assert_eq!(ringing["totalActiveCalls"], 1);
    assert_eq!(
        own_codes(&sessions),
        ["Proceeding", "Answered", "Disconnected"],
        "the agent's party goes through the call"
    );
    let sequences: Vec<_> = sessions
        .iter()
        .filter_map(|b| b["sequence"].as_i64())
        .collect();
    assert!(
        sequences.windows(2).all(|w| w[0] < w[1]),
        "sequences grow: {sequences:?}"
    );
    assert_eq!(sessions[0]["origin"]["type"], "Call");
    let caller = &sessions[0]["parties"][0]["from"];
    assert_eq!(
        caller["phoneNumber"], CALLER,
        "numbers are objects in sessions: {caller}"
    );
    let record = logged(&api, ids["sessionId"].as_str().unwrap_or_default()).await;
    assert_eq!(
        (record["direction"].as_str(), record["result"].as_str()),
        (Some("Inbound"), Some("Accepted"))
    );
    let all = api
        .get(&format!(
            "{EXT}/call-log?sessionId={}",
            ids["sessionId"].as_str().unwrap_or_default()
        ))
        .await;
    assert_eq!(
        all.json["records"].as_array().map(Vec::len),
        Some(1),
        "logged once"
    );
}

#[tokio::test]
async fn each_outcome_ends_as_asked() {
    let (_sim, api) = logged_in(config()).await;
    for (outcome, result) in [
        ("missed", "Missed"),
        ("voicemail", "Voicemail"),
        ("rejected", "Rejected"),
    ] {
        let ids = api
            .admin()
            .inbound_call(
                CALLER,
                json!({ "outcome": outcome, "ring_ms": 100, "talk_ms": 100 }),
            )
            .await;
        let record = logged(&api, ids["sessionId"].as_str().unwrap_or_default()).await;
        assert_eq!(record["result"], result, "{outcome}: {record}");
        let session = api
            .get(&format!(
                "{SESSION_PATH}/{}",
                ids["telephonySessionId"].as_str().unwrap_or_default()
            ))
            .await;
        assert_eq!(session.status, 404, "{outcome}: an ended session is gone");
    }
}

#[tokio::test]
async fn a_ringout_shows_two_legs_that_merge() {
    let (_sim, api) = logged_in(config()).await;
    let placed = api
        .post(&format!("{EXT}/ring-out"), json!({ "from": { "phoneNumber": "+16505550110" }, "to": { "phoneNumber": "+14155550120" } }))
        .await;
    assert_eq!(placed.status, 200, "{}", placed.text);
    let path = format!("{EXT}/presence?detailedTelephonyState=true");
    let reply = api.get(&path).await;
    validate("GET", &path, &reply);
    let calls = reply.json["activeCalls"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(calls.len(), 2, "two legs: {calls:?}");
    let leg = |direction: &str| {
        calls
            .iter()
            .find(|c| c["direction"] == direction)
            .cloned()
            .unwrap_or_default()
    };
    let (inbound, outbound) = (leg("Inbound"), leg("Outbound"));
    let session = |c: &Value| {
        c["sessionId"]
            .as_str()
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or_default()
    };
    let apart = session(&inbound) - session(&outbound);
    assert!(
        [1000, 2000, 3000, 4000].contains(&apart.abs()),
        "ids 1000–4000 apart: {apart}"
    );
    assert_eq!(
        inbound["from"], outbound["to"],
        "the callback shows the callee"
    );
    assert!(
        calls.iter().all(|c| c["telephonyStatus"] == "Ringing"),
        "both ring: {calls:?}"
    );
}

#[tokio::test]
async fn call_control_rejects_holds_and_hangs_up() {
    let (_sim, api) = logged_in(config()).await;
    let admin = api.admin();
    let ringing = admin
        .inbound_call(CALLER, json!({ "outcome": "answered", "ring_ms": 60000 }))
        .await;
    let (session, party) = (
        ringing["telephonySessionId"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        ringing["partyId"].as_str().unwrap_or_default().to_owned(),
    );
    let party_path = format!("{SESSION_PATH}/{session}/parties/{party}");
    let hold = api.post(&format!("{party_path}/hold"), json!({})).await;
    assert_eq!(
        hold.status, 409,
        "a ringing call cannot be held: {}",
        hold.text
    );
    validate("POST", &format!("{party_path}/hold"), &hold);
    let read = api.get(&format!("{SESSION_PATH}/{session}")).await;
    validate("GET", &format!("{SESSION_PATH}/{session}"), &read);
    let rejected = api.post(&format!("{party_path}/reject"), json!({})).await;
    assert_eq!(rejected.status, 204, "{}", rejected.text);
    let record = logged(&api, ringing["sessionId"].as_str().unwrap_or_default()).await;
    assert_eq!(record["result"], "Rejected");

    let talking = admin
        .inbound_call(
            CALLER,
            json!({ "outcome": "answered", "ring_ms": 0, "talk_ms": 60000 }),
        )
        .await;
    let (session, party) = (
        talking["telephonySessionId"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        talking["partyId"].as_str().unwrap_or_default().to_owned(),
    );
    let party_path = format!("{SESSION_PATH}/{session}/parties/{party}");
    let held = api.post(&format!("{party_path}/hold"), json!({})).await;
    assert_eq!(
        (held.status, held.json["status"]["code"].as_str()),
        (200, Some("Hold")),
        "{}",
        held.text
    );
    validate("POST", &format!("{party_path}/hold"), &held);
    let resumed = api.post(&format!("{party_path}/unhold"), json!({})).await;
    assert_eq!(
        resumed.json["status"]["code"], "Answered",
        "{}",
        resumed.text
    );
    let hung_up = api
        .send(Method::DELETE, &format!("{SESSION_PATH}/{session}"), None)
        .await;
    assert_eq!(hung_up.status, 204, "{}", hung_up.text);
    let record = logged(&api, talking["sessionId"].as_str().unwrap_or_default()).await;
    assert_eq!(record["result"], "Accepted");
    let again = api
        .send(Method::DELETE, &format!("{SESSION_PATH}/{session}"), None)
        .await;
    assert_eq!(again.status, 404, "an ended session is gone");
}

#[tokio::test]
async fn without_call_control_the_app_gets_403() {
    let (_sim, api) = logged_in(SimConfig {
        call_control: false,
        ..config()
    })
    .await;
    let ids = api
        .admin()
        .inbound_call(CALLER, json!({ "outcome": "answered", "ring_ms": 60000 }))
        .await;
    let path = format!(
        "{SESSION_PATH}/{}",
        ids["telephonySessionId"].as_str().unwrap_or_default()
    );
    let refused = api.send(Method::DELETE, &path, None).await;
    assert_eq!(
        (
            refused.status,
            refused.json["errors"][0]["errorCode"].as_str()
        ),
        (403, Some("CMN-401"))
    );
    let mut socket = connect(&api, None).await;
    next(&mut socket).await;
    let reply = subscribe(&mut socket, &[SESSIONS]).await;
    assert_eq!(
        reply[0]["status"], 403,
        "the telephony-session filter needs CallControl: {reply}"
    );
    let presence = subscribe(&mut socket, &[PRESENCE]).await;
    assert_eq!(
        presence[0]["status"], 200,
        "presence still works: {presence}"
    );
}

#[tokio::test]
async fn presence_set_elsewhere_is_pushed_and_read_back() {
    let (_sim, api, mut socket) = listening(config()).await;
    api.admin()
        .set_presence(json!({ "dndStatus": "DoNotAcceptAnyCalls" }))
        .await;
    let (presence, _) = follow(&mut socket, |p, _| !p.is_empty()).await;
    assert_eq!(presence[0]["dndStatus"], "DoNotAcceptAnyCalls");
    assert_eq!(presence[0]["dndStatusPersonal"], "DoNotAcceptAnyCalls");
    let put = api
        .send(
            Method::PUT,
            &format!("{EXT}/presence"),
            Some(json!({ "userStatus": "Busy", "dndStatus": "TakeAllCalls" })),
        )
        .await;
    validate("PUT", &format!("{EXT}/presence"), &put);
    assert_eq!(
        (
            put.json["userStatus"].as_str(),
            put.json["dndStatus"].as_str()
        ),
        (Some("Busy"), Some("TakeAllCalls"))
    );
    let bad = api
        .admin()
        .send(
            Method::POST,
            "/sim/presence",
            json!({ "dndStatus": "Sleeping" }),
        )
        .await;
    assert_eq!(bad.status, 400, "{}", bad.text);
}
