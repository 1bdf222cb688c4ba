//! Conversations, threads and the composer.

use std::sync::Arc;

use ringdesk_core::app::{ConversationView, Desk, SentView, SmsMeasure, TemplateView, ThreadView};
use tauri::State;

use crate::UiError;

/// Conversations, most recent first.
#[tauri::command]
pub async fn list_conversations(
    desk: State<'_, Arc<Desk>>,
    search: Option<String>,
) -> Result<Vec<ConversationView>, UiError> {
    Ok(desk.conversations(search.as_deref()).await?)
}

/// One conversation.
#[tauri::command]
pub async fn open_thread(
    desk: State<'_, Arc<Desk>>,
    number: String,
) -> Result<ThreadView, UiError> {
    Ok(desk.thread(&number).await?)
}

/// The composer counter.
#[tauri::command]
pub async fn measure_sms(desk: State<'_, Arc<Desk>>, text: String) -> Result<SmsMeasure, UiError> {
    Ok(desk.measure_sms(&text))
}

/// Sends a text (through the outbox).
#[tauri::command]
pub async fn send_sms(
    desk: State<'_, Arc<Desk>>,
    to: String,
    text: String,
    from: Option<String>,
) -> Result<SentView, UiError> {
    Ok(desk
        .send_sms(&to, &text, from.as_deref().filter(|f| !f.is_empty()))
        .await?)
}

/// Marks a conversation read.
#[tauri::command]
pub async fn mark_read(desk: State<'_, Arc<Desk>>, number: String) -> Result<(), UiError> {
    Ok(desk.mark_read(&number).await?)
}

/// Cancels a text waiting in the outbox.
#[tauri::command]
pub async fn cancel_outbox(desk: State<'_, Arc<Desk>>, id: i64) -> Result<(), UiError> {
    Ok(desk.cancel_outbox(id)?)
}

/// The composer's SMS templates (RingCentral's, else built-in ones).
#[tauri::command]
pub async fn sms_templates(desk: State<'_, Arc<Desk>>) -> Result<Vec<TemplateView>, UiError> {
    Ok(desk.sms_templates().await?)
}

/// Adds one of the agent's own SMS templates.
#[tauri::command]
pub async fn create_sms_template(
    desk: State<'_, Arc<Desk>>,
    name: String,
    text: String,
) -> Result<TemplateView, UiError> {
    Ok(desk.create_sms_template(&name, &text).await?)
}

/// Renames or rewrites one of the agent's own SMS templates.
#[tauri::command]
pub async fn update_sms_template(
    desk: State<'_, Arc<Desk>>,
    id: String,
    name: String,
    text: String,
) -> Result<TemplateView, UiError> {
    Ok(desk.update_sms_template(&id, &name, &text).await?)
}

/// Deletes one of the agent's own SMS templates.
#[tauri::command]
pub async fn delete_sms_template(desk: State<'_, Arc<Desk>>, id: String) -> Result<(), UiError> {
    Ok(desk.delete_sms_template(&id).await?)
}
