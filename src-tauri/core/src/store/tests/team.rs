//! Team Messaging in the cache: a post stored once whatever repeats it, an older copy never
//! undoes an edit, removal by id alone, unread counts and mentions by the agent's read state,
//! favourites first, the agent's own choices kept across syncs, persons still to fetch.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::fixtures::store;
use crate::store::{NotifyLevel, Person, PostMention, TeamChat, TeamPost};

const ME: &str = "100";

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0)
        .single()
        .unwrap_or_default()
        + Duration::minutes(minute)
}

fn chat(id: &str, kind: &str, minute: i64) -> TeamChat {
    TeamChat {
        id: id.into(),
        kind: kind.into(),
        member: true,
        members: vec![ME.into(), "201".into()],
        created: at(0),
        modified: at(minute),
        ..TeamChat::default()
    }
}

fn post(id: &str, chat: &str, creator: &str, minute: i64, text: &str) -> TeamPost {
    TeamPost {
        remote_id: id.into(),
        chat_id: chat.into(),
        kind: "TextMessage".into(),
        creator: creator.into(),
        text: text.into(),
        created: at(minute),
        modified: at(minute),
        ..TeamPost::default()
    }
}

#[test]
fn a_post_is_stored_once_and_an_older_copy_never_undoes_an_edit() {
    let (_dir, mut store) = store();
    store.put_chats(&[chat("c1", "Direct", 0)]).expect("chat");
    let first = post("p1", "c1", "201", 1, "hello");
    assert_eq!(
        store
            .put_posts(std::slice::from_ref(&first))
            .expect("stored")
            .len(),
        1
    );
    assert_eq!(
        store
            .put_posts(std::slice::from_ref(&first))
            .expect("again")
            .len(),
        0,
        "a replay is no new post"
    );
    let edited = TeamPost {
        text: "hello, edited".into(),
        modified: at(5),
        ..first.clone()
    };
    store.put_posts(&[edited]).expect("edit");
    store.put_posts(&[first]).expect("a late, older copy");
    let posts = store.chat_posts("c1", None, 10).expect("posts");
    assert_eq!(
        posts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
        ["hello, edited"]
    );
    assert_eq!(
        store.remove_post("p1").expect("removed"),
        Some("c1".into()),
        "by id alone"
    );
    assert_eq!(store.remove_post("p1").expect("twice"), None);
    assert!(store.chat_posts("c1", None, 10).expect("posts").is_empty());
}

#[test]
fn unread_counts_follow_the_agents_read_state_and_mentions() {
    let (_dir, mut store) = store();
    store
        .put_chats(&[chat("team", "Team", 0), chat("direct", "Direct", 0)])
        .expect("chats");
    let mention = PostMention {
        id: ME.into(),
        kind: "Person".into(),
        name: "Sam Agent".into(),
    };
    store
        .put_posts(&[
            post("a", "team", "201", 1, "morning"),
            TeamPost {
                mentions: vec![mention],
                ..post("b", "team", "201", 2, "![:Person](100) can you help?")
            },
            post("c", "team", ME, 3, "sure"),
            post("d", "direct", "201", 4, "thanks"),
        ])
        .expect("posts");
    store
        .set_favorite_chats(&["team".into()])
        .expect("favorite");
    let summaries = store.chat_summaries(ME).expect("summaries");
    let team = &summaries[0];
    assert_eq!(team.chat.id, "team", "favourites first");
    assert_eq!(
        (team.unread, team.unread_mentions),
        (2, 1),
        "the agent's own post is read"
    );
    assert_eq!(team.last.as_ref().map(|p| p.remote_id.as_str()), Some("c"));
    store.mark_chat_read("team", at(2)).expect("read");
    store
        .mark_chat_read("team", at(1))
        .expect("an older read moves nothing back");
    let team = &store.chat_summaries(ME).expect("summaries")[0];
    assert_eq!((team.unread, team.unread_mentions), (0, 0));
    store
        .set_chat_notify("direct", Some(NotifyLevel::Muted))
        .expect("muted");
    store
        .put_chats(&[chat("direct", "Direct", 9)])
        .expect("a sync tells the chat again");
    let direct = store
        .chat_summaries(ME)
        .expect("summaries")
        .into_iter()
        .find(|s| s.chat.id == "direct")
        .expect("direct");
    assert_eq!(
        direct.notify,
        Some(NotifyLevel::Muted),
        "the agent's choice stays"
    );
    assert_eq!(direct.unread, 1);
}

#[test]
fn persons_are_fetched_once_and_chats_forgotten_with_their_posts() {
    let (_dir, mut store) = store();
    store.put_chats(&[chat("c1", "Direct", 0)]).expect("chat");
    store
        .put_posts(&[post("p1", "c1", "202", 1, "hi")])
        .expect("post");
    let mut unknown = store.unknown_persons().expect("unknown");
    unknown.sort();
    assert_eq!(unknown, [ME, "201", "202"]);
    let ana = Person {
        id: "201".into(),
        first_name: "Ana".into(),
        last_name: "Silva".into(),
        email: "ana@example.com".into(),
    };
    store
        .put_persons(std::slice::from_ref(&ana), at(0))
        .expect("persons");
    assert_eq!(
        store
            .persons(&["201".into(), "999".into()])
            .expect("persons"),
        [ana]
    );
    assert!(!store
        .unknown_persons()
        .expect("unknown")
        .contains(&"201".to_string()));
    store.forget_chat("c1").expect("forget");
    assert!(store.team_chat("c1").expect("chat").is_none());
    assert!(store.chat_posts("c1", None, 10).expect("posts").is_empty());
}

#[test]
fn posts_are_found_by_the_one_search_newest_first() {
    let (_dir, mut store) = store();
    store.put_chats(&[chat("team", "Team", 0)]).expect("chat");
    store
        .put_posts(&[
            post("a", "team", "201", 1, "The Contoso renewal is due"),
            post("b", "team", "202", 2, "renewals go out Friday"),
            post("c", "team", "203", 3, "lunch?"),
        ])
        .expect("posts");
    let found = store.search("renew", 10).expect("search");
    let ids: Vec<&str> = found.posts.iter().map(|p| p.remote_id.as_str()).collect();
    assert_eq!(ids, ["b", "a"], "prefix match, newest first");
    assert!(
        store.search("r", 10).expect("one letter").posts.is_empty(),
        "too vague"
    );
    assert!(store.search("415", 10).expect("a number").posts.is_empty());
}

#[test]
fn words_typed_whole_match_whole_and_the_last_one_as_a_prefix() {
    let (_dir, mut store) = store();
    store.put_chats(&[chat("team", "Team", 0)]).expect("chat");
    store
        .put_posts(&[
            post("a", "team", "201", 1, "renewal quote sent"),
            post("b", "team", "202", 2, "renewals quoted later"),
        ])
        .expect("posts");
    let ids = |q: &str| -> Vec<String> {
        store
            .search(q, 10)
            .expect("search")
            .posts
            .into_iter()
            .map(|p| p.remote_id)
            .collect()
    };
    assert_eq!(
        ids("renewal quot"),
        ["a"],
        "the first word is whole, the last a prefix"
    );
    assert_eq!(ids("renewal"), ["b", "a"], "one word being typed: a prefix");
    assert_eq!(ids("renewal "), ["a"], "a space ends the word");
    assert_eq!(
        ids("renewal q"),
        ["a"],
        "a one-letter word waits for its second letter; the word before it is whole"
    );
}
