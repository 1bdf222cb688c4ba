//! A syncing process killed with SIGKILL leaves a consistent cache; the next sync finishes it
//! without duplicates.

use std::io::{BufRead, BufReader};

use ringdesk_testkit::sim::seeded;

use super::support::{stored_ids, world};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sync_killed_mid_way_resumes_without_duplicates() {
    let world = world(seeded(20_000, 60, 200)).await;
    let spawn = || world.sync_child(&["--per-page", "200"]);
    let mut child = spawn();
    let stdout = child.stdout.take().expect("piped stdout");
    let lines = tokio::task::spawn_blocking(move || {
        let mut seen = 0;
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap_or_default();
            if line.contains("\"backfill\"") {
                seen += 1;
                if seen == 8 {
                    return true;
                }
            }
        }
        false
    })
    .await
    .expect("reader");
    assert!(lines, "the child reached the backfill before exiting");
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");

    let mut store = world.store();
    store
        .check_integrity()
        .expect("a killed sync leaves a consistent file");
    let partial = stored_ids(&store, "calls");
    let all = world.call_ids().await;
    assert!(
        partial.len() > 1_000 && partial.len() < all.len(),
        "killed mid-way: {}",
        partial.len()
    );
    assert!(partial.is_subset(&all), "only real records");
    assert!(!store
        .spans(ringdesk_core::store::Feed::CallLog)
        .expect("frames")
        .is_empty());

    let status = spawn().wait().expect("second run");
    assert!(status.success(), "the second sync completes");
    store = world.store();
    assert_eq!(stored_ids(&store, "calls"), all, "complete, no duplicates");
    assert!(store
        .spans(ringdesk_core::store::Feed::CallLog)
        .expect("frames")
        .is_empty());
}
