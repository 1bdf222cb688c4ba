//! Team chat in the real window against the demo simulator, with a colleague signed in to it
//! through the public API: their post appears in the open chat and notifies once (a direct
//! message, a mention in a team) or not at all (a plain team post at the team's default level);
//! a hostile post is inert text; a post typed in the window reaches RingCentral once; *New team*
//! creates the team at the simulator.

use std::time::{Duration, Instant};

use ringdesk_testkit::colleague::Method;
use ringdesk_testkit::Colleague;
use serde_json::{json, Value};

use crate::desktop::{Desktop, PATIENCE};
use crate::notifications::{signed_in, wait_displayed};

/// The chats the first sync brought, once it has.
async fn chats(desktop: &Desktop) -> Vec<Value> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let listed = desktop
            .invoke("list_chats", json!({ "search": null }))
            .await
            .expect("list_chats");
        let chats = listed.as_array().cloned().unwrap_or_default();
        if !chats.is_empty() {
            return chats;
        }
        assert!(Instant::now() < deadline, "the first sync brought no chats");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn id_of(chats: &[Value], name: &str) -> String {
    chats
        .iter()
        .find(|c| c["name"] == name)
        .and_then(|c| c["id"].as_str())
        .unwrap_or_else(|| panic!("no chat {name}: {chats:?}"))
        .to_string()
}

/// A colleague who posts in Support (once the first sync brought its posts and their authors'
/// names): their person id and name.
async fn support_colleague(desktop: &Desktop, support: &str) -> (String, String) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let view = desktop
            .invoke(
                "chat_posts",
                json!({ "chat": support, "before": null, "limit": 100 }),
            )
            .await
            .expect("chat_posts");
        let post = view["posts"].as_array().and_then(|posts| {
            posts
                .iter()
                .find(|p| p["mine"] == false && p["author"] != p["authorId"])
                .cloned()
        });
        if let Some(post) = post {
            return (
                post["authorId"].as_str().unwrap_or_default().to_string(),
                post["author"].as_str().unwrap_or_default().to_string(),
            );
        }
        assert!(Instant::now() < deadline, "Support's posts never arrived");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Shows the Chats view and opens the chat named `name` in it.
async fn open_chat(desktop: &Desktop, name: &str) {
    desktop
        .eval("document.querySelector(\"nav button[data-view='chats']\").click(); return true;")
        .await;
    let row = format!(
        "return [...document.querySelectorAll('.chat-row')].find(r => r.querySelector('.chat-name')?.textContent.replace('★ ', '') === {name:?});"
    );
    desktop
        .wait_until(
            &format!("the chat {name} listed"),
            &format!("{} ; return !!row;", row.replace("return ", "const row = ")),
        )
        .await;
    desktop
        .eval(&format!(
            "{} row.click(); return true;",
            row.replace("return ", "const row = ")
        ))
        .await;
    desktop
        .wait_until(
            "the chat open",
            &format!("return document.querySelector('.chat-pane .thread-title')?.textContent === {name:?};"),
        )
        .await;
}

