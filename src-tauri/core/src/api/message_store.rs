//! The message store: list, read, mark read, and message sync.

use reqwest::Method;
use serde::Serialize;

use super::endpoint::{ext_path, Endpoint, Group, Priority};
use super::models::{Message, MessageSync};
use super::paging::Pages;
use super::{ApiError, Call, Client};

/// `listMessages`.
pub const LIST_MESSAGES: Endpoint = Endpoint {
    operation: "listMessages",
    method: Method::GET,
    path: ext_path!("/message-store"),
    group: Group::Light,
    idempotent: true,
};

/// `readMessage`.
pub const READ_MESSAGE: Endpoint = Endpoint {
    operation: "readMessage",
    method: Method::GET,
    path: ext_path!("/message-store/{}"),
    group: Group::Light,
    idempotent: true,
};

/// `updateMessage`.
pub const UPDATE_MESSAGE: Endpoint = Endpoint {
    operation: "updateMessage",
    method: Method::PUT,
    path: ext_path!("/message-store/{}"),
    group: Group::Medium,
    idempotent: true,
};

/// `syncMessages`.
pub const SYNC_MESSAGES: Endpoint = Endpoint {
    operation: "syncMessages",
    method: Method::GET,
    path: ext_path!("/message-sync"),
    group: Group::Light,
    idempotent: true,
};

/// Filters of `listMessages`.
#[derive(Debug, Clone, Default)]
pub struct MessageQuery {
    /// Only this thread.
    pub conversation_id: Option<u64>,
    /// Latest message per thread (the thread list).
    pub distinct_conversations: bool,
    /// ISO 8601 start (RingCentral's default is 24 h back).
    pub date_from: Option<String>,
    /// Records per page (max 1000).
    pub per_page: u32,
    /// Background work yields to people.
    pub priority: Priority,
}

/// listMessages — GET …/extension/~/message-store (SMS only), as pages.
pub fn list_messages(client: &Client, query: &MessageQuery) -> Pages<Message> {
    let mut call = Call::new(&LIST_MESSAGES, &[])
        .query("messageType", "SMS")
        .query("perPage", query.per_page.clamp(1, 1000))
        .query_opt("conversationId", query.conversation_id)
        .query_opt("dateFrom", query.date_from.as_deref())
        .priority(query.priority);
    if query.distinct_conversations {
        call = call.query("distinctConversations", true);
    }
    Pages::new(client.clone(), call)
}

/// readMessage — GET …/extension/~/message-store/{id}.
pub async fn read_message(client: &Client, id: u64) -> Result<Message, ApiError> {
    client
        .fetch(Call::new(&READ_MESSAGE, &[&id.to_string()]))
        .await
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReadStatus<'a> {
    read_status: &'a str,
}

/// updateMessage — PUT …/extension/~/message-store/{id}: marks read or unread.
pub async fn mark_read(client: &Client, id: u64, read: bool) -> Result<Message, ApiError> {
    let body = ReadStatus {
        read_status: if read { "Read" } else { "Unread" },
    };
    let call = Call::new(&UPDATE_MESSAGE, &[&id.to_string()]).json(&body);
    client.fetch(call).await
}

/// syncMessages — GET …/extension/~/message-sync: full (no token) or incremental (token).
pub async fn sync_messages(
    client: &Client,
    sync_token: Option<&str>,
    date_from: Option<&str>,
    priority: Priority,
) -> Result<MessageSync, ApiError> {
    let call = Call::new(&SYNC_MESSAGES, &[]).query("messageType", "SMS");
    let call = match sync_token {
        Some(token) => call.query("syncType", "ISync").query("syncToken", token),
        None => call
            .query("syncType", "FSync")
            .query_opt("dateFrom", date_from),
    };
    client.fetch(call.priority(priority)).await
}
