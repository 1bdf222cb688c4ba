//! RingCentral Team Messaging (`/team-messaging/v1`, app permission `TeamMessaging`): chats,
//! posts, persons. Ids are strings everywhere; lists page with `recordCount` (≤ 250) and an
//! opaque `pageToken`. Creating a conversation is idempotent at RingCentral (the same members
//! answer the same chat), creating a post or a team is not.

mod models;

use reqwest::Method;
use serde::Serialize;

use super::endpoint::{Endpoint, Group, Priority};
use super::{ApiError, Call, Client};

pub use models::{
    BatchPart, ChatPage, ChatRecord, ChatRecords, MemberRecord, Mention, Navigation, PersonRecord,
    PostPage, PostRecord,
};

/// The largest page RingCentral gives.
pub const MOST_PER_PAGE: u32 = 250;
/// The most person ids in one bulk read.
pub const MOST_PERSONS: usize = 30;

macro_rules! tm {
    ($suffix:literal) => {
        concat!("/team-messaging/v1", $suffix)
    };
}

/// `listRecentChatsNew`: the agent's chats, most recently changed first.
pub const LIST_RECENT_CHATS: Endpoint = Endpoint {
    operation: "listRecentChatsNew",
    method: Method::GET,
    path: tm!("/recent/chats"),
    group: Group::Light,
    idempotent: true,
};

/// `listGlipChatsNew`: every chat, oldest first, paged.
pub const LIST_CHATS: Endpoint = Endpoint {
    operation: "listGlipChatsNew",
    method: Method::GET,
    path: tm!("/chats"),
    group: Group::Medium,
    idempotent: true,
};

/// `readGlipChatNew`.
pub const READ_CHAT: Endpoint = Endpoint {
    operation: "readGlipChatNew",
    method: Method::GET,
    path: tm!("/chats/{}"),
    group: Group::Light,
    idempotent: true,
};

/// `listFavoriteChatsNew`.
pub const LIST_FAVORITES: Endpoint = Endpoint {
    operation: "listFavoriteChatsNew",
    method: Method::GET,
    path: tm!("/favorites"),
    group: Group::Light,
    idempotent: true,
};

/// `createGlipConversationNew` (RingCentral answers the existing chat of the same members:
/// repeating it is harmless).
pub const CREATE_CONVERSATION: Endpoint = Endpoint {
    operation: "createGlipConversationNew",
    method: Method::POST,
    path: tm!("/conversations"),
    group: Group::Medium,
    idempotent: true,
};

/// `createGlipTeamNew` (a second try would make a second team).
pub const CREATE_TEAM: Endpoint = Endpoint {
    operation: "createGlipTeamNew",
    method: Method::POST,
    path: tm!("/teams"),
    group: Group::Medium,
    idempotent: false,
};

/// `readGlipPostsNew`: newest first, paged.
pub const READ_POSTS: Endpoint = Endpoint {
    operation: "readGlipPostsNew",
    method: Method::GET,
    path: tm!("/chats/{}/posts"),
    group: Group::Medium,
    idempotent: true,
};

/// `createGlipPostNew` (a second try would post twice: never repeated blindly).
pub const CREATE_POST: Endpoint = Endpoint {
    operation: "createGlipPostNew",
    method: Method::POST,
    path: tm!("/chats/{}/posts"),
    group: Group::Medium,
    idempotent: false,
};

/// `patchGlipPostNew`.
pub const PATCH_POST: Endpoint = Endpoint {
    operation: "patchGlipPostNew",
    method: Method::PATCH,
    path: tm!("/chats/{}/posts/{}"),
    group: Group::Medium,
    idempotent: true,
};

/// `deleteGlipPostNew`.
pub const DELETE_POST: Endpoint = Endpoint {
    operation: "deleteGlipPostNew",
    method: Method::DELETE,
    path: tm!("/chats/{}/posts/{}"),
    group: Group::Medium,
    idempotent: true,
};

/// `readGlipPersonNew` (one id, or up to 30 comma-separated: a 207 batch).
pub const READ_PERSONS: Endpoint = Endpoint {
    operation: "readGlipPersonNew",
    method: Method::GET,
    path: tm!("/persons/{}"),
    group: Group::Light,
    idempotent: true,
};

/// listRecentChatsNew — the newest `count` (≤ 250) chats of the agent.
pub async fn recent_chats(
    client: &Client,
    count: u32,
    priority: Priority,
) -> Result<ChatRecords, ApiError> {
    let call = Call::new(&LIST_RECENT_CHATS, &[])
        .query("recordCount", count.min(MOST_PER_PAGE))
        .priority(priority);
    client.fetch(call).await
}

