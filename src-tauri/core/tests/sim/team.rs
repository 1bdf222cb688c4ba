//! Team Messaging into the cache over real HTTP: a first sync brings the agent's chats and
//! each one's newest posts as the simulator has them; posts a colleague makes afterwards arrive
//! with the next sync, once, reading only the chat that changed; older posts come on demand;
//! persons are resolved in bulk; an app without the permission gets RingCentral's 403.

use ringdesk_core::api::team;
use ringdesk_core::store::Store;
use ringdesk_core::team::{older_posts, sync_chats, TeamError};
use ringdesk_testkit::fixtures::us;
use ringdesk_testkit::signin::{colleague_client, jwt_client, quick};
use ringdesk_testkit::sim::{roomy, sim};
use ringdesk_testkit::SimAdmin;

fn cache(dir: &tempfile::TempDir) -> Store {
    Store::open(&dir.path().join("cache.sqlite3"), us()).expect("the cache opens")
}

#[tokio::test]
async fn a_first_sync_equals_the_simulator_and_the_next_brings_a_colleagues_posts_once() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let agent = jwt_client(&sim, quick()).await.client();
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let mut store = cache(&dir);
    let first = sync_chats(&mut store, &agent).await.expect("first sync");
    let theirs = team::recent_chats(&agent, 250, ringdesk_core::api::Priority::Interactive)
        .await
        .expect("recent chats");
    assert_eq!(first.chats, theirs.records.len());
    let me = sim.credentials().extension_id.clone();
    let summaries = store.chat_summaries(&me).expect("summaries");
    assert_eq!(
        summaries.len(),
        theirs.records.len(),
        "every chat of the agent"
    );
    for chat in &theirs.records {
        let newest = team::posts(
            &agent,
            &chat.id,
            1,
            None,
            ringdesk_core::api::Priority::Interactive,
        )
        .await
        .expect("posts");
        let cached = store.newest_post(&chat.id).expect("newest");
        assert_eq!(
            cached.map(|p| p.remote_id),
            newest.records.first().map(|p| p.id.clone()),
            "chat {} ends with the simulator's newest post",
            chat.id
        );
    }
    assert!(first.persons > 0 && store.unknown_persons().expect("unknown").is_empty());

    let direct = theirs
        .records
        .iter()
        .find(|c| c.kind.as_deref() == Some("Direct"))
        .expect("a direct chat");
    let colleague = direct
        .members
        .iter()
        .map(|m| m.id.clone())
        .find(|id| *id != me)
        .expect("the colleague");
    let ana = colleague_client(&sim, &colleague, quick()).await.client();
    for i in 0..3 {
        team::create_post(&ana, &direct.id, &format!("news {i}"))
            .await
            .expect("posted");
    }
    let admin = SimAdmin::of(&sim);
    let mark = admin.requests().await.len();
    let second = sync_chats(&mut store, &agent).await.expect("second sync");
    assert_eq!(second.new_posts.len(), 3, "the colleague's posts, once");
    let again = sync_chats(&mut store, &agent).await.expect("third sync");
    assert!(again.new_posts.is_empty());
    let post_reads = admin.requests().await[mark..]
        .iter()
        .filter(|r| r.path.ends_with("/posts"))
        .map(|r| r.path.clone())
        .collect::<Vec<_>>();
    assert!(
        post_reads.iter().all(|p| p.contains(&direct.id)),
        "only the chat that changed is read: {post_reads:?}"
    );
    let summary = store
        .chat_summaries(&me)
        .expect("summaries")
        .into_iter()
        .find(|s| s.chat.id == direct.id)
        .expect("the direct chat");
    assert!(
        summary.unread >= 3,
        "unread until the agent reads it: {summary:?}"
    );
}

#[tokio::test]
async fn older_posts_come_on_demand() {
    let sim = sim(|c| c.rate_limits = roomy()).await;
    let agent = jwt_client(&sim, quick()).await.client();
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let mut store = cache(&dir);
    let me = sim.credentials().extension_id.clone();
    let created = team::conversation(&agent, &[])
        .await
        .expect("the personal chat");
    for i in 0..60 {
        team::create_post(&agent, &created.id, &format!("note {i}"))
            .await
            .expect("posted");
    }
    sync_chats(&mut store, &agent).await.expect("sync");
    let cached = store.chat_posts(&created.id, None, 500).expect("posts");
    assert_eq!(cached.len(), 50, "the newest page only");
    let oldest = cached
        .last()
        .map(|p| p.remote_id.clone())
        .unwrap_or_default();
    let older = older_posts(&mut store, &agent, &created.id, &oldest, 30)
        .await
        .expect("older");
    assert_eq!(older.len(), 10, "the ten before: {older:?}");
    assert_eq!(
        store
            .chat_posts(&created.id, Some(&oldest), 500)
            .expect("older, cached")
            .len(),
        10,
        "the cache pages past the same millisecond"
    );
    assert_eq!(
        store
            .chat_posts(&created.id, None, 500)
            .expect("posts")
            .len(),
        60
    );
    assert!(store.chat_summaries(&me).is_ok());
}

#[tokio::test]
async fn an_app_without_team_messaging_gets_a_clear_refusal() {
    let sim = sim(|c| c.team_messaging = false).await;
    let agent = jwt_client(&sim, quick()).await.client();
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let mut store = cache(&dir);
    let refused = sync_chats(&mut store, &agent).await.expect_err("refused");
    let TeamError::Api(error) = &refused else {
        panic!("{refused:?}");
    };
    assert_eq!(error.status(), Some(403), "{error}");
    assert!(refused.to_string().contains("TeamMessaging"), "{refused}");
}
