//! Full and incremental call-log sync against the simulator.

use std::process::Command;
use std::time::Instant;

use chrono::Utc;
use ringcentral_sim::RunningSim;
use ringdesk_core::store::{Feed, Store};
use ringdesk_core::sync::{sync_all, SyncOptions};
use ringdesk_testkit::fixtures::us;
use ringdesk_testkit::signin::jwt_upstream;
use ringdesk_testkit::sim::{seeded, start};

use crate::ms;

/// Full syncs of 25 000 / 50 000 / 100 000 records, then the incremental one.
pub async fn benchmarks() {
    println!("\n== full sync of the call log (child process, 1000 records a page) ==");
    println!(
        "{:>8}  {:>9}  {:>12}  {:>13}  {:>16}",
        "records", "seconds", "records/s", "peak RSS MiB", "records/CPU-s"
    );
    for n in [25_000u64, 50_000, 100_000] {
        let sim = start(seeded(n, 50, 50)).await;
        let c = sim.credentials().clone();
        let dir = tempfile::TempDir::new().expect("temp dir");
        let db = dir.path().join("bench.sqlite3");
        let started = Instant::now();
        let child = child_output(
            Command::new(env!("CARGO_BIN_EXE_ringdesk-cache-sync"))
                .args(["--db", &db.to_string_lossy(), "--server", &c.server_url])
                .args([
                    "--client-id",
                    &c.client_id,
                    "--client-secret",
                    &c.client_secret,
                ])
                .args(["--feeds", "call_log"])
                .env("RINGDESK_SYNC_JWT", &c.jwt),
        )
        .await;
        let seconds = started.elapsed().as_secs_f64();
        let stdout = String::from_utf8_lossy(&child.stdout);
        assert!(
            child.status.success(),
            "sync child failed: {}",
            String::from_utf8_lossy(&child.stderr)
        );
        let last: serde_json::Value =
            serde_json::from_str(stdout.lines().last().unwrap_or("{}")).unwrap_or_default();
        let rss_mib = last["peak_rss_kb"].as_f64().unwrap_or(0.0) / 1024.0;
        // The syncing process's own CPU: what the cache side costs, without the simulator.
        let cpu_s = last["cpu_ms"].as_f64().unwrap_or(0.0) / 1000.0;
        let store = Store::open(&db, us()).expect("cache");
        let stored = store.counts().expect("counts").calls;
        assert_eq!(stored, n, "every record stored once");
        println!(
            "{n:>8}  {seconds:>9.2}  {:>12.0}  {rss_mib:>13.1}  {:>16.0}",
            n as f64 / seconds,
            n as f64 / cpu_s.max(0.001)
        );
        if n == 100_000 {
            incremental(&sim, store).await;
        }
        sim.shutdown().await;
    }
}

async fn incremental(sim: &RunningSim, mut store: Store) {
    let upstream = jwt_upstream(sim).await;
    let mut options = SyncOptions::new(Utc::now());
    options.feeds = vec![Feed::CallLog];
    let mut times = Vec::new();
    let mut requests = 0;
    for _ in 0..20 {
        let started = Instant::now();
        let report = sync_all(&mut store, &upstream, &options, &|_| {})
            .await
            .expect("ISync");
        times.push(started.elapsed());
        requests = report.call_log.requests;
    }
    times.sort();
    println!(
        "\n== incremental call-log sync, nothing new (100 000 cached) ==\n{requests} request; median {:.1} ms, max {:.1} ms over 20 runs",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
}

/// Runs a child process to completion without blocking the runtime (the simulator serving it
/// lives in this process).
async fn child_output(command: &mut Command) -> std::process::Output {
    let mut command = std::mem::replace(command, Command::new("true"));
    tokio::task::spawn_blocking(move || command.output().expect("child runs"))
        .await
        .expect("join")
}