/// listGlipChatsNew — one page of every chat the agent sees (public teams to join among them).
pub async fn chats(client: &Client, page: Option<&str>) -> Result<ChatPage, ApiError> {
    let call = Call::new(&LIST_CHATS, &[])
        .query("recordCount", MOST_PER_PAGE)
        .query_opt("pageToken", page);
    client.fetch(call).await
}

/// readGlipChatNew.
pub async fn chat(client: &Client, id: &str) -> Result<ChatRecord, ApiError> {
    client.fetch(Call::new(&READ_CHAT, &[id])).await
}

/// listFavoriteChatsNew.
pub async fn favorites(client: &Client, priority: Priority) -> Result<ChatRecords, ApiError> {
    let call = Call::new(&LIST_FAVORITES, &[])
        .query("recordCount", MOST_PER_PAGE)
        .priority(priority);
    client.fetch(call).await
}

/// `{id}` of a member.
#[derive(Debug, Serialize)]
struct Member<'a> {
    id: &'a str,
}

/// createGlipConversationNew — the direct (one other) or group chat with `people`.
pub async fn conversation(client: &Client, people: &[&str]) -> Result<ChatRecord, ApiError> {
    let members: Vec<Member<'_>> = people.iter().map(|id| Member { id }).collect();
    let call =
        Call::new(&CREATE_CONVERSATION, &[]).json(&serde_json::json!({ "members": members }));
    client.fetch(call).await
}

/// A new team.
#[derive(Debug, Clone, Serialize)]
pub struct NewTeam<'a> {
    /// Name.
    pub name: &'a str,
    /// Anyone in the company may join.
    pub public: bool,
    /// Members (person ids).
    #[serde(serialize_with = "members")]
    pub members: &'a [String],
}

fn members<S: serde::Serializer>(ids: &&[String], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(ids.iter().map(|id| Member { id }))
}

/// createGlipTeamNew — 201 with the team.
pub async fn create_team(client: &Client, team: &NewTeam<'_>) -> Result<ChatRecord, ApiError> {
    client.fetch(Call::new(&CREATE_TEAM, &[]).json(team)).await
}

/// readGlipPostsNew — one page of a chat's posts, newest first.
pub async fn posts(
    client: &Client,
    chat: &str,
    count: u32,
    page: Option<&str>,
    priority: Priority,
) -> Result<PostPage, ApiError> {
    let call = Call::new(&READ_POSTS, &[chat])
        .query("recordCount", count.min(MOST_PER_PAGE))
        .query_opt("pageToken", page)
        .priority(priority);
    client.fetch(call).await
}

/// createGlipPostNew — 201 with the post.
pub async fn create_post(client: &Client, chat: &str, text: &str) -> Result<PostRecord, ApiError> {
    let call = Call::new(&CREATE_POST, &[chat]).json(&serde_json::json!({ "text": text }));
    client.fetch(call).await
}

/// patchGlipPostNew — the post with its new text.
pub async fn edit_post(
    client: &Client,
    chat: &str,
    post: &str,
    text: &str,
) -> Result<PostRecord, ApiError> {
    let call = Call::new(&PATCH_POST, &[chat, post]).json(&serde_json::json!({ "text": text }));
    client.fetch(call).await
}

/// deleteGlipPostNew.
pub async fn delete_post(client: &Client, chat: &str, post: &str) -> Result<(), ApiError> {
    client
        .send(Call::new(&DELETE_POST, &[chat, post]))
        .await
        .map(drop)
}

/// readGlipPersonNew — the persons of `ids` (≤ 30; one answers a plain record, more a 207
/// batch); persons RingCentral does not know are left out.
pub async fn persons(
    client: &Client,
    ids: &[&str],
    priority: Priority,
) -> Result<Vec<PersonRecord>, ApiError> {
    let ids = &ids[..ids.len().min(MOST_PERSONS)];
    match ids {
        [] => Ok(Vec::new()),
        [one] => Ok(vec![
            client
                .fetch(Call::new(&READ_PERSONS, &[one]).priority(priority))
                .await?,
        ]),
        many => {
            let joined = many.join(",");
            let call = Call::new(&READ_PERSONS, &[&joined]).priority(priority);
            let parts: Vec<BatchPart<PersonRecord>> = client.fetch(call).await?;
            Ok(parts
                .into_iter()
                .filter(|p| p.status == 200)
                .filter_map(|p| p.body)
                .collect())
        }
    }
}
