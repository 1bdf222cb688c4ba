//! RingCentral demanding a full sync — the 250-change cap, an expired token after a reset,
//! `MSG-333` — is recovered with a full sync and a gap frame, without losing or doubling data.

use ringdesk_testkit::sim::{seeded, EXTENSION};
use ringdesk_testkit::Fault;

use super::support::{stored_ids, world};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_250_cap_and_expired_tokens_force_a_full_sync_that_recovers() {
    let world = world(seeded(1_200, 40, 150)).await;
    let mut store = world.store();
    world.sync(&mut store).await;

    let call_log_sync = format!("{EXTENSION}/call-log-sync");
    world
        .admin
        .arm(
            Fault::on("GET", &call_log_sync)
                .status(400)
                .error_code("CLG-104"),
        )
        .await;
    world.place_call("+12125550123").await;
    let capped = world.sync(&mut store).await;
    assert!(
        capped.call_log.full_sync,
        "more than 250 changes: a new FSync"
    );
    let (stored, upstream) = (stored_ids(&store, "calls"), world.call_ids().await);
    assert!(
        stored == upstream,
        "nothing lost or doubled: {} vs {}",
        stored.len(),
        upstream.len()
    );

    // A reset upstream makes every token stale (CLG-102, MSG-333, address book).
    world.admin.reset(false).await;
    world
        .admin
        .inbound_sms("+14155550177", "after the reset")
        .await;
    let reset = world.sync(&mut store).await;
    assert!(reset.call_log.full_sync, "CLG-102: full sync");
    assert!(reset.messages.full_sync, "MSG-333: full sync");
    assert!(
        reset.contacts.full_sync,
        "stale address-book token: full sync"
    );
    // The reset dropped the live call upstream; the cache keeps history RingCentral forgot.
    let calls = stored_ids(&store, "calls");
    let upstream_calls = world.call_ids().await;
    assert!(
        calls.is_superset(&upstream_calls),
        "every call RingCentral holds is cached"
    );
    assert_eq!(
        calls.len(),
        upstream_calls.len() + 1,
        "plus the one call the reset removed"
    );
    let messages = stored_ids(&store, "messages");
    assert!(
        messages.is_superset(&world.message_ids().await),
        "every SMS is cached"
    );
    assert_eq!(
        stored_ids(&store, "personal"),
        world.contact_ids().await,
        "contacts are swept"
    );
    let after = world.sync(&mut store).await;
    assert!(
        !after.call_log.full_sync && !after.messages.full_sync,
        "back to ISync"
    );
    store.check_integrity().expect("consistent");
}
