//! Outages: a dropped socket recovers its session (RingCentral replays what was missed); a
//! recovery that comes too late re-subscribes and the catch-up delivers; a sleep is noticed.

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use chrono::Utc;
use ringdesk_core::clock::{Clock, Sleep};
use ringdesk_core::realtime::{ConnectionState, RealtimeOptions, Via};
use ringdesk_testkit::Fault;

use super::support::*;

fn reconnecting(state: &ConnectionState) -> bool {
    matches!(state, ConnectionState::Reconnecting { .. })
}

fn recovered(state: &ConnectionState) -> Option<bool> {
    match state {
        ConnectionState::Connected { recovered, .. } => Some(*recovered),
        _ => None,
    }
}

#[tokio::test]
async fn a_text_sent_during_a_drop_arrives_once_after_recovery() {
    let mut rig = rig(|_| {}).await;
    rig.start(quick_realtime());
    rig.connected().await;
    // The next two upgrades fail, so the outage lasts long enough to text into it.
    rig.admin.arm(Fault::any("/ws").status(503).times(2)).await;
    let dropped = Utc::now();
    assert_eq!(rig.admin.drop_sockets().await, 1, "our one socket dropped");
    rig.state(Duration::from_secs(5), reconnecting).await;
    rig.caught_up_since(dropped).await;
    let id = rig.push("sent while you were away").await;
    let state = rig
        .state(Duration::from_secs(10), |s| recovered(s).is_some())
        .await;
    assert_eq!(
        recovered(&state),
        Some(true),
        "the session was recovered with wsc"
    );
    let announced = rig.announced(Duration::from_secs(2)).await;
    let ids: Vec<i64> = announced.iter().map(|s| s.message_id).collect();
    assert_eq!(
        ids,
        [id],
        "replayed by RingCentral and found again by the catch-up: announced once"
    );
    assert_eq!(
        announced[0].via,
        Via::Push,
        "RingCentral replayed it on recovery, before the catch-up came back"
    );
    let upgrades = rig.upgrades().await;
    let last = upgrades.last().expect("upgrades were logged");
    assert!(
        last.0.contains("wsc="),
        "the reconnect asked to recover the session: {upgrades:?}"
    );
    assert!(
        upgrades
            .iter()
            .all(|(query, _)| query.matches("access_token=").count() == 1),
        "every upgrade carries a token"
    );
    rig.stop().await;
}

#[tokio::test]
async fn a_failed_recovery_resubscribes_and_the_catch_up_delivers() {
    let mut rig = rig(|config| config.ws.recovery_timeout = Duration::from_secs(1)).await;
    let options = RealtimeOptions {
        recovery_margin: Duration::ZERO,
        ..quick_realtime()
    };
    rig.start(options);
    rig.connected().await;
    // The reconnect asks for recovery at once, but reaches the server after the 1 s window.
    rig.admin.arm(Fault::any("/ws").delay_ms(1500)).await;
    let dropped = Utc::now();
    rig.admin.drop_sockets().await;
    rig.state(Duration::from_secs(5), reconnecting).await;
    rig.caught_up_since(dropped).await;
    let id = rig.push("sent while recovery was failing").await;
    let state = rig
        .state(Duration::from_secs(10), |s| recovered(s).is_some())
        .await;
    assert_eq!(
        recovered(&state),
        Some(false),
        "RingCentral answered recoveryState Failed: a new subscription"
    );
    let announced = rig.announced(Duration::from_secs(3)).await;
    let ids: Vec<i64> = announced.iter().map(|s| s.message_id).collect();
    assert_eq!(ids, [id], "the catch-up after the gap delivers it, once");
    assert_eq!(announced[0].via, Via::Sync, "nothing was replayed");
    let upgrades = rig.upgrades().await;
    assert!(
        upgrades.last().is_some_and(|(q, _)| q.contains("wsc=")),
        "recovery was asked for: {upgrades:?}"
    );
    // Still subscribed: the next text comes live.
    let live = rig.push("after the new subscription").await;
    let sms = rig
        .next_sms(Duration::from_secs(5))
        .await
        .expect("live again");
    assert_eq!((sms.message_id, sms.via), (live, Via::Push));
    rig.stop().await;
}

/// The system clock plus an offset the test can jump, as a resume from sleep does.
#[derive(Debug, Clone, Default)]
struct Jumpy(Arc<Mutex<Duration>>);

impl Clock for Jumpy {
    fn now(&self) -> SystemTime {
        SystemTime::now() + *self.0.lock().expect("offset")
    }

    fn sleep(&self, duration: Duration) -> Sleep {
        Box::pin(tokio::time::sleep(duration))
    }
}

#[tokio::test]
async fn a_sleep_is_noticed_and_followed_by_a_new_session() {
    let mut rig = rig(|_| {}).await;
    let clock = Jumpy::default();
    let options = RealtimeOptions {
        clock: Some(Arc::new(clock.clone())),
        ..quick_realtime()
    };
    rig.start(options);
    rig.connected().await;
    *clock.0.lock().expect("offset") = Duration::from_secs(3600);
    let state = rig
        .state(Duration::from_secs(5), |s| recovered(s).is_some())
        .await;
    assert_eq!(
        recovered(&state),
        Some(false),
        "an hour later the recovery window is long gone: a fresh subscription"
    );
    assert_eq!(
        rig.upgrades().await.len(),
        2,
        "the wall-clock jump ended the first session"
    );
    let id = rig.push("good morning").await;
    let sms = rig.next_sms(Duration::from_secs(5)).await.expect("live");
    assert_eq!(sms.message_id, id, "subscribed again after the sleep");
    rig.stop().await;
}
