//! The WebSocket's Team Messaging events applied to the cache: `PostAdded` / `PostChanged` store
//! the post (a replay changes nothing), `PostRemoved` — which names no chat — removes it by id;
//! `GroupJoined` / `GroupRenamed` / `GroupChanged` store the chat, `GroupLeft` forgets it.

use serde::Serialize;
use serde_json::Value;

use super::convert;
use super::TeamError;
use crate::api::team::{ChatRecord, MemberRecord, PostRecord};
use crate::store::{Store, TeamPost};

/// What a post event did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum PostChange {
    /// A post new to the cache.
    Added {
        /// The post.
        post: TeamPost,
    },
    /// A known post, changed (or told again).
    Changed {
        /// The post.
        post: TeamPost,
    },
    /// A post removed from its chat.
    Removed {
        /// The post's id.
        id: String,
        /// Its chat, when the cache knew the post.
        chat: Option<String>,
    },
    /// An event ringdesk does not use, or one too broken to read.
    Ignored,
}

/// What a chat event did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", content = "id", rename_all = "snake_case")]
pub enum ChatChange {
    /// A chat joined or changed: read it again for its posts.
    Changed(String),
    /// A chat left or deleted.
    Left(String),
    /// An event ringdesk does not use.
    Ignored,
}

/// Applies the body of a `/team-messaging/v1/posts` event.
pub fn apply_post_event(store: &mut Store, body: &Value) -> Result<PostChange, TeamError> {
    let Ok(record) = serde_json::from_value::<PostRecord>(body.clone()) else {
        return Ok(PostChange::Ignored);
    };
    match record.event_type.as_deref() {
        Some("PostRemoved") if !record.id.is_empty() => {
            let chat = store.remove_post(&record.id)?;
            Ok(PostChange::Removed {
                id: record.id,
                chat,
            })
        }
        Some("PostAdded" | "PostChanged") => {
            let Some(post) = convert::post(&record, None) else {
                return Ok(PostChange::Ignored);
            };
            let new = !store.put_posts(std::slice::from_ref(&post))?.is_empty();
            Ok(if new {
                PostChange::Added { post }
            } else {
                PostChange::Changed { post }
            })
        }
        _ => Ok(PostChange::Ignored),
    }
}

/// Applies the body of a `/team-messaging/v1/chats` event (members as strings, `isPublic`).
pub fn apply_chat_event(store: &mut Store, body: &Value) -> Result<ChatChange, TeamError> {
    let text = |name: &str| body.get(name).and_then(Value::as_str).map(str::to_string);
    let Some(id) = text("id").filter(|id| !id.is_empty()) else {
        return Ok(ChatChange::Ignored);
    };
    match text("eventType").as_deref() {
        Some("GroupLeft") => {
            store.forget_chat(&id)?;
            Ok(ChatChange::Left(id))
        }
        Some("GroupJoined" | "GroupRenamed" | "GroupChanged") => {
            let members = body
                .get("members")
                .and_then(Value::as_array)
                .map(|m| {
                    m.iter()
                        .filter_map(Value::as_str)
                        .map(|id| MemberRecord { id: id.into() })
                        .collect()
                })
                .unwrap_or_default();
            let record = ChatRecord {
                id: id.clone(),
                kind: text("type"),
                public: body.get("isPublic").and_then(Value::as_bool),
                name: text("name"),
                description: text("description"),
                status: text("status"),
                creation_time: text("creationTime"),
                last_modified_time: text("lastModifiedTime"),
                members,
            };
            if let Some(chat) = convert::chat(&record, true) {
                store.put_chats(&[chat])?;
            }
            Ok(ChatChange::Changed(id))
        }
        _ => Ok(ChatChange::Ignored),
    }
}
