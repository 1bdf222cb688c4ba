//! The outbox across real processes: two `ringdesk-cache-sync --flush-outbox` children flushing
//! one cache at once, and children killed with `kill -9` at random points of a flush. Every text
//! is counted where it matters, in the simulator's message store.

use std::io::{BufRead, BufReader};
use std::process::Child;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use chrono::Utc;
use ringcentral_sim::SimConfig;
use ringdesk_core::store::{OutboxState, Store};

use super::sent::{assert_each_once, delay_sends, requests, SMS_PATH};
use super::support::{world, World};
use ringdesk_testkit::sim::seeded;
use ringdesk_testkit::Fault;

/// The children's grace before an unknown outcome is looked up.
const GRACE_MS: u64 = 2000;

/// A simulator that lets every child sign in (each is a session of its own).
fn many_sessions() -> SimConfig {
    SimConfig {
        max_sessions: 1000,
        ..seeded(10, 10, 10)
    }
}

/// A child flushing the world's outbox until nothing is open, and its output lines.
fn flusher(world: &World) -> (Child, Receiver<String>) {
    let mut child = world.sync_child(&["--flush-outbox", &GRACE_MS.to_string()]);
    let stdout = child.stdout.take().expect("piped stdout");
    let (lines, received) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    (child, received)
}

/// Waits until the child has signed in and begins to flush.
fn until_flushing(lines: &Receiver<String>) {
    loop {
        let line = lines
            .recv_timeout(Duration::from_secs(30))
            .expect("the child starts flushing");
        if line.contains("\"flushing\"") {
            return;
        }
    }
}

/// Waits for a child to finish its flushes and succeed.
async fn finished(mut child: Child, within: Duration) {
    let deadline = Instant::now() + within;
    loop {
        if let Some(status) = child.try_wait().expect("child status") {
            assert!(status.success(), "the flushing child succeeds: {status}");
            return;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the flushing child did not settle the outbox within {within:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Queues `text` to one of eight recipients.
fn queue(store: &mut Store, from: &str, n: usize, text: &str) {
    store
        .queue_sms(
            &format!("+1212555{:04}", 100 + n % 8),
            from,
            text,
            Utc::now(),
        )
        .expect("queued");
}

/// Every outbox row is sent, each as its own message.
fn all_sent(store: &Store, count: usize) {
    let items = store.outbox().expect("outbox");
    let unsent: Vec<_> = items
        .iter()
        .filter(|i| i.state != OutboxState::Sent)
        .collect();
    assert!(unsent.is_empty(), "every row is sent: {unsent:?}");
    let ids: std::collections::BTreeSet<_> = items.iter().filter_map(|i| i.message_id).collect();
    assert_eq!(ids.len(), count, "each row stands for its own message");
}

/// A small seeded generator (SplitMix64), so a failing run can be repeated.
struct Seeded(u64);

impl Seeded {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % bound
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_flushing_at_once_send_each_of_200_texts_exactly_once() {
    let began = Instant::now();
    let world = world(many_sessions()).await;
    let mut store = world.store();
    let from = world.sms_number().await;
    let texts: Vec<String> = (0..200).map(|n| format!("race {n:03}")).collect();
    for (n, text) in texts.iter().enumerate() {
        queue(&mut store, &from, n, text);
    }
    // Every answer is a little slow, so the flushes overlap; every 50th is slower than the grace.
    delay_sends(
        &world,
        (0..texts.len()).map(|n| if n % 50 == 12 { 2500 } else { 20 }),
    )
    .await;

    let (first, first_lines) = flusher(&world);
    until_flushing(&first_lines);
    // The second process arrives once the first one's claims are older than the grace.
    tokio::time::sleep(Duration::from_millis(GRACE_MS + 200)).await;
    let (second, second_lines) = flusher(&world);
    until_flushing(&second_lines);
    finished(first, Duration::from_secs(50)).await;
    finished(second, Duration::from_secs(10)).await;

    all_sent(&world.store(), texts.len());
    assert_each_once(&world, &texts).await;
    let posts = requests(&world)
        .await
        .iter()
        .filter(|r| r["method"] == "POST" && r["path"] == SMS_PATH)
        .count();
    assert_eq!(posts, texts.len(), "one request per text");
    eprintln!("200 texts, two processes: {:?}", began.elapsed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flushes_killed_at_random_points_lose_none_and_double_none() {
    let began = Instant::now();
    let world = world(many_sessions()).await;
    let mut store = world.store();
    let from = world.sms_number().await;
    world
        .admin
        .arm(Fault::on("POST", SMS_PATH).delay_ms(60).times(100_000))
        .await;
    let mut random = Seeded(13);
    let mut texts = Vec::new();
    for round in 0..20 {
        for k in 0..5 {
            let text = format!("round {round:02} text {k}");
            queue(&mut store, &from, texts.len(), &text);
            texts.push(text);
        }
        let (mut child, lines) = flusher(&world);
        until_flushing(&lines);
        std::thread::sleep(Duration::from_millis(random.below(300)));
        child.kill().expect("kill -9");
        child.wait().expect("reaped");
    }
    store
        .check_integrity()
        .expect("killed flushes leave a consistent file");

    let (last, lines) = flusher(&world);
    until_flushing(&lines);
    finished(last, Duration::from_secs(40)).await;
    all_sent(&world.store(), texts.len());
    assert_each_once(&world, &texts).await;
    eprintln!("20 killed flushes of 100 texts: {:?}", began.elapsed());
}
