//! Team chats.

use std::sync::Arc;

use ringdesk_core::app::{
    parse_level, ChatPostsView, ChatView, ColleagueView, Desk, Mentioned, PostSentView, PostView,
};
use tauri::State;

use crate::UiError;

/// The agent's chats, favourites first; only those whose name holds `search` when given.
#[tauri::command]
pub async fn list_chats(
    desk: State<'_, Arc<Desk>>,
    search: Option<String>,
) -> Result<Vec<ChatView>, UiError> {
    Ok(desk.chats(search.as_deref()).await?)
}

/// A chat's newest posts (or those before the post `before`), oldest first.
#[tauri::command]
pub async fn chat_posts(
    desk: State<'_, Arc<Desk>>,
    chat: String,
    before: Option<String>,
    limit: Option<usize>,
) -> Result<ChatPostsView, UiError> {
    Ok(desk
        .chat_posts(&chat, before.as_deref(), limit.unwrap_or(100))
        .await?)
}

/// The agent has read the chat.
#[tauri::command]
pub async fn mark_chat_read(desk: State<'_, Arc<Desk>>, chat: String) -> Result<(), UiError> {
    Ok(desk.mark_chat_read(&chat)?)
}

/// Posts older than the post `before`, from RingCentral (scrolled up past the cache).
#[tauri::command]
pub async fn older_chat_posts(
    desk: State<'_, Arc<Desk>>,
    chat: String,
    before: String,
    count: Option<usize>,
) -> Result<Vec<PostView>, UiError> {
    Ok(desk
        .older_chat_posts(&chat, &before, count.unwrap_or(50))
        .await?)
}

/// Posts `text` to the chat, exactly once; each `@name` of `mentions` goes as a mention.
#[tauri::command]
pub async fn post_to_chat(
    desk: State<'_, Arc<Desk>>,
    chat: String,
    text: String,
    mentions: Option<Vec<Mentioned>>,
) -> Result<PostSentView, UiError> {
    Ok(desk
        .post_to_chat(&chat, &text, &mentions.unwrap_or_default())
        .await?)
}

/// Replaces the text of one of the agent's posts (each `@name` of `mentions` as a mention).
#[tauri::command]
pub async fn edit_chat_post(
    desk: State<'_, Arc<Desk>>,
    chat: String,
    post: String,
    text: String,
    mentions: Option<Vec<Mentioned>>,
) -> Result<PostView, UiError> {
    Ok(desk
        .edit_chat_post(&chat, &post, &text, &mentions.unwrap_or_default())
        .await?)
}

/// Deletes one of the agent's posts.
#[tauri::command]
pub async fn delete_chat_post(
    desk: State<'_, Arc<Desk>>,
    chat: String,
    post: String,
) -> Result<(), UiError> {
    Ok(desk.delete_chat_post(&chat, &post).await?)
}

/// Sets which posts of the chat notify: `all`, `mentions`, `muted` or `default`.
#[tauri::command]
pub async fn set_chat_notify(
    desk: State<'_, Arc<Desk>>,
    chat: String,
    level: String,
) -> Result<ChatView, UiError> {
    let level = parse_level(&level).map_err(ringdesk_core::app::Error::from)?;
    Ok(desk.set_chat_notify(&chat, level).await?)
}

/// Colleagues whose name or email holds `query` (a picker, a mention).
#[tauri::command]
pub async fn colleagues(
    desk: State<'_, Arc<Desk>>,
    query: String,
    limit: Option<usize>,
) -> Result<Vec<ColleagueView>, UiError> {
    Ok(desk.colleagues(&query, limit.unwrap_or(8).min(50)).await?)
}

/// The direct chat with one colleague or the group chat with several (person ids).
#[tauri::command]
pub async fn new_chat(
    desk: State<'_, Arc<Desk>>,
    people: Vec<String>,
) -> Result<ChatView, UiError> {
    Ok(desk.new_chat(&people).await?)
}

/// Creates a team.
#[tauri::command]
pub async fn new_team(
    desk: State<'_, Arc<Desk>>,
    name: String,
    people: Vec<String>,
    public: bool,
) -> Result<ChatView, UiError> {
    Ok(desk.new_team(&name, &people, public).await?)
}
