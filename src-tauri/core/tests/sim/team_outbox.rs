//! Posting to a team chat through the outbox over real HTTP: a post goes once; one whose answer
//! was lost (the simulator handled it, then a gateway answered 502) is found in the chat, not
//! posted twice; one written while RingCentral is unreachable waits and goes once after; one
//! RingCentral refuses fails with the reason; one past 10 000 characters is refused before it is
//! queued.

use chrono::Duration;
use ringdesk_core::api::team;
use ringdesk_core::clock::SystemClock;
use ringdesk_core::store::{OutboxState, Store};
use ringdesk_core::team::{flush_posts, send_post, TeamError, MOST_POST_CHARS};
use ringdesk_testkit::fixtures::us;
use ringdesk_testkit::signin::{jwt_client, quick};
use ringdesk_testkit::sim::{roomy, sim};
use ringdesk_testkit::{Fault, SimAdmin};

async fn posts_with(client: &ringdesk_core::api::Client, chat: &str, text: &str) -> usize {
    let page = team::posts(
        client,
        chat,
        250,
        None,
        ringdesk_core::api::Priority::Interactive,
    )
    .await
    .expect("posts");
    page.records
        .iter()
        .filter(|p| p.text.as_deref() == Some(text))
        .count()
}

#[tokio::test]
async fn a_post_goes_once_even_when_its_answer_is_lost_or_ringcentral_is_away() {
    let sim = sim(|c| {
        c.rate_limits = roomy();
        c.keep_alive = false;
    })
    .await;
    let agent = jwt_client(&sim, quick()).await.client();
    let me = sim.credentials().extension_id.clone();
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("cache.sqlite3"), us()).expect("cache");
    let chat = team::conversation(&agent, &[])
        .await
        .expect("personal chat")
        .id;
    let grace = Duration::zero();

    let sent = send_post(&mut store, &agent, &chat, "plain", &me, &SystemClock, grace)
        .await
        .expect("posted");
    assert_eq!(sent.state, OutboxState::Sent);
    assert!(sent.post_id.is_some());
    assert_eq!(posts_with(&agent, &chat, "plain").await, 1);

    let admin = SimAdmin::of(&sim);
    let path = format!("/team-messaging/v1/chats/{chat}/posts");
    admin
        .arm(Fault::on("POST", &path).processed().status(502))
        .await;
    let lost = send_post(
        &mut store,
        &agent,
        &chat,
        "lost answer",
        &me,
        &SystemClock,
        grace,
    )
    .await
    .expect("kept");
    assert_eq!(lost.state, OutboxState::Unknown, "{lost:?}");
    let settled = flush_posts(&mut store, &agent, &me, &SystemClock, grace)
        .await
        .expect("flush");
    assert_eq!((settled.reconciled, settled.sent), (1, 0), "{settled:?}");
    assert_eq!(
        posts_with(&agent, &chat, "lost answer").await,
        1,
        "found, not posted again"
    );

    sim.refuse_connections().await;
    let away = send_post(
        &mut store,
        &agent,
        &chat,
        "while away",
        &me,
        &SystemClock,
        grace,
    )
    .await
    .expect("kept");
    assert_eq!(away.state, OutboxState::Pending, "{away:?}");
    sim.accept_connections().await.expect("listening again");
    let later = flush_posts(&mut store, &agent, &me, &SystemClock, grace)
        .await
        .expect("flush");
    assert_eq!(later.sent, 1);
    let again = flush_posts(&mut store, &agent, &me, &SystemClock, grace)
        .await
        .expect("flush");
    assert_eq!(again.sent + again.reconciled, 0, "nothing left");
    assert_eq!(posts_with(&agent, &chat, "while away").await, 1);
    assert!(store.open_posts().expect("open").is_empty());
}

#[tokio::test]
async fn refused_and_overlong_posts_say_why() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let agent = jwt_client(&sim, quick()).await.client();
    let me = sim.credentials().extension_id.clone();
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("cache.sqlite3"), us()).expect("cache");
    let grace = Duration::zero();
    let refused = send_post(&mut store, &agent, "1", "hello?", &me, &SystemClock, grace).await;
    assert!(matches!(refused, Err(TeamError::Refused(_))), "{refused:?}");
    let long = "x".repeat(MOST_POST_CHARS + 1);
    let chat = team::conversation(&agent, &[])
        .await
        .expect("personal chat")
        .id;
    let overlong = send_post(&mut store, &agent, &chat, &long, &me, &SystemClock, grace).await;
    assert!(
        matches!(overlong, Err(TeamError::TooLong { .. })),
        "{overlong:?}"
    );
    assert!(
        store.open_posts().expect("open").is_empty(),
        "nothing queued"
    );
}

#[tokio::test]
async fn two_flushes_at_once_post_each_once() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let agent = jwt_client(&sim, quick()).await.client();
    let me = sim.credentials().extension_id.clone();
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let path = dir.path().join("cache.sqlite3");
    let chat = team::conversation(&agent, &[])
        .await
        .expect("personal chat")
        .id;
    let mut first = Store::open(&path, us()).expect("cache");
    let now = chrono::Utc::now();
    for i in 0..20 {
        first
            .queue_post(&chat, &format!("queued {i}"), now)
            .expect("queued");
    }
    let mut second = Store::open(&path, us()).expect("a second connection");
    let grace = Duration::seconds(30);
    let (a, b) = tokio::join!(
        flush_posts(&mut first, &agent, &me, &SystemClock, grace),
        flush_posts(&mut second, &agent, &me, &SystemClock, grace),
    );
    let (a, b) = (a.expect("first flush"), b.expect("second flush"));
    assert_eq!(a.sent + b.sent, 20, "{a:?} {b:?}");
    for i in 0..20 {
        assert_eq!(posts_with(&agent, &chat, &format!("queued {i}")).await, 1);
    }
}
