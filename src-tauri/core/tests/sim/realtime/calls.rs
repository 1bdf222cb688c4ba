//! Live calls over the inbox's WebSocket: an inbound call pops once and a missed one is in the
//! cache before any sync (and stays one row after it); the agent's own RingOut never pops; a
//! socket dropped while a call rings is recovered by reading presence again.

use std::time::Duration;

use chrono::{DateTime, Utc};
use ringdesk_core::live_calls::{CallState, LiveChange};
use ringdesk_core::store::{HistoryQuery, Store};
use ringdesk_core::sync::{sync_all, RingCentral, SyncOptions};
use serde_json::json;

use super::support::*;

/// The rig's cache after a full `ringdesk sync`.
async fn synced(rig: &Rig) -> Store {
    let mut store = rig.store();
    let upstream = RingCentral::new(rig.client.clone());
    sync_all(
        &mut store,
        &upstream,
        &SyncOptions::new(Utc::now()),
        &|_| {},
    )
    .await
    .expect("sync");
    store
}

fn ended(changes: &[LiveChange]) -> bool {
    changes
        .iter()
        .any(|c| matches!(c, LiveChange::Ended { .. }))
}

/// The cached calls that started since `since` (the seeded history is older): (remote id,
/// result).
fn cached(store: &Store, since: DateTime<Utc>) -> Vec<(String, String)> {
    let page = store
        .history(&HistoryQuery {
            since: Some(since),
            limit: 500,
            ..HistoryQuery::default()
        })
        .expect("history reads");
    page.calls.into_iter().map(|c| (c.id, c.result)).collect()
}

#[tokio::test]
async fn a_missed_call_pops_once_and_is_cached_before_any_sync() {
    let mut rig = rig(|_| {}).await;
    rig.start(quick_realtime());
    rig.connected().await;
    let since = Utc::now() - chrono::Duration::seconds(1);
    let ids = rig
        .admin
        .inbound_call(
            "+14155550188",
            json!({ "name": "Ana Silva", "outcome": "missed", "ring_ms": 400 }),
        )
        .await;
    let session = ids["sessionId"].as_str().unwrap_or_default().to_owned();
    let changes = rig.calls_until(Duration::from_secs(10), ended).await;
    let rings: Vec<_> = changes
        .iter()
        .filter(|c| matches!(c, LiveChange::Ringing { .. }))
        .collect();
    assert_eq!(rings.len(), 1, "one pop: {changes:#?}");
    if let LiveChange::Ringing { call } = rings[0] {
        assert_eq!(
            (
                call.number.as_str(),
                call.name.as_deref(),
                call.session_id.as_str()
            ),
            ("+14155550188", Some("Ana Silva"), session.as_str())
        );
    }
    assert!(
        matches!(changes.last(), Some(LiveChange::Ended { missed: true, .. })),
        "{changes:#?}"
    );
    let before = cached(&rig.store(), since);
    assert_eq!(before.len(), 1, "in the cache at once: {before:?}");
    assert!(before[0].0.starts_with("live:") && before[0].1 == "Missed");
    let store = synced(&rig).await;
    let after = cached(&store, since);
    assert_eq!(after.len(), 1, "one row after the sync: {after:?}");
    assert!(
        !after[0].0.starts_with("live:"),
        "the call log's record: {after:?}"
    );
    rig.stop().await;
}

#[tokio::test]
async fn the_agents_own_ringout_never_pops() {
    let mut rig = rig(|_| {}).await;
    rig.start(quick_realtime());
    rig.connected().await;
    let call = ringdesk_core::api::Call::new(&ringdesk_core::api::ringout::CREATE_RINGOUT, &[])
        .json(&json!({
            "from": { "phoneNumber": "+16505550110" },
            "to": { "phoneNumber": "+14155550120" },
        }));
    rig.client.send(call).await.expect("RingOut placed");
    let changes = rig.calls_until(Duration::from_secs(10), ended).await;
    assert!(
        !changes
            .iter()
            .any(|c| matches!(c, LiveChange::Ringing { .. })),
        "no pop for the agent's own callback: {changes:#?}"
    );
    assert!(
        matches!(changes.last(), Some(LiveChange::Ended { missed: false, call }) if call.ring_out),
        "{changes:#?}"
    );
    rig.stop().await;
}

