use std::time::Instant;

use super::*;
use crate::api::models::{ActiveCall, Presence};

const CUSTOMER: &str = "+14155550188";
const OWN: &str = "+16505550100";

fn inbound(session: &str, status: &str) -> ActiveCall {
    ActiveCall {
        id: format!("call-{session}"),
        direction: Some("Inbound".into()),
        from: Some(CUSTOMER.into()),
        from_name: Some("Ana Silva".into()),
        to: Some(OWN.into()),
        telephony_status: Some(status.into()),
        session_id: Some(session.into()),
        telephony_session_id: Some(format!("s-{session}")),
        party_id: Some(format!("p-{session}")),
        start_time: Some("2026-12-03T09:37:24.322+0000".into()),
        ..ActiveCall::default()
    }
}

fn outbound(session: &str, status: &str) -> ActiveCall {
    ActiveCall {
        direction: Some("Outbound".into()),
        from: Some(OWN.into()),
        from_name: Some("Agent".into()),
        to: Some(CUSTOMER.into()),
        ..inbound(session, status)
    }
}

fn event(sequence: i64, calls: Vec<ActiveCall>) -> Presence {
    Presence {
        sequence: Some(sequence),
        total_active_calls: Some(calls.len() as u32),
        active_calls: calls,
        ..Presence::default()
    }
}

fn kinds(changes: &[LiveChange]) -> Vec<String> {
    changes
        .iter()
        .map(|c| match c {
            LiveChange::Ringing { call } => format!("ringing {}", call.number),
            LiveChange::Changed { call } => format!("{:?}", call.state).to_lowercase(),
            LiveChange::Ended { missed, .. } => format!("ended missed={missed}"),
        })
        .collect()
}

#[test]
fn an_inbound_call_pops_then_is_answered_and_ends() {
    let mut live = LiveCalls::default();
    let ringing = live.event(&event(1, vec![inbound("100", "Ringing")]));
    assert_eq!(kinds(&ringing.changes), [format!("ringing {CUSTOMER}")]);
    if let LiveChange::Ringing { call } = &ringing.changes[0] {
        assert_eq!(call.name.as_deref(), Some("Ana Silva"));
        assert_eq!(call.telephony_session_id.as_deref(), Some("s-100"));
        assert_eq!(
            call.started.map(|t| t.to_rfc3339()),
            Some("2026-12-03T09:37:24.322+00:00".to_owned()),
            "`+0000` start times are read"
        );
    }
    let answered = live.event(&event(2, vec![inbound("100", "CallConnected")]));
    assert_eq!(kinds(&answered.changes), ["connected"]);
    let ended = live.event(&event(3, vec![]));
    assert_eq!(kinds(&ended.changes), ["ended missed=false"]);
    assert_eq!(live.calls().count(), 0);
}

#[test]
fn an_unanswered_call_ends_missed() {
    let mut live = LiveCalls::default();
    live.event(&event(1, vec![inbound("100", "Ringing")]));
    let ended = live.event(&event(
        2,
        vec![ActiveCall {
            termination_type: Some("final".into()),
            ..inbound("100", "NoCall")
        }],
    ));
    assert_eq!(kinds(&ended.changes), ["ended missed=true"]);
}

#[test]
fn a_ringout_is_one_outbound_call_and_never_pops() {
    let mut live = LiveCalls::default();
    let callback = inbound("50000002000", "Ringing");
    let legs = live.event(&event(
        1,
        vec![callback.clone(), outbound("50000000000", "Ringing")],
    ));
    assert_eq!(
        kinds(&legs.changes),
        ["ringing"],
        "one outbound call, no pop"
    );
    let call = live.calls().next().cloned();
    assert!(
        call.as_ref().is_some_and(|c| c.ring_out && !c.inbound),
        "{call:?}"
    );
    let far = ActiveCall {
        session_id: Some("50000009999".into()),
        ..callback
    };
    let unrelated = live.event(&event(2, vec![far, outbound("50000000000", "Ringing")]));
    assert_eq!(
        kinds(&unrelated.changes),
        [format!("ringing {CUSTOMER}")],
        "ids not 1000–4000 apart: a real incoming call"
    );
}

