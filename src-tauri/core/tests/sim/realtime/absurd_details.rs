//! `ConnectionDetails` is the server's: an absurd `idleTimeout` or `recoveryTimeout` cannot panic
//! the inbox's task or turn keep-alives into a flood — the socket is kept, recovered after a drop,
//! and texts arrive.

use std::time::Duration;

use ringdesk_core::realtime::Via;

use super::support::*;

#[tokio::test]
async fn absurd_idle_and_recovery_timeouts_still_keep_and_recover_the_socket() {
    let mut rig = rig(|config| {
        // The simulator announces these in ConnectionDetails (as whole seconds).
        config.ws.idle_timeout = Duration::from_secs(u64::MAX);
        config.ws.recovery_timeout = Duration::from_secs(u64::MAX);
    })
    .await;
    let started = chrono::Utc::now();
    rig.start(quick_realtime());
    rig.connected().await;
    rig.caught_up_since(started).await;
    // The start's catch-up settles (as in the delivery tests) before the text is pushed.
    rig.announced(Duration::from_millis(300)).await;
    let id = rig.push("before the drop").await;
    let sms = rig.next_sms(Duration::from_secs(5)).await.expect("live");
    assert_eq!((sms.message_id, sms.via), (id, Via::Push));
    let dropped = chrono::Utc::now();
    assert!(rig.admin.drop_sockets().await >= 1, "a socket was live");
    rig.assert_recovered(Duration::from_secs(10)).await;
    rig.caught_up_since(dropped).await;
    rig.announced(Duration::from_millis(300)).await;
    let id = rig.push("after the drop").await;
    let sms = rig.next_sms(Duration::from_secs(5)).await.expect("live");
    assert_eq!((sms.message_id, sms.via), (id, Via::Push));
    rig.stop().await;
}
