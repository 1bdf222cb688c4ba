//! The cache benchmark: `scripts/bench` (or `cargo bench -p ringdesk-core --bench cache`).
//!
//! 1. Full sync of N = 25 000 / 50 000 / 100 000 call-log records from the simulator (its limits
//!    raised out of reach and advertised, so nothing throttles), in a child process
//!    (`ringdesk-cache-sync`) whose peak resident memory is its own: records/s and peak RSS.
//! 2. An incremental sync with nothing new, in-process: requests and milliseconds.
//! 3. Search as you type over 50 000 contacts, 500 000 calls, 200 000 messages and 200 000 team
//!    chat posts: p50 / p99 / max per keystroke.

mod search;
mod sync;

use std::time::Duration;

fn main() {
    machine();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(sync::benchmarks());
    search::benchmark();
}

fn machine() {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("machine: {cores} cores (nproc), CPU {cpu}");
}

/// Milliseconds, for printing.
fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
