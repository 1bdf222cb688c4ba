//! Telephony-session events beside presence: one model, no double pops, no early ends.

use std::time::Instant;

use serde_json::json;

use super::*;
use crate::api::models::{ActiveCall, Presence, TelephonySessionEvent};

const CUSTOMER: &str = "+14155550188";
const OWN: &str = "+16505550100";
const AGENT: &str = "2";

fn session(
    sequence: i64,
    id: &str,
    origin: &str,
    direction: &str,
    code: &str,
) -> TelephonySessionEvent {
    let (from, to) = if direction == "Inbound" {
        (CUSTOMER, OWN)
    } else {
        (OWN, CUSTOMER)
    };
    serde_json::from_value(json!({
        "sequence": sequence,
        "sessionId": id,
        "telephonySessionId": format!("s-{id}"),
        "origin": {"type": origin},
        "parties": [
            {"id": format!("p-{id}-colleague"), "extensionId": "9", "direction": direction,
             "from": {"phoneNumber": from}, "to": {"phoneNumber": "+16505550199"},
             "status": {"code": "Answered"}},
            {"id": format!("p-{id}"), "extensionId": AGENT, "direction": direction,
             "from": {"phoneNumber": from, "name": "Ana Silva"}, "to": {"phoneNumber": to},
             "status": {"code": code}, "missedCall": false}
        ]
    }))
    .expect("a TelephonySessionsEventBody")
}

fn presence(sequence: i64, calls: Vec<ActiveCall>) -> Presence {
    Presence {
        sequence: Some(sequence),
        total_active_calls: Some(calls.len() as u32),
        active_calls: calls,
        ..Presence::default()
    }
}

fn ringing_in_presence(id: &str) -> ActiveCall {
    ActiveCall {
        id: format!("call-{id}"),
        direction: Some("Inbound".into()),
        from: Some(CUSTOMER.into()),
        to: Some(OWN.into()),
        telephony_status: Some("Ringing".into()),
        session_id: Some(id.into()),
        ..ActiveCall::default()
    }
}

fn kinds(changes: &[LiveChange]) -> Vec<String> {
    changes
        .iter()
        .map(|c| match c {
            LiveChange::Ringing { .. } => "ringing".to_string(),
            LiveChange::Changed { call } => format!("{:?}", call.state).to_lowercase(),
            LiveChange::Ended { missed, .. } => format!("ended missed={missed}"),
        })
        .collect()
}

#[test]
fn both_feeds_tell_one_call_once() {
    let mut live = LiveCalls::default();
    let setup = live.session_event(&session(1, "100", "Call", "Inbound", "Setup"), Some(AGENT));
    assert_eq!(kinds(&setup.changes), ["ringing"]);
    if let LiveChange::Ringing { call } = &setup.changes[0] {
        assert_eq!(
            call.party_id.as_deref(),
            Some("p-100"),
            "the agent's own party"
        );
        assert_eq!(call.number, CUSTOMER);
        assert_eq!(call.name.as_deref(), Some("Ana Silva"));
    }
    let proceeding = live.session_event(
        &session(2, "100", "Call", "Inbound", "Proceeding"),
        Some(AGENT),
    );
    assert!(proceeding.changes.is_empty(), "still ringing");
    let told_again = live.event(&presence(1, vec![ringing_in_presence("100")]));
    assert!(
        told_again.changes.is_empty(),
        "presence repeats what sessions told"
    );
    let answered = live.session_event(
        &session(3, "100", "Call", "Inbound", "Answered"),
        Some(AGENT),
    );
    assert_eq!(kinds(&answered.changes), ["connected"]);
    let held = live.session_event(&session(4, "100", "Call", "Inbound", "Hold"), Some(AGENT));
    assert_eq!(kinds(&held.changes), ["onhold"]);
    let gone = live.session_event(
        &session(5, "100", "Call", "Inbound", "Disconnected"),
        Some(AGENT),
    );
    assert_eq!(kinds(&gone.changes), ["ended missed=false"]);
    let emptied = live.event(&presence(2, vec![]));
    assert!(
        emptied.changes.is_empty(),
        "already ended: {:?}",
        emptied.changes
    );
}

#[test]
fn voicemail_ends_an_unanswered_call_missed() {
    let mut live = LiveCalls::default();
    live.session_event(
        &session(1, "100", "Call", "Inbound", "Proceeding"),
        Some(AGENT),
    );
    let voicemail = live.session_event(
        &session(2, "100", "Call", "Inbound", "VoiceMail"),
        Some(AGENT),
    );
    assert_eq!(kinds(&voicemail.changes), ["ended missed=true"]);
}

#[test]
fn late_repeated_and_after_the_end_events_change_nothing() {
    let mut live = LiveCalls::default();
    live.session_event(
        &session(1, "100", "Call", "Inbound", "Proceeding"),
        Some(AGENT),
    );
    live.session_event(
        &session(3, "100", "Call", "Inbound", "Answered"),
        Some(AGENT),
    );
    let late = live.session_event(
        &session(2, "100", "Call", "Inbound", "Proceeding"),
        Some(AGENT),
    );
    assert!(late.stale && late.changes.is_empty());
    let twice = live.session_event(
        &session(3, "100", "Call", "Inbound", "Answered"),
        Some(AGENT),
    );
    assert!(twice.stale);
    live.session_event(
        &session(4, "100", "Call", "Inbound", "Disconnected"),
        Some(AGENT),
    );
    let ghost = live.session_event(
        &session(9, "100", "Call", "Inbound", "Proceeding"),
        Some(AGENT),
    );
    assert!(
        ghost.stale && ghost.changes.is_empty(),
        "an ended call never rings again"
    );
}

#[test]
fn a_ringout_session_is_the_outbound_call_and_its_callback_never_pops() {
    let mut live = LiveCalls::default();
    let callback = live.session_event(
        &session(1, "5002000", "RingOut", "Inbound", "Proceeding"),
        Some(AGENT),
    );
    assert!(callback.changes.is_empty(), "{:?}", callback.changes);
    let outbound = live.session_event(
        &session(1, "5000000", "RingOut", "Outbound", "Proceeding"),
        Some(AGENT),
    );
    assert_eq!(kinds(&outbound.changes), ["ringing"]);
    let call = live.calls().next().cloned();
    assert!(call.is_some_and(|c| c.ring_out && !c.inbound && c.number == CUSTOMER));
}

#[test]
fn a_presence_event_does_not_end_what_sessions_told_but_a_read_does() {
    let mut live = LiveCalls::default();
    live.session_event(
        &session(1, "100", "Call", "Inbound", "Proceeding"),
        Some(AGENT),
    );
    let older = live.event(&presence(1, vec![]));
    assert!(
        older.changes.is_empty(),
        "a presence event may predate the session's"
    );
    let read = live.reread(&presence(2, vec![]), Instant::now());
    assert_eq!(
        kinds(&read),
        ["ended missed=true"],
        "a read of presence is the whole truth"
    );
}

#[test]
fn without_the_agents_extension_the_first_users_party_is_taken() {
    let mut live = LiveCalls::default();
    let mut event = session(1, "100", "Call", "Inbound", "Proceeding");
    event.parties.remove(0);
    let told = live.session_event(&event, None);
    assert_eq!(kinds(&told.changes), ["ringing"]);
    let mut none = session(1, "200", "Call", "Inbound", "Proceeding");
    none.parties
        .retain(|p| p.extension_id.as_deref() != Some(AGENT));
    assert!(
        live.session_event(&none, Some(AGENT)).changes.is_empty(),
        "not the agent's call"
    );
}
