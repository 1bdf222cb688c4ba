//! Every text a customer sends reaches the desktop's notifier at least once: one the notifier
//! never took (it fell behind, or ringdesk stopped in between) is handed over from the ledger.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use ringdesk_core::app::{Desk, DeskEvent};

use ringdesk_testkit::sim::CUSTOMER;

use crate::support::{demo_desk, next_event, sim_admin};

async fn text_from_customer(desk: &Desk, text: &str) -> i64 {
    let stored = sim_admin(desk).await.inbound_sms(CUSTOMER, text).await;
    stored["id"].as_i64().expect("a message id")
}

async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_text_the_notifier_never_took_is_handed_over_from_the_ledger() {
    let mut demo = demo_desk().await;
    next_event(&mut demo.events, "live updates", |e| match e {
        DeskEvent::Connection(view) if view.state.is_working() => Some(()),
        _ => None,
    })
    .await;
    // Announced while no notifier listens: the event is gone, the ledger keeps the claim.
    let missed = text_from_customer(&demo.desk, "Are you there?").await;
    next_event(&mut demo.events, "the announcement", |e| match e {
        DeskEvent::NewText(text) if text.message_id == missed => Some(()),
        _ => None,
    })
    .await;

    let taken = Arc::new(Mutex::new(Vec::new()));
    let record = taken.clone();
    let notifier = tokio::spawn(demo.desk.clone().deliver_new_texts(move |text| {
        record.lock().expect("lock").push(text.message_id);
    }));
    until("the missed text handed over", || {
        taken.lock().expect("lock").contains(&missed)
    })
    .await;
    let live = text_from_customer(&demo.desk, "Hello again").await;
    until("the next text handed over", || {
        taken.lock().expect("lock").contains(&live)
    })
    .await;
    notifier.abort();
    let seen = taken.lock().expect("lock").clone();
    assert_eq!(
        seen.iter().filter(|id| **id == missed).count(),
        1,
        "handed over once in a run: {seen:?}"
    );

    // A notifier started again (a restart) has nothing left to hand over.
    let again = Arc::new(Mutex::new(Vec::new()));
    let record = again.clone();
    let restarted = tokio::spawn(demo.desk.clone().deliver_new_texts(move |text| {
        record.lock().expect("lock").push(text.message_id);
    }));
    tokio::time::sleep(Duration::from_millis(500)).await;
    restarted.abort();
    assert!(
        again.lock().expect("lock").is_empty(),
        "delivered texts are not announced again"
    );
}
