use serde_json::json;

use super::*;
use crate::phone::Country;
use crate::store::{PostMention, Store};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let us = Country::from_iso_code("US").expect("US");
    let store = Store::open(&dir.path().join("cache.sqlite3"), us).expect("cache");
    (dir, store)
}

#[test]
fn mentions_become_parts_and_fake_markup_stays_text() {
    let mentions = [PostMention {
        id: "100".into(),
        kind: "Person".into(),
        name: "Sam Agent".into(),
    }];
    let text = "Hi ![:Person](100), not ![:Person](666) <b>bold</b>";
    assert_eq!(
        parts(text, &mentions, "100"),
        [
            PostPart::Text { text: "Hi ".into() },
            PostPart::Mention {
                id: "100".into(),
                kind: "Person".into(),
                name: "Sam Agent".into(),
                me: true
            },
            PostPart::Text {
                text: ", not ![:Person](666) <b>bold</b>".into()
            },
        ],
        "a mention RingCentral did not find is no mention; markup is text"
    );
    assert_eq!(
        parts("![:Person](100", &mentions, "100").len(),
        1,
        "unclosed"
    );
    assert!(parts("", &mentions, "100").is_empty());
    assert_eq!(
        parts(
            "open \u{202E}txt.exe\u{202C} and \u{2067}x\u{2069}",
            &mentions,
            "100"
        ),
        [PostPart::Text {
            text: "open txt.exe and x".into()
        }],
        "bidi overrides, embeddings and isolates cannot reorder what the agent reads"
    );
}

#[test]
fn post_events_store_once_and_a_removal_without_a_chat_finds_the_post() {
    let (_dir, mut store) = store();
    let added = json!({
        "id": "p1", "groupId": "c1", "type": "TextMessage", "text": "hello",
        "creatorId": "201", "creationTime": "2026-12-04T09:00:00Z",
        "lastModifiedTime": "2026-12-04T09:00:00Z", "mentions": null, "eventType": "PostAdded"
    });
    assert!(matches!(
        apply_post_event(&mut store, &added),
        Ok(PostChange::Added { .. })
    ));
    assert!(
        matches!(
            apply_post_event(&mut store, &added),
            Ok(PostChange::Changed { .. })
        ),
        "a replay is no new post"
    );
    let removed = json!({ "id": "p1", "eventType": "PostRemoved" });
    assert_eq!(
        apply_post_event(&mut store, &removed).ok(),
        Some(PostChange::Removed {
            id: "p1".into(),
            chat: Some("c1".into())
        })
    );
    let junk = json!({ "id": 5, "eventType": ["PostAdded"] });
    assert_eq!(
        apply_post_event(&mut store, &junk).ok(),
        Some(PostChange::Ignored)
    );
    let no_chat = json!({ "id": "p2", "text": "x", "eventType": "PostAdded" });
    assert_eq!(
        apply_post_event(&mut store, &no_chat).ok(),
        Some(PostChange::Ignored)
    );
}

#[test]
fn chat_events_use_the_event_names_and_keep_members() {
    let (_dir, mut store) = store();
    let joined = json!({
        "id": "c1", "type": "PrivateChat", "members": ["100", "201"], "isPublic": false,
        "status": "Active", "creationTime": "2026-12-04T09:00:00Z",
        "lastModifiedTime": "2026-12-04T09:00:00Z", "eventType": "GroupJoined"
    });
    apply_chat_event(&mut store, &joined).expect("joined");
    let chat = store.team_chat("c1").expect("read").expect("stored");
    assert_eq!((chat.kind.as_str(), chat.members.len()), ("Direct", 2));
    let renamed = json!({ "id": "c1", "type": "PrivateChat", "eventType": "GroupChanged" });
    apply_chat_event(&mut store, &renamed).expect("changed");
    let chat = store.team_chat("c1").expect("read").expect("stored");
    assert_eq!(chat.members.len(), 2, "an event without members keeps them");
    let left = json!({ "id": "c1", "eventType": "GroupLeft" });
    assert_eq!(
        apply_chat_event(&mut store, &left).ok(),
        Some(ChatChange::Left("c1".into()))
    );
    assert!(store.team_chat("c1").expect("read").is_none());
    assert_eq!(chat_kind("PersonalChat"), "Personal");
}
