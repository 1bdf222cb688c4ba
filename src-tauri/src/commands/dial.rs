//! The dial view: number preview, suggestions, pickers, placing and cancelling calls.

use std::sync::Arc;

use ringdesk_core::app::{CallOptions, CallRequest, CallView, Desk, NumberPreview, Suggestion};
use tauri::State;

use crate::UiError;

/// What the typed text would dial.
#[tauri::command]
pub async fn parse_number(
    desk: State<'_, Arc<Desk>>,
    text: String,
) -> Result<NumberPreview, UiError> {
    Ok(desk.preview_number(&text).await)
}

/// Contacts and recent numbers for what is typed.
#[tauri::command]
pub async fn suggest(
    desk: State<'_, Arc<Desk>>,
    query: String,
) -> Result<Vec<Suggestion>, UiError> {
    Ok(desk.suggest(&query, 8)?)
}

/// The "ring me at" and caller-ID choices.
#[tauri::command]
pub async fn call_options(desk: State<'_, Arc<Desk>>) -> Result<CallOptions, UiError> {
    Ok(desk.call_options().await?)
}

/// Places a RingOut; progress follows as `call` events.
#[tauri::command]
pub async fn place_call(desk: State<'_, Arc<Desk>>, to: String) -> Result<CallView, UiError> {
    Ok(desk.place_call(&CallRequest::to(&to)).await?)
}

/// Cancels the call while it is still ringing.
#[tauri::command]
pub async fn cancel_call(desk: State<'_, Arc<Desk>>, id: String) -> Result<CallView, UiError> {
    Ok(desk.cancel_call(&id).await?)
}
