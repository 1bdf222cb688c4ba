//! Team chats through the desk against the demo simulator, with a colleague signed in to it
//! through the public API: their posts notify at each chat's level (every post in a direct
//! chat, only mentions in a team, nothing once muted), a new chat with a colleague is the
//! existing one, a new team is created once, and the agent edits and deletes their own posts
//! only.

use ringdesk_core::api::{ClientOptions, Priority};
use ringdesk_core::app::{ChatAlert, ChatView, DeskEvent, Mentioned};
use ringdesk_core::store::NotifyLevel;
use ringdesk_testkit::signin::{colleague_at, TestClient};
use ringdesk_testkit::Fault;

use crate::support::{demo_desk, next_event, sim_admin, DemoDesk};

/// The demo after a sync, a colleague who posts in the Support team, signed in, their id, the
/// direct chat with them and the team.
async fn with_a_colleague() -> (DemoDesk, TestClient, String, ChatView, ChatView) {
    let demo = demo_desk().await;
    demo.desk.sync_cache(&|_| {}).await.expect("sync");
    let support = demo.desk.find_chat("Support").await.expect("Support");
    let posts = demo
        .desk
        .chat_posts(&support.id, None, 100)
        .await
        .expect("Support's posts");
    let ana = posts
        .posts
        .iter()
        .find(|p| !p.mine)
        .expect("a colleague posts in Support")
        .author_id
        .clone();
    let direct = demo
        .desk
        .new_chat(std::slice::from_ref(&ana))
        .await
        .expect("the direct chat");
    let minted = sim_admin(&demo.desk).await.colleague_sign_in(&ana).await;
    let client = colleague_at(&minted, ClientOptions::default()).await;
    (demo, client, ana, direct, support)
}

/// The agent's person id: the other member of the direct chat `direct` with `ana`.
async fn agent_id(ana: &TestClient, ana_id: &str, direct: &str) -> String {
    ringdesk_core::api::team::chat(ana, direct)
        .await
        .expect("the colleague reads the chat")
        .members
        .into_iter()
        .map(|m| m.id)
        .find(|id| id != ana_id)
        .expect("the agent is the other member")
}

async fn next_alert(demo: &mut DemoDesk) -> ChatAlert {
    next_event(&mut demo.events, "a chat notification", |e| match e {
        DeskEvent::ChatAlert(alert) => Some(alert.clone()),
        _ => None,
    })
    .await
}

async fn post_as(client: &TestClient, chat: &str, text: &str) -> String {
    ringdesk_core::api::team::create_post(client, chat, text)
        .await
        .expect("the colleague posts")
        .id
}

