//! The live-call model fed by the simulator's detailed presence over real HTTP: an inbound call
//! answered, missed, rejected or sent to voicemail, and a RingOut, as the agent sees them.

use ringdesk_core::api::presence::read_presence;
use ringdesk_core::api::Client;
use ringdesk_core::live_calls::{LiveCalls, LiveChange};
use ringdesk_testkit::signin::{jwt_client, quick};
use ringdesk_testkit::sim::{roomy, sim};
use ringdesk_testkit::SimAdmin;
use serde_json::json;
use std::time::Duration;

const CALLER: &str = "+14155550188";

/// Reads presence every 20 ms into a model until a call has ended; answers every change.
async fn watch(client: &Client, live: &mut LiveCalls) -> Vec<LiveChange> {
    let mut changes = Vec::new();
    for _ in 0..250 {
        let read_at = std::time::Instant::now();
        let presence = read_presence(client).await.expect("presence reads");
        changes.extend(live.reread(&presence, read_at));
        if changes
            .iter()
            .any(|c| matches!(c, LiveChange::Ended { .. }))
        {
            return changes;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the call never ended: {changes:?}");
}

fn words(changes: &[LiveChange]) -> Vec<String> {
    changes
        .iter()
        .map(|c| match c {
            LiveChange::Ringing { call } => format!("ringing {}", call.number),
            LiveChange::Changed { call } => format!("{:?}", call.state),
            LiveChange::Ended { missed, .. } => format!("ended missed={missed}"),
        })
        .collect()
}

#[tokio::test]
async fn inbound_calls_ring_and_end_as_they_did() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let client = jwt_client(&sim, quick()).await.client();
    let admin = SimAdmin::of(&sim);
    for (outcome, expected) in [
        (
            "answered",
            vec![
                format!("ringing {CALLER}"),
                "Connected".into(),
                "ended missed=false".into(),
            ],
        ),
        (
            "missed",
            vec![format!("ringing {CALLER}"), "ended missed=true".into()],
        ),
        (
            "rejected",
            vec![format!("ringing {CALLER}"), "ended missed=true".into()],
        ),
        (
            "voicemail",
            vec![format!("ringing {CALLER}"), "ended missed=true".into()],
        ),
    ] {
        let mut live = LiveCalls::default();
        admin
            .inbound_call(
                CALLER,
                json!({ "name": "Ana Silva", "outcome": outcome, "ring_ms": 300, "talk_ms": 300 }),
            )
            .await;
        let changes = watch(&client, &mut live).await;
        assert_eq!(words(&changes), expected, "{outcome}");
    }
}

#[tokio::test]
async fn a_ringout_never_pops_as_an_incoming_call() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let session = jwt_client(&sim, quick()).await;
    let client = session.client();
    let mut live = LiveCalls::default();
    let call = ringdesk_core::api::Call::new(&ringdesk_core::api::ringout::CREATE_RINGOUT, &[])
        .json(&json!({
            "from": { "phoneNumber": "+16505550110" },
            "to": { "phoneNumber": "+14155550120" },
        }));
    client.send(call).await.expect("RingOut placed");
    let changes = watch(&client, &mut live).await;
    assert!(
        !changes
            .iter()
            .any(|c| matches!(c, LiveChange::Ringing { .. })),
        "no incoming call for the agent's own callback: {changes:?}"
    );
    let first = changes.first().cloned();
    assert!(
        matches!(&first, Some(LiveChange::Changed { call }) if call.ring_out && call.number == "+14155550120"),
        "one outbound RingOut call: {changes:?}"
    );
}
