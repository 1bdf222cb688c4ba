//! The team chat commands: the list (after the demo's first sync or catch-up), a chat's posts as
//! parts, marking it read, posting once (RingCentral's post id back), older posts, and an
//! unknown chat refused with a reason.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{error_code, invoke, signed_in_demo};

#[test]
fn chats_are_listed_read_and_posted_to() {
    let h = signed_in_demo();
    invoke(&h, "sync_now", json!({})).expect("sync");
    let deadline = Instant::now() + Duration::from_secs(30);
    // The chats are stored first, then each one's posts.
    let support: Value = loop {
        let chats = invoke(&h, "list_chats", json!({})).expect("chats");
        let support = chats
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["name"] == "Support" && c["lastTime"].is_string())
            .cloned();
        if let Some(support) = support {
            break support;
        }
        assert!(
            Instant::now() < deadline,
            "the demo's chats never arrived: {chats}"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    let id = support["id"].as_str().unwrap_or_default();
    let view = invoke(&h, "chat_posts", json!({"chat": id, "limit": 10})).expect("posts");
    assert_eq!(view["chat"]["id"], id);
    let posts = view["posts"].as_array().cloned().unwrap_or_default();
    assert!(!posts.is_empty(), "{view}");
    assert!(posts[0]["parts"].is_array() && posts[0]["author"].is_string());
    invoke(&h, "mark_chat_read", json!({"chat": id})).expect("read");
    let sent = invoke(
        &h,
        "post_to_chat",
        json!({"chat": id, "text": "from the window"}),
    )
    .expect("posted");
    assert_eq!(sent["state"], "sent", "{sent}");
    assert!(sent["postId"].is_string());
    let first = posts[0]["id"].as_str().unwrap_or_default();
    let older = invoke(
        &h,
        "older_chat_posts",
        json!({"chat": id, "before": first, "count": 5}),
    )
    .expect("older");
    assert!(older.is_array(), "{older}");
    let unknown = invoke(&h, "chat_posts", json!({"chat": "no-such-chat"})).expect_err("unknown");
    assert_eq!(error_code(&unknown), "validation");
}