#[tokio::test(flavor = "multi_thread")]
async fn each_chat_notifies_at_its_level() {
    let (mut demo, ana, ana_id, direct, support) = with_a_colleague().await;
    let chats = demo.desk.chats(None).await.expect("chats");
    let level = |name: &str| {
        chats
            .iter()
            .find(|c| c.name.starts_with(name))
            .map(|c| (c.notify, c.notify_default))
    };
    assert_eq!(direct.notify, "all", "a direct chat: every post");
    assert_eq!(level("Support"), Some(("mentions", true)), "a team");
    assert_eq!(
        level("Web chat"),
        Some(("all", true)),
        "the website's dedicated chat: every post"
    );
    let me = agent_id(&ana, &ana_id, &direct.id).await;

    post_as(&ana, &support.id, "A plain post to the team").await;
    let hello = post_as(&ana, &direct.id, "Are you free for a call?").await;
    let alert = next_alert(&mut demo).await;
    assert_eq!(
        alert.post, hello,
        "the plain team post notified nothing: {alert:?}"
    );
    assert_eq!(alert.chat, direct.id);
    assert_eq!(alert.body, "Are you free for a call?");
    assert!(!alert.title.contains(" in "), "{alert:?}");

    let named = post_as(
        &ana,
        &support.id,
        &format!("![:Person]({me}) can you look?"),
    )
    .await;
    let alert = next_alert(&mut demo).await;
    assert_eq!(alert.post, named, "a mention in a team notifies");
    assert!(alert.mention);
    assert!(alert.title.ends_with(" in Support"), "{alert:?}");
    assert!(
        alert.body.starts_with('@'),
        "the mention by name: {alert:?}"
    );

    let muted = demo
        .desk
        .set_chat_notify(&support.id, Some(NotifyLevel::Muted))
        .await
        .expect("muted");
    assert_eq!((muted.notify, muted.notify_default), ("muted", false));
    post_as(&ana, &support.id, &format!("![:Person]({me}) again")).await;
    let after = post_as(&ana, &direct.id, "Never mind").await;
    assert_eq!(
        next_alert(&mut demo).await.post,
        after,
        "a muted chat notifies nothing, not even a mention"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn chats_and_teams_are_made_once_and_own_posts_edited_and_deleted() {
    let (demo, ana, ana_id, direct, _) = with_a_colleague().await;
    let again = demo
        .desk
        .new_chat(std::slice::from_ref(&ana_id))
        .await
        .expect("again");
    assert_eq!(again.id, direct.id, "the same people: the same chat");
    let by_name = demo
        .desk
        .open_chat(&again.name)
        .await
        .expect("a colleague by name");
    assert_eq!(by_name.id, direct.id);

    let team = demo
        .desk
        .new_team("Escalations", std::slice::from_ref(&ana_id), false)
        .await
        .expect("created");
    assert_eq!(
        (team.kind.as_str(), team.name.as_str()),
        ("Team", "Escalations")
    );
    let requests = sim_admin(&demo.desk).await.requests().await;
    let creates = requests
        .iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/team-messaging/v1/teams"))
        .count();
    assert_eq!(creates, 1);
    let listed = demo.desk.chats(Some("escal")).await.expect("chats");
    assert_eq!(listed.len(), 1, "in the list at once: {listed:?}");
    let error = demo
        .desk
        .new_team("  ", &[], false)
        .await
        .expect_err("a team needs a name");
    assert!(error.to_string().contains("name"), "{error}");

    let sent = demo
        .desk
        .post_to_chat(
            &direct.id,
            &format!("@{} first draft", again.name),
            &[Mentioned::person(&ana_id, &again.name)],
        )
        .await
        .expect("posted");
    let mine = sent.post_id.expect("sent at once");
    let posted = ringdesk_core::api::team::posts(&ana, &direct.id, 5, None, Priority::Interactive)
        .await
        .expect("the colleague reads");
    let at_ringcentral = posted
        .records
        .iter()
        .find(|p| p.id == mine)
        .expect("the post is there");
    assert_eq!(
        at_ringcentral.text.as_deref(),
        Some(format!("![:Person]({ana_id}) first draft").as_str()),
        "the picked name went as a mention"
    );
    let edited = demo
        .desk
        .edit_chat_post(&direct.id, &mine, "final words", &[])
        .await
        .expect("edited");
    assert_eq!(
        edited.parts,
        [ringdesk_core::app::PostPart::Text {
            text: "final words".into()
        }]
    );
    let theirs = post_as(&ana, &direct.id, "my own words").await;
    demo.desk.sync_cache(&|_| {}).await.expect("sync");
    let refused = demo
        .desk
        .edit_chat_post(&direct.id, &theirs, "rewritten", &[])
        .await
        .expect_err("not the agent's");
    assert!(
        refused.to_string().contains("not one of yours"),
        "{refused}"
    );
    demo.desk
        .delete_chat_post(&direct.id, &mine)
        .await
        .expect("deleted");
    let view = demo
        .desk
        .chat_posts(&direct.id, None, 100)
        .await
        .expect("posts");
    assert!(
        view.posts.iter().all(|p| p.id != mine),
        "gone from the cache"
    );
    let left = ringdesk_core::api::team::posts(&ana, &direct.id, 10, None, Priority::Interactive)
        .await
        .expect("the colleague reads");
    assert!(
        left.records.iter().all(|p| p.id != mine),
        "gone at RingCentral"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_chat_a_colleague_starts_notifies_its_first_post() {
    let (mut demo, ana, ana_id, direct, _) = with_a_colleague().await;
    let me = agent_id(&ana, &ana_id, &direct.id).await;
    let third = demo
        .desk
        .colleagues("", 50)
        .await
        .expect("colleagues")
        .into_iter()
        .map(|c| c.person_id)
        .find(|id| *id != ana_id)
        .expect("another colleague");
    // A group of exactly these three people is new: Ana starts it and writes at once.
    let group = ringdesk_core::api::team::conversation(&ana, &[me.as_str(), third.as_str()])
        .await
        .expect("the colleague starts a group chat");
    let first = post_as(&ana, &group.id, "New group for the Globex escalation").await;
    let alert = next_alert(&mut demo).await;
    assert_eq!(
        (alert.chat.as_str(), alert.post.as_str()),
        (group.id.as_str(), first.as_str()),
        "the first post of a chat ringdesk did not know yet notifies: {alert:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_team_whose_creation_got_no_answer_is_found_not_created_again() {
    let demo = demo_desk().await;
    let admin = sim_admin(&demo.desk).await;
    admin
        .arm(
            Fault::on("POST", "/team-messaging/v1/teams")
                .processed()
                .drop_connection(),
        )
        .await;
    let team = demo
        .desk
        .new_team("Night shift", &[], false)
        .await
        .expect("the team made despite the lost answer is found");
    assert_eq!(team.name, "Night shift");
    let again = demo
        .desk
        .new_team("Night shift", &[], false)
        .await
        .expect("asked again");
    assert_eq!(again.id, team.id, "the same team, not a second one");
    let creates = admin
        .requests()
        .await
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/team-messaging/v1/teams")
        .count();
    assert_eq!(creates, 1, "one team at RingCentral");
}
