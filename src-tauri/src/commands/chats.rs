//! Team chats.

use std::sync::Arc;

use ringdesk_core::app::{ChatPostsView, ChatView, Desk, PostSentView, PostView};
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

/// Posts `text` to the chat, exactly once.
#[tauri::command]
pub async fn post_to_chat(
    desk: State<'_, Arc<Desk>>,
    chat: String,
    text: String,
) -> Result<PostSentView, UiError> {
    Ok(desk.post_to_chat(&chat, &text).await?)
}
