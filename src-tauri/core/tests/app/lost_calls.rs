//! A call whose status can no longer be read ends in a clear final state and frees the dialer.

use ringdesk_core::app::DeskEvent;

use ringdesk_testkit::sim::EXTENSION;
use ringdesk_testkit::Fault;

use crate::support::{demo_desk, next_event, sim_admin};

#[tokio::test(flavor = "multi_thread")]
async fn a_call_whose_status_cannot_be_read_ends_as_unknown_and_frees_the_dialer() {
    let mut demo = demo_desk().await;
    // Every status poll of the RingOut is refused (400: not retried), more times than the
    // follower tries.
    let polls = format!("{EXTENSION}/ring-out/");
    sim_admin(&demo.desk)
        .await
        .arm(Fault::on("GET", &polls).status(400).times(8))
        .await;
    demo.call("+1 650 555 0123").await.expect("placed");
    let lost = next_event(&mut demo.events, "the call's final state", |e| match e {
        DeskEvent::Call(view) if view.done => Some(view.clone()),
        _ => None,
    })
    .await;
    assert_eq!(lost.phase, "unknown", "{lost:?}");
    assert!(!lost.success && !lost.cancellable);
    assert!(
        lost.words.summary.contains("check your phone"),
        "the agent is told what to do: {:?}",
        lost.words
    );
    let next = demo.call("+1 650 555 0124").await;
    assert!(
        next.is_ok(),
        "the dialer is free for the next call: {next:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn resetting_the_connection_ends_a_followed_call_at_once() {
    let mut demo = demo_desk().await;
    let call = demo.call("+1 650 555 0123").await.expect("placed");
    demo.desk.reset_connection().await;
    let ended = next_event(&mut demo.events, "the call's end", |e| match e {
        DeskEvent::Call(view) if view.id == call.id && view.done => Some(view.clone()),
        _ => None,
    })
    .await;
    assert_eq!(
        ended.phase, "unknown",
        "the reset stopped following it; the phone knows how it goes: {ended:?}"
    );
    assert!(
        demo.desk.current_call().await.is_none_or(|c| c.done),
        "no call is left in progress after a reset"
    );
}
