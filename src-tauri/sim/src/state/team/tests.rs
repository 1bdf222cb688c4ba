use chrono::{Duration, TimeZone, Utc};

use super::posts::NewPost;
use super::*;

const AGENT: &str = "100";
const ANA: &str = "201";
const BEN: &str = "202";
const CAL: &str = "203";

fn team_messaging() -> TeamMessaging {
    let person = |id: &str, first: &str| {
        (
            id.to_owned(),
            first.to_owned(),
            "Tester".to_owned(),
            format!("{}@example.com", first.to_lowercase()),
        )
    };
    TeamMessaging::new(
        [
            person(AGENT, "Sam"),
            person(ANA, "Ana"),
            person(BEN, "Ben"),
            person(CAL, "Cal"),
        ],
        1000,
    )
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

#[test]
fn a_conversation_with_the_same_people_is_the_same_chat() {
    let mut tm = team_messaging();
    let (direct, existed) = tm
        .conversation(AGENT, &[ANA.into()], now())
        .expect("direct");
    assert_eq!((direct.kind, existed), (ChatKind::Direct, false));
    let (again, existed) = tm.conversation(ANA, &[AGENT.into()], now()).expect("again");
    assert_eq!(
        (again.id, existed),
        (direct.id, true),
        "200 for an existing member set"
    );
    let (group, _) = tm
        .conversation(AGENT, &[ANA.into(), BEN.into()], now())
        .expect("group");
    assert_eq!(group.kind, ChatKind::Group);
    let (personal, _) = tm.conversation(AGENT, &[], now()).expect("personal");
    assert_eq!(personal.kind, ChatKind::Personal);
    assert_eq!(
        tm.conversation(AGENT, &["999".into()], now()).err(),
        Some(Refusal::Invalid("members"))
    );
}

#[test]
fn posts_page_newest_first_and_only_members_read_them() {
    let mut tm = team_messaging();
    let (chat, _) = tm
        .conversation(AGENT, &[ANA.into()], now())
        .expect("direct");
    for i in 0..5 {
        let text = format!("post {i}");
        let at = now() + Duration::seconds(i);
        tm.create_post(
            ANA,
            &chat.id,
            NewPost {
                text,
                ..NewPost::default()
            },
            at,
        )
        .expect("posted");
    }
    let first = tm.posts(AGENT, &chat.id, None, 2, None).expect("page");
    let texts: Vec<&str> = first.posts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["post 4", "post 3"]);
    let next = first.next.clone().expect("older posts");
    let second = tm
        .posts(AGENT, &chat.id, None, 2, Some(&next))
        .expect("page 2");
    assert_eq!(second.posts[0].text, "post 2");
    assert_eq!(
        tm.posts(AGENT, &chat.id, None, 2, Some("other:2")).err(),
        Some(Refusal::Invalid("pageToken")),
        "a token is bound to its chat"
    );
    assert_eq!(
        tm.posts(BEN, &chat.id, None, 2, None).err(),
        Some(Refusal::NotFound("chatId")),
        "a private chat does not exist for others"
    );
}

#[test]
fn mentions_are_found_and_only_authors_change_their_posts() {
    let mut tm = team_messaging();
    let (team, events) = tm
        .create_team(
            ANA,
            NewTeam {
                name: "Support".into(),
                members: vec![AGENT.into()],
                ..NewTeam::default()
            },
            now(),
        )
        .expect("team");
    assert!(matches!(&events[0], TeamEvent::Chat { kind: "GroupJoined", to, .. } if to.len() == 2));
    let text = format!(
        "Hi ![:Person]({AGENT}) and ![:Person](404), see ![:Team]({})",
        team.id
    );
    let (post, _) = tm
        .create_post(
            ANA,
            &team.id,
            NewPost {
                text,
                ..NewPost::default()
            },
            now(),
        )
        .expect("posted");
    let names: Vec<&str> = post.mentions.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        ["Sam Tester", "Support"],
        "unknown ids are no mentions"
    );
    assert_eq!(
        tm.patch_post(AGENT, &team.id, &post.id, "mine now", now())
            .err(),
        Some(Refusal::Forbidden(
            "not allowed to change another person's post"
        ))
    );
    assert_eq!(
        tm.delete_post(AGENT, &team.id, &post.id).err(),
        Some(Refusal::Forbidden(
            "not allowed to change another person's post"
        ))
    );
    let removed = tm.delete_post(ANA, &team.id, &post.id).expect("deleted");
    assert!(matches!(
        &removed[0],
        TeamEvent::Post {
            kind: "PostRemoved",
            ..
        }
    ));
    let long = "x".repeat(super::posts::LONGEST_POST + 1);
    assert_eq!(
        tm.create_post(
            ANA,
            &team.id,
            NewPost {
                text: long,
                ..NewPost::default()
            },
            now()
        )
        .err(),
        Some(Refusal::Invalid("text"))
    );
}

#[test]
fn teams_are_joined_when_public_and_changed_by_admins_only() {
    let mut tm = team_messaging();
    let team = NewTeam {
        name: "Sales".into(),
        public: true,
        ..NewTeam::default()
    };
    let (sales, _) = tm.create_team(ANA, team, now()).expect("team");
    assert!(
        tm.chats_of(BEN, &[]).iter().any(|c| c.id == sales.id),
        "joinable"
    );
    assert!(tm.recent_of(BEN, &[]).is_empty(), "not theirs yet");
    tm.join(BEN, &sales.id, true, now()).expect("joined");
    assert!(tm.recent_of(BEN, &[]).iter().any(|c| c.id == sales.id));
    assert_eq!(
        tm.patch_team(BEN, &sales.id, Some("Mine"), None, None, now())
            .err(),
        Some(Refusal::Forbidden("User is not Team Admin"))
    );
    tm.archive(ANA, &sales.id, true, now()).expect("archived");
    assert_eq!(
        tm.join(CAL, &sales.id, true, now()).err(),
        Some(Refusal::NotFound("chatId")),
        "an archived private-looking team is not joinable"
    );
    assert!(tm.favorite(BEN, &sales.id, true).is_ok());
    assert_eq!(tm.favorites_of(BEN).len(), 1);
}

#[test]
fn threads_collect_their_replies() {
    let mut tm = team_messaging();
    let (chat, _) = tm
        .conversation(AGENT, &[ANA.into()], now())
        .expect("direct");
    let post = |tm: &mut TeamMessaging, text: &str, parent: Option<String>| {
        tm.create_post(
            ANA,
            &chat.id,
            NewPost {
                text: text.into(),
                parent_post_id: parent,
            },
            now(),
        )
        .expect("posted")
        .0
    };
    let root = post(&mut tm, "question", None);
    let reply = post(&mut tm, "answer", Some(root.id.clone()));
    assert_eq!(reply.thread_id.as_deref(), Some(root.id.as_str()));
    post(&mut tm, "unrelated", None);
    let thread = tm
        .posts(AGENT, &chat.id, Some(&root.id), 30, None)
        .expect("thread");
    let texts: Vec<&str> = thread.posts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["answer", "question"]);
}
