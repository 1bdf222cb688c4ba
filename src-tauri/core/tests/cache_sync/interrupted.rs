//! A backfill refused part-way keeps the pages already written (each with its frame's new end,
//! while the next page was being fetched) and the next sync completes it without duplicates.

use chrono::Utc;
use ringdesk_core::store::Feed;
use ringdesk_core::sync::{sync_all, SyncError, SyncOptions, UpstreamError};
use ringdesk_testkit::sim::{seeded, EXTENSION};
use ringdesk_testkit::Fault;

use super::support::{stored_ids, world};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backfill_refused_part_way_keeps_its_pages_and_resumes() {
    let world = world(seeded(5_000, 10, 10)).await;
    let path = &format!("{EXTENSION}/call-log");
    // The FSync and two backfill pages pass; the third page is refused (not retried).
    world
        .admin
        .arm(Fault::on("GET", path).delay_ms(0).times(3))
        .await;
    world
        .admin
        .arm(Fault::on("GET", path).status(400).error_code("CMN-101"))
        .await;
    let mut store = world.store();
    let mut options = SyncOptions::new(Utc::now());
    options.feeds = vec![Feed::CallLog];
    let refused = sync_all(&mut store, &world.upstream, &options, &|_| {}).await;
    assert!(
        matches!(
            refused,
            Err(SyncError::Upstream(UpstreamError::Refused {
                status: 400,
                ..
            }))
        ),
        "the refusal stops the sync: {refused:?}"
    );
    let kept = stored_ids(&store, "calls").len();
    assert!(
        (2_000..=2_250).contains(&kept),
        "the FSync and both pages fetched before the refusal are stored: {kept}"
    );
    assert_eq!(
        store.spans(Feed::CallLog).expect("frames").len(),
        1,
        "the backfill frame stays, shrunk to what is missing"
    );

    let resumed = sync_all(&mut store, &world.upstream, &options, &|_| {})
        .await
        .expect("the next sync completes");
    assert!(!resumed.call_log.full_sync, "it resumes with the token");
    assert_eq!(
        stored_ids(&store, "calls"),
        world.call_ids().await,
        "every call once, none missing"
    );
    assert!(
        store.spans(Feed::CallLog).expect("frames").is_empty(),
        "nothing left to fetch"
    );
    store.check_integrity().expect("consistent");
}