#[tokio::test]
async fn a_drop_while_ringing_is_recovered_by_reading_presence() {
    let mut rig = rig(|_| {}).await;
    rig.start(quick_realtime());
    rig.connected().await;
    rig.admin
        .inbound_call(
            "+14155550188",
            json!({ "outcome": "answered", "ring_ms": 1500, "talk_ms": 1500 }),
        )
        .await;
    rig.calls_until(Duration::from_secs(10), |c| {
        c.iter().any(|c| matches!(c, LiveChange::Ringing { .. }))
    })
    .await;
    rig.admin.drop_sockets().await;
    let changes = rig.calls_until(Duration::from_secs(15), ended).await;
    assert!(
        changes.iter().any(
            |c| matches!(c, LiveChange::Changed { call } if call.state == CallState::Connected)
        ),
        "answered: {changes:#?}"
    );
    assert!(
        matches!(
            changes.last(),
            Some(LiveChange::Ended { missed: false, .. })
        ),
        "{changes:#?}"
    );
    rig.stop().await;
}

#[tokio::test]
async fn every_outcome_is_one_row_after_the_next_sync() {
    let mut rig = rig(|_| {}).await;
    rig.start(quick_realtime());
    rig.connected().await;
    let since = Utc::now() - chrono::Duration::seconds(1);
    let mut sessions = Vec::new();
    for (i, outcome) in ["answered", "missed", "rejected", "voicemail"]
        .iter()
        .enumerate()
    {
        let ids = rig
            .admin
            .inbound_call(
                &format!("+1415555016{i}"),
                json!({ "outcome": outcome, "ring_ms": 300, "talk_ms": 300 }),
            )
            .await;
        sessions.push(ids["sessionId"].as_str().unwrap_or_default().to_owned());
        let changes = rig.calls_until(Duration::from_secs(10), ended).await;
        let missed = matches!(changes.last(), Some(LiveChange::Ended { missed: true, .. }));
        assert_eq!(missed, *outcome != "answered", "{outcome}: {changes:#?}");
    }
    // The agent is off a voicemail call when it stops ringing; the call log has it when the
    // caller hangs up: the sync after that is the one that counts.
    for session in &sessions {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let call =
                ringdesk_core::api::Call::new(&ringdesk_core::api::call_log::READ_CALL_LOG, &[])
                    .query("sessionId", session.clone());
            let page: serde_json::Value = rig.client.fetch(call).await.expect("call log");
            if page["records"].as_array().is_some_and(|r| !r.is_empty()) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "session {session} never logged"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    let store = synced(&rig).await;
    let mut rows = cached(&store, since);
    rows.sort_by(|a, b| a.1.cmp(&b.1));
    let results: Vec<&str> = rows.iter().map(|(_, result)| result.as_str()).collect();
    assert_eq!(
        results,
        ["Accepted", "Missed", "Rejected", "Voicemail"],
        "one row per call: {rows:?}"
    );
    assert!(
        rows.iter().all(|(id, _)| !id.starts_with("live:")),
        "{rows:?}"
    );
    rig.stop().await;
}

#[tokio::test]
async fn with_call_control_sessions_and_presence_tell_one_call_once() {
    let mut rig = rig(|config| config.call_control = true).await;
    let mut options = quick_realtime();
    options
        .event_filters
        .push(ringdesk_core::realtime::TELEPHONY_SESSIONS_FILTER.into());
    rig.start(options);
    rig.connected().await;
    rig.admin
        .inbound_call(
            "+14155550188",
            json!({ "name": "Ana Silva", "outcome": "answered", "ring_ms": 300, "talk_ms": 2500 }),
        )
        .await;
    let connected = |c: &[LiveChange]| {
        c.iter().any(
            |c| matches!(c, LiveChange::Changed { call } if call.state == CallState::Connected),
        )
    };
    let mut changes = rig.calls_until(Duration::from_secs(10), connected).await;
    let call = changes
        .iter()
        .find_map(|c| match c {
            LiveChange::Changed { call } if call.state == CallState::Connected => {
                Some(call.clone())
            }
            _ => None,
        })
        .expect("connected");
    let (session, party) = (
        call.telephony_session_id.clone().unwrap_or_default(),
        call.party_id.clone().unwrap_or_default(),
    );
    ringdesk_core::api::call_control::hold(&rig.client, &session, &party, true)
        .await
        .expect("held through Call Control");
    changes.extend(rig.calls_until(Duration::from_secs(10), ended).await);
    let count = |wanted: &dyn Fn(&LiveChange) -> bool| changes.iter().filter(|c| wanted(c)).count();
    assert_eq!(
        count(&|c| matches!(c, LiveChange::Ringing { .. })),
        1,
        "one pop from two feeds: {changes:#?}"
    );
    assert_eq!(
        count(&|c| matches!(c, LiveChange::Changed { call } if call.state == CallState::Connected)),
        1,
        "answered once: {changes:#?}"
    );
    assert!(
        changes
            .iter()
            .any(|c| matches!(c, LiveChange::Changed { call } if call.state == CallState::OnHold)),
        "the hold shows: {changes:#?}"
    );
    assert_eq!(
        count(&|c| matches!(c, LiveChange::Ended { missed: false, .. })),
        1,
        "ended once: {changes:#?}"
    );
    rig.stop().await;
}
