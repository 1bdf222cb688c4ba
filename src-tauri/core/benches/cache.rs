//! The cache benchmark: `scripts/bench` (or `cargo bench -p ringdesk-core --bench cache`).
//!
//! 1. Full sync of N = 25 000 / 50 000 / 100 000 call-log records from the simulator (its limits
//!    raised out of reach and advertised, so nothing throttles), in a child process
//!    (`ringdesk-cache-sync`) whose peak resident memory is its own: records/s and peak RSS.
//! 2. An incremental sync with nothing new, in-process: requests and milliseconds.
//! 3. Search as you type over 50 000 contacts, 500 000 calls and 200 000 messages: p50 / p99 /
//!    max per keystroke.

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use ringcentral_sim::{RateLimitConfig, SimConfig};
use ringdesk_core::api::ClientOptions;
use ringdesk_core::phone::Country;
use ringdesk_core::store::{
    CallParty, CallRecord, ContactNumber, ContactRecord, ContactSource, Direction, Feed,
    MessageParty, MessageRecord, Store,
};
use ringdesk_core::sync::{sync_all, RingCentral, SyncOptions};

fn main() {
    machine();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(sync_benchmarks());
    search_benchmark();
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

fn sim_config(calls: u64) -> SimConfig {
    SimConfig {
        call_log: calls,
        contacts: 50,
        messages: 50,
        rate_limits: RateLimitConfig {
            enabled: true,
            light: 10_000_000,
            medium: 10_000_000,
            heavy: 10_000_000,
            auth: 10_000,
            ..RateLimitConfig::default()
        },
        ..SimConfig::fast()
    }
}

async fn sync_benchmarks() {
    println!("\n== full sync of the call log (child process, 1000 records a page) ==");
    println!(
        "{:>8}  {:>9}  {:>12}  {:>13}",
        "records", "seconds", "records/s", "peak RSS MiB"
    );
    for n in [25_000u64, 50_000, 100_000] {
        let sim = ringcentral_sim::start(sim_config(n)).await.expect("sim");
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
        let store = Store::open(&db, Country::from_iso_code("US").expect("US")).expect("cache");
        let stored = store.counts().expect("counts").calls;
        assert_eq!(stored, n, "every record stored once");
        println!(
            "{n:>8}  {seconds:>9.2}  {:>12.0}  {rss_mib:>13.1}  {:>16.0}",
            n as f64 / seconds,
            n as f64 / cpu_s.max(0.001)
        );
        if n == 100_000 {
            incremental(&c, store).await;
        }
        sim.shutdown().await;
    }
}

async fn incremental(c: &ringcentral_sim::SimCredentials, mut store: Store) {
    let upstream = RingCentral::sign_in_with_jwt(
        &c.server_url,
        &c.client_id,
        &c.client_secret,
        &c.jwt,
        ClientOptions::default(),
    )
    .await
    .expect("sign in");
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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const FIRST: &[&str] = &[
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "William",
    "Elizabeth",
    "David",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Chen",
    "Aisha",
    "Mateo",
    "Sofia",
    "Hiroshi",
    "Olga",
    "Ravi",
    "Fatima",
];
const LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Nakamura",
    "Okafor",
    "Novak",
    "Kowalski",
    "Schmidt",
    "Rossi",
    "Dubois",
    "Silva",
];
const COMPANY: &[&str] = &[
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark",
    "Wayne",
    "Wonka",
    "Soylent",
    "Cyberdyne",
    "Tyrell",
    "Aperture",
    "Vandelay",
    "Pied Piper",
    "Dunder Mifflin",
    "Oscorp",
];
const WORDS: &[&str] = &[
    "invoice",
    "meeting",
    "tomorrow",
    "call",
    "back",
    "please",
    "thanks",
    "order",
    "shipping",
    "delivery",
    "contract",
    "renewal",
    "quote",
    "price",
    "schedule",
    "confirm",
    "available",
    "question",
    "support",
    "ticket",
    "urgent",
    "payment",
    "received",
    "update",
    "office",
];
const AREAS: &[&str] = &[
    "415", "212", "312", "617", "206", "305", "512", "646", "702", "808",
];

fn number(i: u64) -> String {
    let area = AREAS[(i % AREAS.len() as u64) as usize];
    format!("+1{area}{:03}{:04}", 200 + (i / 10_000) % 700, i % 10_000)
}

fn build_search_cache(store: &mut Store) {
    let mut rng = Rng(7);
    let base = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("date");
    let mut batch = store.batch().expect("batch");
    for i in 0..50_000u64 {
        let contact = ContactRecord {
            remote_id: Some(i.to_string()),
            first_name: rng.pick(FIRST).into(),
            last_name: rng.pick(LAST).into(),
            company: rng.pick(COMPANY).into(),
            email: format!("user{i}@example.com"),
            numbers: vec![ContactNumber {
                number: number(i),
                label: "mobile".into(),
            }],
            ..ContactRecord::default()
        };
        batch
            .put_contact(ContactSource::Personal, &contact, 1)
            .expect("contact");
    }
    batch.commit().expect("commit");
    let own = CallParty {
        number: Some("+16505550101".into()),
        extension: Some("101".into()),
        name: Some("Agent".into()),
    };
    for chunk in 0..50u64 {
        let mut batch = store.batch().expect("batch");
        for j in 0..10_000u64 {
            let i = chunk * 10_000 + j;
            // Most calls are with contacts; some with numbers nobody saved.
            let who = rng.next() % 60_000;
            let them = CallParty {
                number: Some(number(who)),
                extension: None,
                name: (who >= 50_000)
                    .then(|| format!("{} {}", rng.pick(FIRST), rng.pick(LAST)).to_uppercase()),
            };
            let inbound = rng.next().is_multiple_of(2);
            let call = CallRecord {
                id: format!("C{i}"),
                session_id: i.to_string(),
                start: base + chrono::Duration::seconds(i as i64 * 30),
                duration_secs: (rng.next() % 900) as u32,
                direction: if inbound {
                    Direction::Inbound
                } else {
                    Direction::Outbound
                },
                kind: "Voice".into(),
                action: "Phone Call".into(),
                result: if inbound && rng.next().is_multiple_of(5) {
                    "Missed"
                } else {
                    "Accepted"
                }
                .into(),
                from: if inbound { them.clone() } else { own.clone() },
                to: if inbound { own.clone() } else { them },
                legs: Vec::new(),
                raw: None,
            };
            batch.put_call(&call).expect("call");
        }
        batch.commit().expect("commit");
    }
    for chunk in 0..20u64 {
        let mut batch = store.batch().expect("batch");
        for j in 0..10_000u64 {
            let i = chunk * 10_000 + j;
            let who = rng.next() % 60_000;
            let inbound = rng.next().is_multiple_of(2);
            let them = MessageParty {
                number: number(who),
                name: None,
            };
            let us = MessageParty {
                number: "+16505550101".into(),
                name: None,
            };
            let text = (0..6)
                .map(|_| rng.pick(WORDS))
                .collect::<Vec<_>>()
                .join(" ");
            let at = base + chrono::Duration::seconds(i as i64 * 75);
            let message = MessageRecord {
                id: 1_000_000 + i as i64,
                conversation_id: who as i64,
                direction: if inbound {
                    Direction::Inbound
                } else {
                    Direction::Outbound
                },
                created: at,
                modified: at,
                from: if inbound { them.clone() } else { us.clone() },
                to: vec![if inbound { us } else { them }],
                text,
                read: !inbound || !rng.next().is_multiple_of(3),
                status: "Delivered".into(),
                delivery_error: None,
                deleted: false,
                raw: None,
            };
            batch.put_message(&message).expect("message");
        }
        batch.commit().expect("commit");
    }
}

fn search_benchmark() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let path = dir.path().join("search.sqlite3");
    let mut store = Store::open(&path, Country::from_iso_code("US").expect("US")).expect("cache");
    let started = Instant::now();
    build_search_cache(&mut store);
    let counts = store.counts().expect("counts");
    println!(
        "\n== search as you type ({} contacts, {} calls, {} messages; built in {:.0} s) ==",
        counts.contacts,
        counts.calls,
        counts.messages,
        started.elapsed().as_secs_f64()
    );
    let typed = [
        "jennifer",
        "smith",
        "jo sm",
        "acme",
        "pied piper",
        "nakamura",
        "invoice",
        "renewal quote",
        "415",
        "(415) 2",
        "+1 212 205",
        "0199",
        "6172051234",
        "xyzzy",
    ];
    let mut all = Vec::new();
    let mut slowest: Vec<(Duration, &str)> = Vec::new();
    for _ in 0..10 {
        for word in typed {
            for end in word.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let query = &word[..end];
                let t = Instant::now();
                let found = store.search(query, 20).expect("search");
                let took = t.elapsed();
                all.push(took);
                slowest.push((took, query));
                std::hint::black_box(found);
            }
        }
    }
    all.sort();
    slowest.sort_by_key(|(took, _)| std::cmp::Reverse(*took));
    slowest.dedup_by_key(|(_, q)| *q);
    let at = |p: f64| ms(all[((all.len() - 1) as f64 * p) as usize]);
    println!(
        "{} keystrokes: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (each: top 20 contacts, calls and messages)",
        all.len(),
        at(0.50),
        at(0.99),
        ms(all[all.len() - 1])
    );
    let worst: Vec<String> = slowest
        .iter()
        .take(5)
        .map(|(took, q)| format!("{q:?} {:.1} ms", ms(*took)))
        .collect();
    println!("slowest keystrokes: {}", worst.join(", "));
}
