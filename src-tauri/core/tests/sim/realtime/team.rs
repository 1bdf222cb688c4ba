//! Team Messaging over the inbox's WebSocket: a colleague's post arrives live and is in the
//! cache; a post made while the socket is down is there after the reconnect exactly once (the
//! replay and the chats' catch-up may both bring it); a removal names no chat and still finds
//! the post.

use std::time::Duration;

use ringdesk_core::api::team;
use ringdesk_core::realtime::{TEAM_CHATS_FILTER, TEAM_POSTS_FILTER};
use ringdesk_core::team::PostChange;
use ringdesk_testkit::signin::{colleague_client, quick};

use super::support::*;

fn added(changes: &[PostChange], text: &str) -> usize {
    changes
        .iter()
        .filter(|c| matches!(c, PostChange::Added { post } if post.text == text))
        .count()
}

#[tokio::test]
async fn posts_arrive_live_and_one_made_during_a_drop_is_there_once_after_it() {
    let mut rig = rig(|_| {}).await;
    let mut options = quick_realtime();
    options.event_filters.push(TEAM_POSTS_FILTER.into());
    options.event_filters.push(TEAM_CHATS_FILTER.into());
    rig.start(options);
    rig.connected().await;
    let me = rig.sim.credentials().extension_id.clone();
    let chats = team::recent_chats(&rig.client, 250, ringdesk_core::api::Priority::Interactive)
        .await
        .expect("chats");
    let direct = chats
        .records
        .iter()
        .find(|c| c.kind.as_deref() == Some("Direct"))
        .expect("a direct chat")
        .clone();
    let colleague = direct
        .members
        .iter()
        .map(|m| m.id.clone())
        .find(|id| *id != me)
        .expect("the colleague");
    let ana = colleague_client(&rig.sim, &colleague, quick())
        .await
        .client();

    team::create_post(&ana, &direct.id, "live one")
        .await
        .expect("posted");
    let live = rig
        .posts_until(Duration::from_secs(10), |c| added(c, "live one") == 1)
        .await;
    assert_eq!(added(&live, "live one"), 1);

    rig.admin.drop_sockets().await;
    team::create_post(&ana, &direct.id, "while down")
        .await
        .expect("posted");
    let after = rig
        .posts_until(Duration::from_secs(15), |c| added(c, "while down") == 1)
        .await;
    assert_eq!(added(&after, "while down"), 1, "{after:#?}");
    tokio::time::sleep(Duration::from_secs(1)).await;
    rig.stop().await;
    let store = rig.store();
    let cached: Vec<_> = store
        .chat_posts(&direct.id, None, 500)
        .expect("posts")
        .into_iter()
        .filter(|p| p.text == "while down")
        .collect();
    assert_eq!(cached.len(), 1, "once in the cache");
    let announced = rig
        .seen
        .iter()
        .filter(|e| {
            matches!(e, ringdesk_core::realtime::RealtimeEvent::TeamPost(PostChange::Added { post }) if post.text == "while down")
        })
        .count();
    assert_eq!(announced, 1, "announced once");
}

#[tokio::test]
async fn a_removal_without_its_chat_removes_the_post() {
    let mut rig = rig(|_| {}).await;
    let mut options = quick_realtime();
    options.event_filters.push(TEAM_POSTS_FILTER.into());
    rig.start(options);
    rig.connected().await;
    let chat = team::conversation(&rig.client, &[])
        .await
        .expect("personal chat");
    let post = team::create_post(&rig.client, &chat.id, "to be removed")
        .await
        .expect("posted");
    rig.posts_until(Duration::from_secs(10), |c| added(c, "to be removed") == 1)
        .await;
    team::delete_post(&rig.client, &chat.id, &post.id)
        .await
        .expect("deleted");
    let removed = rig
        .posts_until(Duration::from_secs(10), |c| {
            c.iter().any(|c| matches!(c, PostChange::Removed { .. }))
        })
        .await;
    assert!(
        removed.iter().any(|c| matches!(
            c,
            PostChange::Removed { id, chat: Some(found) } if *id == post.id && *found == chat.id
        )),
        "{removed:#?}"
    );
    assert!(rig
        .store()
        .chat_posts(&chat.id, None, 10)
        .expect("posts")
        .is_empty());
    rig.stop().await;
}
