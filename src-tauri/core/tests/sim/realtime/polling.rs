//! WebSockets unavailable: polling delivers; when they work again the subscription resumes.

use std::time::Duration;

use ringdesk_core::realtime::{ConnectionState, Via};
use ringdesk_testkit::Fault;

use super::support::*;

fn polling(state: &ConnectionState) -> bool {
    matches!(state, ConnectionState::Polling { .. })
}

#[tokio::test]
async fn polling_delivers_while_the_handshake_fails_then_the_websocket_resumes() {
    let mut rig = rig(|_| {}).await;
    rig.admin
        .arm(Fault::any("/ws").status(503).times(1000))
        .await;
    rig.start(quick_realtime());
    rig.state(Duration::from_secs(10), polling).await;
    let id = rig.push("while WebSockets are blocked").await;
    let sms = rig.next_sms(Duration::from_secs(5)).await.expect("polled");
    assert_eq!(
        (sms.message_id, sms.via),
        (id, Via::Sync),
        "found by polling"
    );
    rig.admin.clear_faults().await;
    let connected = rig
        .state(Duration::from_secs(10), ConnectionState::is_connected)
        .await;
    let ConnectionState::Connected { since, .. } = connected else {
        unreachable!("matched above");
    };
    rig.caught_up_since(since).await;
    let live = rig.push("WebSockets are back").await;
    let sms = rig.next_sms(Duration::from_secs(5)).await.expect("live");
    assert_eq!((sms.message_id, sms.via), (live, Via::Push), "pushed again");
    let again = rig.announced(Duration::from_secs(1)).await;
    assert!(again.is_empty(), "nothing announced twice: {again:?}");
    rig.stop().await;
}

#[tokio::test]
async fn a_refused_websocket_token_falls_back_to_polling() {
    let mut rig = rig(|_| {}).await;
    let refused = Fault::any("/restapi/oauth/wstoken").status(403).times(1000);
    rig.admin.arm(refused).await;
    rig.start(quick_realtime());
    let state = rig.state(Duration::from_secs(10), polling).await;
    let ConnectionState::Polling { reason, .. } = &state else {
        unreachable!("matched above");
    };
    assert!(
        reason.contains("403"),
        "the reason names the refusal: {reason}"
    );
    let id = rig.push("polled in").await;
    let sms = rig.next_sms(Duration::from_secs(5)).await.expect("polled");
    assert_eq!(sms.message_id, id);
    rig.stop().await;
}
