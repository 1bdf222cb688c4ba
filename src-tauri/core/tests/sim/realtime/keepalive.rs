//! Keeping the socket: heartbeats beat RingCentral's idle timeout, the absolute timeout's
//! `Error` frame leads to a recovered session, and a session that is gone shows as offline.

use std::time::Duration;

use ringdesk_core::realtime::{ConnectionState, RealtimeEvent};
use ringdesk_core::Recovery;

use super::support::*;

#[tokio::test]
async fn heartbeats_keep_an_idle_connection_alive() {
    let mut rig = rig(|config| {
        config.ws.idle_timeout = Duration::from_secs(2);
        config.ws.ping_interval = Duration::from_secs(3600);
    })
    .await;
    rig.start(quick_realtime());
    rig.connected().await;
    let quiet = rig.announced(Duration::from_secs(5)).await;
    assert!(quiet.is_empty());
    let dropped = rig.seen.iter().any(|e| {
        matches!(
            e,
            RealtimeEvent::Connection(ConnectionState::Reconnecting { .. })
        )
    });
    assert!(
        !dropped,
        "no WSG-902 in 5 s of a 2 s idle timeout: {:#?}",
        rig.seen
    );
    assert_eq!(
        rig.upgrades().await.len(),
        1,
        "the first socket is still the one"
    );
    let id = rig.push("still there?").await;
    let sms = rig.next_sms(Duration::from_secs(5)).await.expect("live");
    assert_eq!(sms.message_id, id);
    rig.stop().await;
}

#[tokio::test]
async fn the_absolute_timeout_ends_in_a_recovered_session() {
    let mut rig = rig(|config| config.ws.absolute_timeout = Duration::from_secs(2)).await;
    rig.start(quick_realtime());
    rig.connected().await;
    let state = rig
        .state(Duration::from_secs(6), |s| {
            matches!(s, ConnectionState::Reconnecting { .. })
        })
        .await;
    let ConnectionState::Reconnecting { reason, .. } = &state else {
        unreachable!("matched above");
    };
    assert!(
        reason.contains("WSG-903"),
        "the Error frame is the reason: {reason}"
    );
    rig.assert_recovered(Duration::from_secs(5)).await;
    let id = rig.push("after the timeout").await;
    let sms = rig.next_sms(Duration::from_secs(5)).await.expect("live");
    assert_eq!(sms.message_id, id);
    rig.stop().await;
}

#[tokio::test]
async fn a_revoked_session_shows_offline_with_sign_in_again() {
    let mut rig = rig(|_| {}).await;
    rig.start(quick_realtime());
    rig.connected().await;
    rig.admin.revoke_tokens().await;
    rig.admin.drop_sockets().await;
    let state = rig
        .state(Duration::from_secs(10), |s| {
            matches!(s, ConnectionState::Offline { .. })
        })
        .await;
    let ConnectionState::Offline { recovery, .. } = state else {
        unreachable!("matched above");
    };
    assert_eq!(recovery, Recovery::SignInAgain, "retrying cannot help");
    rig.stop().await;
}
