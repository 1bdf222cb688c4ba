//! A full sync then incremental syncs give exactly the simulator's data.

use std::collections::BTreeSet;

use ringdesk_testkit::sim::seeded;

use super::support::{stored_ids, world};

/// Equal sets, reported by size and a few differences rather than in full.
fn same(cached: BTreeSet<String>, upstream: BTreeSet<String>, what: &str) {
    let missing: Vec<_> = upstream.difference(&cached).take(5).collect();
    let extra: Vec<_> = cached.difference(&upstream).take(5).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: cached {} vs upstream {}; missing {missing:?}, extra {extra:?}",
        cached.len(),
        upstream.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_then_incremental_sync_equals_the_simulator() {
    let world = world(seeded(3_000, 120, 400)).await;
    let mut store = world.store();
    let first = world.sync(&mut store).await;
    assert!(
        first.call_log.full_sync && first.messages.full_sync,
        "a first sync is full"
    );
    same(
        stored_ids(&store, "calls"),
        world.call_ids().await,
        "calls: ids and count",
    );
    same(
        stored_ids(&store, "messages"),
        world.message_ids().await,
        "messages",
    );
    same(
        stored_ids(&store, "personal"),
        world.contact_ids().await,
        "contacts",
    );
    same(
        stored_ids(&store, "directory"),
        world.directory_ids().await,
        "directory",
    );
    store
        .check_integrity()
        .expect("consistent after a full sync");

    // New activity upstream, then an incremental sync.
    world
        .admin
        .inbound_sms("+14155550177", "are you there?")
        .await;
    world.place_call("+12125550123").await;
    let second = world.sync(&mut store).await;
    assert!(!second.call_log.full_sync, "the token carries on: ISync");
    assert!(!second.messages.full_sync, "the token carries on: ISync");
    assert_eq!(
        second.call_log.requests, 1,
        "nothing to backfill: one request"
    );
    same(
        stored_ids(&store, "calls"),
        world.call_ids().await,
        "the new call arrived",
    );
    same(
        stored_ids(&store, "messages"),
        world.message_ids().await,
        "the new SMS",
    );
    let found = store.search("are you there", 5).expect("search");
    assert_eq!(found.messages.len(), 1, "the new SMS is searchable");

    // Read here, then upstream: the change is queued and sent by the next sync.
    let unread = store
        .conversations(None, 100)
        .expect("conversations")
        .conversations
        .into_iter()
        .find(|c| c.unread > 0)
        .expect("the seeded store has unread conversations");
    let changed = store
        .mark_conversation_read(unread.id, true, chrono::Utc::now())
        .expect("marked read locally");
    assert_eq!(
        store.queued_read_changes(100).expect("queue").len(),
        changed.len()
    );
    world.sync(&mut store).await;
    assert!(
        store.queued_read_changes(100).expect("queue").is_empty(),
        "the queue was sent"
    );
    for id in &changed {
        assert_eq!(
            world.read_status(*id).await,
            "Read",
            "RingCentral has message {id} read"
        );
    }

    // Nothing new: one request per feed, nothing stored twice.
    let third = world.sync(&mut store).await;
    assert_eq!(third.call_log.requests, 1);
    same(stored_ids(&store, "calls"), world.call_ids().await, "calls");
    assert!(
        !store.activity(10).expect("activity").is_empty(),
        "requests are logged"
    );
}
