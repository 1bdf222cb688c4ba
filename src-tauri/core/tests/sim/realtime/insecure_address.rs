//! The WebSocket address comes from the server (`wstoken`'s `uri`) and the token is appended to
//! it: plain `ws://` is used only on this machine (the simulator), anything else is refused
//! before a connection is tried, and polling keeps texts coming.

use std::time::Duration;

use ringdesk_core::realtime::{ConnectionState, Via};
use serde_json::json;

use super::support::*;
use ringdesk_testkit::Fault;

#[tokio::test]
async fn a_plain_ws_address_off_this_machine_is_refused_and_polling_delivers() {
    let mut rig = rig(|_| {}).await;
    rig.admin
        .arm(
            Fault::any("/restapi/oauth/wstoken")
                .times(1000)
                .patch(json!({ "uri": "ws://ringdesk-test.invalid/ws" })),
        )
        .await;
    rig.start(quick_realtime());
    let state = rig
        .state(Duration::from_secs(10), |s| {
            matches!(s, ConnectionState::Polling { .. })
        })
        .await;
    let ConnectionState::Polling { reason, .. } = &state else {
        unreachable!("matched above");
    };
    assert!(
        reason.contains("wss://") && reason.contains("ringdesk-test.invalid"),
        "the reason names the refused address and what is allowed: {reason}"
    );
    assert!(
        !reason.contains("access_token"),
        "the token is not in the reason: {reason}"
    );
    let id = rig.push("polled in").await;
    let sms = rig.next_sms(Duration::from_secs(5)).await.expect("polled");
    assert_eq!((sms.message_id, sms.via), (id, Via::Sync));
    rig.stop().await;
}
