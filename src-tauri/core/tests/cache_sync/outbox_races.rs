//! Two flushes of one outbox at once (the window's background sync, its Send, a `ringdesk sms`
//! in another process): every state change is a compare-and-set, a claim's grace counts from
//! when its request left, and a text whose answer is slow is never sent a second time.

use std::time::Duration as StdDuration;

use chrono::{Duration, Utc};
use ringdesk_core::api::ClientOptions;
use ringdesk_core::clock::SystemClock;
use ringdesk_core::phone::Country;
use ringdesk_core::sms::flush_outbox;
use ringdesk_core::store::{OutboxState, Store};
use ringdesk_core::sync::{RingCentral, SyncError, Upstream};

use super::sent::{assert_each_once, requests, SMS_PATH};
use super::support::{world, World};
use ringdesk_testkit::sim::seeded;
use ringdesk_testkit::Fault;

/// Flushes the world's outbox twice as a second process would: on a thread of its own, with its
/// own runtime, sign-in and cache connection (its waits for the cache's write lock block
/// nothing else).
fn flush_twice_elsewhere(
    world: &World,
    grace: Duration,
) -> std::thread::JoinHandle<Result<(), SyncError>> {
    let c = world.sim.credentials().clone();
    let db = world.db();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            let upstream = RingCentral::sign_in_with_jwt(
                &c.server_url,
                &c.client_id,
                &c.client_secret,
                &c.jwt,
                ClientOptions::default(),
            )
            .await
            .expect("a second sign-in");
            let mut store =
                Store::open(&db, Country::from_iso_code("US").expect("US")).expect("cache");
            for _ in 0..2 {
                flush_outbox(&mut store, &upstream, &SystemClock, grace).await?;
            }
            Ok(())
        })
    })
}

/// Another signed-in client, as a second process would have.
async fn second_upstream(world: &World) -> RingCentral {
    let c = world.sim.credentials();
    RingCentral::sign_in_with_jwt(
        &c.server_url,
        &c.client_id,
        &c.client_secret,
        &c.jwt,
        ClientOptions::default(),
    )
    .await
    .expect("a second sign-in")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claim_is_stamped_when_its_request_leaves_not_when_the_flush_began() {
    let world = world(seeded(10, 10, 10)).await;
    let mut store = world.store();
    let from = world.sms_number().await;
    for n in 0..3 {
        store
            .queue_sms("(212) 555-0123", &from, &format!("stamp {n}"), Utc::now())
            .expect("queued");
    }
    world
        .admin
        .arm(Fault::on("POST", SMS_PATH).delay_ms(400).times(2))
        .await;
    let began = Utc::now();
    flush_outbox(
        &mut store,
        &world.upstream,
        &SystemClock,
        Duration::seconds(30),
    )
    .await
    .expect("flush");
    let items = store.outbox().expect("outbox");
    let third = items.last().expect("three items");
    assert_eq!(third.state, OutboxState::Sent);
    let stamp = third.last_attempt.expect("attempted");
    assert!(
        stamp >= began + Duration::milliseconds(800),
        "the third send left after two slow ones, {} ms after the flush began; its claim says {} ms",
        (Utc::now() - began).num_milliseconds(),
        (stamp - began).num_milliseconds()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reconcile_that_found_nothing_never_reopens_a_text_sent_meanwhile() {
    let world = world(seeded(10, 10, 10)).await;
    let from = world.sms_number().await;
    let text = "sent by the first flush while the second looked";
    let to = "+12125550124";
    let mut first = world.store();
    let item = first
        .queue_sms(to, &from, text, Utc::now())
        .expect("queued");
    // The first flush claimed it a while ago (its request is slow to leave).
    assert!(first
        .outbox_claim(&item, Utc::now() - Duration::minutes(1))
        .expect("claim")
        .is_some());

    // The first flush is about to record its answer: it holds the cache's write lock.
    let writer = rusqlite::Connection::open(world.db()).expect("a raw connection");
    writer
        .execute_batch("BEGIN IMMEDIATE")
        .expect("the first flush's transaction");

    // The second flush sees the old claim, looks the text up (not there yet), and waits for the
    // write lock to record what it found; then flushes once more.
    let looked_up = requests(&world).await.len();
    let second = flush_twice_elsewhere(&world, Duration::seconds(30));
    let mut waited = 0;
    while !requests(&world).await[looked_up..]
        .iter()
        .any(|r| r["method"] == "GET" && r["path"].as_str().unwrap_or("").contains("message-store"))
    {
        waited += 1;
        assert!(waited < 400, "the second flush looks the text up");
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    tokio::time::sleep(StdDuration::from_millis(200)).await;

    // Meanwhile the first flush's request goes out and its answer is committed.
    let message = world
        .upstream
        .send_sms(&from, to, text)
        .await
        .expect("the first flush's send");
    writer
        .execute_batch(&format!(
            "UPDATE outbox SET state = 'sent', message_id = {} WHERE id = {};
             COMMIT;",
            message.id, item.id
        ))
        .expect("the first flush records its answer");

    tokio::task::spawn_blocking(move || second.join())
        .await
        .expect("joined")
        .expect("the second process ends")
        .expect("its flushes succeed");
    let after = first.outbox_item(item.id).expect("item");
    assert_eq!(
        (after.state, after.message_id),
        (OutboxState::Sent, Some(message.id)),
        "the committed answer stands: {after:?}"
    );
    assert_each_once(&world, &[text.to_owned()]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_delayed_past_the_grace_is_not_sent_again_by_another_flush() {
    let world = world(seeded(10, 10, 10)).await;
    let from = world.sms_number().await;
    let text = "slow to answer";
    let grace = Duration::seconds(1);
    let mut first = world.store();
    let item = first
        .queue_sms("+12125550125", &from, text, Utc::now())
        .expect("queued");
    world
        .admin
        .arm(Fault::on("POST", SMS_PATH).delay_ms(2500).times(1))
        .await;
    let upstream = second_upstream(&world).await;
    let slow = tokio::spawn(async move {
        let report = flush_outbox(&mut first, &upstream, &SystemClock, grace).await;
        report.map(|r| r.sent)
    });
    tokio::time::sleep(StdDuration::from_millis(1500)).await;

    // Past the grace, while the first flush still waits for its answer.
    let mut second = world.store();
    flush_outbox(&mut second, &world.upstream, &SystemClock, grace)
        .await
        .expect("the second flush");
    slow.await
        .expect("the first flush ends")
        .expect("it succeeds");
    let mut rounds = 0;
    while !second.open_outbox().expect("outbox").is_empty() {
        rounds += 1;
        assert!(rounds < 20, "the outbox settles");
        tokio::time::sleep(StdDuration::from_millis(200)).await;
        flush_outbox(&mut second, &world.upstream, &SystemClock, grace)
            .await
            .expect("flush");
    }
    assert_eq!(
        second.outbox_item(item.id).expect("item").state,
        OutboxState::Sent
    );
    assert_each_once(&world, &[text.to_owned()]).await;
}