/// How many posts of the open chat show exactly `text`.
fn shown(text: &str) -> String {
    format!(
        "return [...document.querySelectorAll('.posts .post-text')].filter(p => p.textContent === {text:?}).length;"
    )
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, dunst and WebKitWebDriver: run by scripts/test"]
async fn a_colleagues_post_shows_live_and_notifies_at_the_chats_level() {
    let desktop = signed_in().await;
    let chats = chats(&desktop).await;
    let support = id_of(&chats, "Support");
    let (ana_id, ana_name) = support_colleague(&desktop, &support).await;
    let direct = desktop
        .invoke("new_chat", json!({ "people": [ana_id] }))
        .await
        .expect("the direct chat");
    let direct_id = direct["id"].as_str().unwrap_or_default().to_string();
    let ana = Colleague::sign_in(&desktop.admin().await.colleague_sign_in(&ana_id).await).await;
    let members = ana
        .send(
            Method::GET,
            &format!("/team-messaging/v1/chats/{direct_id}"),
            Value::Null,
        )
        .await;
    let me = members.json["members"]
        .as_array()
        .and_then(|m| {
            m.iter()
                .filter_map(|m| m["id"].as_str())
                .find(|id| *id != ana_id)
        })
        .expect("the agent is the other member")
        .to_string();
    open_chat(&desktop, &ana_name).await;

    ana.post(&support, "A plain post for the whole team").await;
    let hostile = "<img src=x onerror=\"document.title='pwned'\"> \u{202E}txt.exe ![:Person](1) & <b>bold</b>";
    ana.post(&direct_id, hostile).await;
    wait_displayed(&desktop, 1).await;
    // Shown as the text it is, without the right-to-left override that would turn "txt.exe"
    // round.
    let inert = hostile.replace('\u{202E}', "");
    desktop
        .wait_until(
            "the colleague's post in the open chat, as text",
            &format!(
                "{} return n === 1;",
                shown(&inert).replace("return ", "const n = ")
            ),
        )
        .await;
    assert_eq!(
        desktop
            .eval("return [document.querySelectorAll('.posts img, .posts b').length, document.title];")
            .await,
        json!([0, "ringdesk"]),
        "markup in a post is inert text"
    );
    desktop.screenshot("chats").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let notified = desktop.notifications();
    assert_eq!(
        notified.len(),
        1,
        "one notification, for the direct message; none for the plain team post: {notified:?}"
    );
    assert_eq!(notified[0]["summary"], ana_name.as_str());
    assert!(
        notified[0]["body"]
            .as_str()
            .is_some_and(|b| b.starts_with("&lt;img") && !b.contains("<b>")),
        "the body escaped: {notified:?}"
    );

    ana.post(
        &support,
        &format!("![:Person]({me}) can you call them back?"),
    )
    .await;
    wait_displayed(&desktop, 2).await;
    let notified = desktop.notifications();
    assert_eq!(notified.len(), 2, "{notified:?}");
    assert_eq!(
        notified[1]["summary"],
        format!("{ana_name} in Support").as_str(),
        "a mention in a team notifies"
    );
    desktop.close().await;
}

#[tokio::test]
#[ignore = "needs Xvfb, D-Bus, dunst and WebKitWebDriver: run by scripts/test"]
async fn a_typed_post_arrives_once_and_new_team_creates_it() {
    let desktop = signed_in().await;
    let chats = chats(&desktop).await;
    let support = id_of(&chats, "Support");
    let (ana_id, ana_name) = support_colleague(&desktop, &support).await;
    let ana = Colleague::sign_in(&desktop.admin().await.colleague_sign_in(&ana_id).await).await;
    open_chat(&desktop, "Support").await;
    let typed = "Typed in the window, sent once";
    desktop.type_into("#chat-text", typed).await;
    desktop
        .eval("document.querySelector('.chat-send').click(); return true;")
        .await;
    desktop
        .wait_until(
            "the typed post in the chat",
            &format!(
                "{} return n === 1;",
                shown(typed).replace("return ", "const n = ")
            ),
        )
        .await;
    desktop.screenshot("chat-team").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let at_ringcentral = ana
        .posts(&support)
        .await
        .into_iter()
        .filter(|p| p["text"] == typed)
        .count();
    assert_eq!(at_ringcentral, 1, "the post reached RingCentral once");

    desktop
        .eval("document.querySelector('#team-new').click(); return true;")
        .await;
    desktop.type_into("#team-name", "Escalations").await;
    let first_name = ana_name.split(' ').next().unwrap_or_default();
    desktop.type_into("#chat-people-search", first_name).await;
    desktop
        .wait_until(
            "the colleague offered",
            &format!("return [...document.querySelectorAll('#chat-people-search-list [role=option]')].some(o => o.textContent.includes({ana_name:?}));"),
        )
        .await;
    desktop
        .eval(&format!("[...document.querySelectorAll('#chat-people-search-list [role=option]')].find(o => o.textContent.includes({ana_name:?})).click(); return true;"))
        .await;
    desktop
        .wait_until(
            "the colleague picked",
            "return document.querySelectorAll('li.person-chip').length === 1;",
        )
        .await;
    desktop
        .eval("document.querySelector('#team-create').click(); return true;")
        .await;
    desktop
        .wait_until(
            "the new team open",
            "return document.querySelector('.chat-pane .thread-title')?.textContent === 'Escalations';",
        )
        .await;
    let creates: Vec<u16> = desktop
        .admin()
        .await
        .requests()
        .await
        .into_iter()
        .filter(|r| r.method == "POST" && r.path == "/team-messaging/v1/teams")
        .map(|r| r.status)
        .collect();
    assert_eq!(creates, [201], "New team creates it at RingCentral, once");
    let listed = desktop
        .invoke("list_chats", json!({ "search": "escalations" }))
        .await
        .expect("list_chats");
    assert_eq!(listed[0]["kind"], "Team", "{listed}");
    let team = listed[0]["id"].as_str().unwrap_or_default().to_string();
    let seen = ana
        .send(
            Method::GET,
            &format!("/team-messaging/v1/teams/{team}"),
            Value::Null,
        )
        .await;
    assert_eq!(
        seen.status, 200,
        "the member picked is in it: {}",
        seen.text
    );
    desktop.close().await;
}