#[test]
fn the_callback_of_a_placed_ringout_does_not_pop_before_its_outbound_leg() {
    let mut live = LiveCalls::default();
    live.ring_out_placed("(415) 555-0188");
    let alone = live.event(&event(1, vec![inbound("700", "Ringing")]));
    assert!(alone.changes.is_empty(), "{:?}", alone.changes);
}

#[test]
fn late_and_repeated_events_change_nothing() {
    let mut live = LiveCalls::default();
    live.event(&event(5, vec![inbound("100", "Ringing")]));
    live.event(&event(7, vec![inbound("100", "CallConnected")]));
    let late = live.event(&event(6, vec![inbound("100", "Ringing")]));
    assert!(
        late.changes.is_empty() && late.stale,
        "an older sequence is ignored"
    );
    let again = live.event(&event(7, vec![]));
    assert!(
        again.changes.is_empty(),
        "the same sequence twice is ignored"
    );
    assert_eq!(
        live.calls().map(|c| c.state).collect::<Vec<_>>(),
        [CallState::Connected]
    );
}

#[test]
fn a_cut_list_asks_for_a_reread_and_ends_nothing() {
    let mut live = LiveCalls::default();
    live.event(&event(
        1,
        vec![inbound("100", "CallConnected"), inbound("200", "Ringing")],
    ));
    let cut = live.event(&Presence {
        total_active_calls: Some(2),
        ..event(2, vec![inbound("200", "Ringing")])
    });
    assert!(cut.reread, "2 calls but 1 listed: read again");
    assert!(
        cut.changes.is_empty(),
        "the missing call is not ended: {:?}",
        cut.changes
    );
    let reread = live.reread(
        &Presence {
            active_calls: vec![inbound("200", "CallConnected")],
            ..Presence::default()
        },
        Instant::now(),
    );
    assert_eq!(kinds(&reread), ["connected", "ended missed=false"]);
}

#[test]
fn an_intermediate_nocall_is_not_an_end() {
    let mut live = LiveCalls::default();
    live.event(&event(1, vec![inbound("100", "Ringing")]));
    let pending = live.event(&event(
        2,
        vec![ActiveCall {
            termination_type: Some("intermediate".into()),
            ..inbound("100", "NoCall")
        }],
    ));
    assert!(pending.changes.is_empty(), "{:?}", pending.changes);
    assert_eq!(live.calls().count(), 1);
}

#[test]
fn server_text_is_bounded() {
    let mut live = LiveCalls::default();
    let many: Vec<ActiveCall> = (0..100)
        .map(|i| ActiveCall {
            from_name: Some("x".repeat(10_000)),
            ..inbound(&(100 + i * 7).to_string(), "Ringing")
        })
        .collect();
    let applied = live.event(&event(1, many));
    assert_eq!(applied.changes.len(), 32, "at most 32 calls are read");
    assert!(live
        .calls()
        .all(|c| c.name.as_deref().is_some_and(|n| n.len() <= 128)));
}

#[test]
fn a_read_older_than_an_event_neither_ends_nor_brings_back_a_call() {
    let mut live = LiveCalls::default();
    let read_at = Instant::now();
    live.event(&event(1, vec![inbound("100", "Ringing")]));
    let stale = live.reread(&Presence::default(), read_at);
    assert!(stale.is_empty(), "read before the call rang: {stale:?}");
    assert_eq!(live.calls().count(), 1);
    let read_at = Instant::now();
    live.event(&event(2, vec![]));
    let old = live.reread(
        &Presence {
            active_calls: vec![inbound("100", "Ringing")],
            ..Presence::default()
        },
        read_at,
    );
    assert!(old.is_empty(), "read before the call ended: {old:?}");
    assert_eq!(live.calls().count(), 0, "the ended call stays ended");
}
