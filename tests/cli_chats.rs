//! Team chats on the command line of the real binary in demo mode: `ringdesk sync` brings the
//! account's chats into the cache, `ringdesk chats` lists them (favourites first, teams and
//! colleagues by name, unread counts), `ringdesk chat read` prints a chat named by its name,
//! `ringdesk chat post` posts once, and a name that matches nothing or several chats, or a post
//! too long, is a clear failure.

mod demo_cli;

use demo_cli::{json, ringdesk};

#[test]
fn sync_brings_the_chats_and_a_chat_is_read_by_name() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let synced = ringdesk(dir.path(), &["sync"]);
    assert!(synced.status.success(), "{synced:?}");
    assert_eq!(
        json(&synced)["chats"],
        0,
        "a first fill is history, not news"
    );
    let listed = ringdesk(dir.path(), &["chats"]);
    assert!(listed.status.success(), "{listed:?}");
    let chats = json(&listed)["chats"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let names: Vec<&str> = chats.iter().filter_map(|c| c["name"].as_str()).collect();
    assert!(names.contains(&"Support"), "the seeded team: {names:?}");
    assert!(
        chats.iter().any(|c| c["kind"] == "Direct"
            && !c["name"]
                .as_str()
                .unwrap_or("")
                .chars()
                .all(|ch| ch.is_ascii_digit())),
        "direct chats are named after the colleague, not an id: {names:?}"
    );
    assert!(
        chats.iter().any(|c| c["unread"].as_u64().unwrap_or(0) > 0),
        "unread until read: {chats:?}"
    );
    let read = ringdesk(dir.path(), &["chat", "read", "support", "--limit", "5"]);
    assert!(read.status.success(), "{read:?}");
    let view = json(&read);
    assert_eq!(view["chat"]["name"], "Support");
    let posts = view["posts"].as_array().cloned().unwrap_or_default();
    assert_eq!(posts.len(), 5, "{view}");
    assert!(
        posts
            .iter()
            .all(|p| p["author"].as_str().is_some_and(|a| !a.is_empty())),
        "every post has its author's name: {posts:?}"
    );
    let times: Vec<&str> = posts.iter().filter_map(|p| p["time"].as_str()).collect();
    assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "oldest first: {times:?}"
    );
}

#[test]
fn an_unknown_or_ambiguous_chat_is_a_clear_failure() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    assert!(ringdesk(dir.path(), &["sync"]).status.success());
    let unknown = ringdesk(dir.path(), &["chat", "read", "no such chat"]);
    assert_eq!(unknown.status.code(), Some(1), "{unknown:?}");
    let said = String::from_utf8_lossy(&unknown.stdout).to_string();
    assert!(said.contains("no chat"), "{said}");
    let ambiguous = ringdesk(dir.path(), &["chat", "read", "web chat"]);
    assert_eq!(ambiguous.status.code(), Some(1), "{ambiguous:?}");
    let said = String::from_utf8_lossy(&ambiguous.stdout).to_string();
    assert!(
        said.contains("several chats") && said.contains("visitor 1"),
        "{said}"
    );
}

#[test]
fn a_post_goes_to_the_chat_once_and_shows_when_read() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    assert!(ringdesk(dir.path(), &["sync"]).status.success());
    let posted = ringdesk(
        dir.path(),
        &["chat", "post", "Support", "On it — calling them now"],
    );
    assert!(posted.status.success(), "{posted:?}");
    let sent = json(&posted);
    assert_eq!(sent["state"], "sent", "{sent}");
    assert!(sent["postId"].as_str().is_some_and(|id| !id.is_empty()));
    let read = ringdesk(dir.path(), &["chat", "read", "Support", "--limit", "1"]);
    let view = json(&read);
    assert_eq!(view["posts"][0]["mine"], true, "{view}");
    assert_eq!(
        view["posts"][0]["parts"][0]["text"],
        "On it — calling them now"
    );
    let long = "x".repeat(10_001);
    let refused = ringdesk(dir.path(), &["chat", "post", "Support", &long]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    let said = String::from_utf8_lossy(&refused.stdout).to_string();
    assert!(said.contains("at most 10000"), "{said}");
}

#[test]
fn teams_chats_levels_and_mentions_from_the_command_line() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    assert!(ringdesk(dir.path(), &["sync"]).status.success());
    let read = ringdesk(dir.path(), &["chat", "read", "Support", "--limit", "30"]);
    let view = json(&read);
    let colleague = view["posts"]
        .as_array()
        .and_then(|posts| posts.iter().find(|p| p["mine"] == false))
        .and_then(|p| p["author"].as_str())
        .expect("a colleague posts in Support")
        .to_string();

    let team = ringdesk(
        dir.path(),
        &["chat", "new-team", "Escalations", "--member", &colleague],
    );
    assert!(team.status.success(), "{team:?}");
    assert_eq!(json(&team)["kind"], "Team");
    assert_eq!(json(&team)["name"], "Escalations");
    let nobody = ringdesk(
        dir.path(),
        &["chat", "new-team", "Ghosts", "--member", "nobody at all"],
    );
    assert_eq!(nobody.status.code(), Some(1), "{nobody:?}");
    assert!(String::from_utf8_lossy(&nobody.stdout).contains("no colleague matches"));

    let direct = ringdesk(dir.path(), &["chat", "new", &colleague]);
    assert!(direct.status.success(), "{direct:?}");
    assert_eq!(json(&direct)["kind"], "Direct");
    assert_eq!(json(&direct)["name"], colleague.as_str());

    let muted = ringdesk(dir.path(), &["chat", "notify", "Support", "muted"]);
    assert!(muted.status.success(), "{muted:?}");
    assert_eq!(json(&muted)["notify"], "muted");
    assert_eq!(json(&muted)["notifyDefault"], false);
    let listed = json(&ringdesk(dir.path(), &["chats", "--search", "support"]));
    assert_eq!(listed["chats"][0]["notify"], "muted", "kept in the cache");
    let loud = ringdesk(dir.path(), &["chat", "notify", "Support", "loud"]);
    assert_eq!(loud.status.code(), Some(1), "{loud:?}");
    assert!(String::from_utf8_lossy(&loud.stdout).contains("not a notification level"));

    let posted = ringdesk(
        dir.path(),
        &[
            "chat",
            "post",
            "Support",
            "can you check?",
            "--mention",
            &colleague,
        ],
    );
    assert!(posted.status.success(), "{posted:?}");
    let read = json(&ringdesk(
        dir.path(),
        &["chat", "read", "Support", "--limit", "1"],
    ));
    let parts = &read["posts"][0]["parts"];
    assert_eq!(parts[0]["kind"], "mention", "{read}");
    assert_eq!(parts[0]["name"], colleague.as_str());
    assert_eq!(parts[1]["text"], " can you check?");
}
