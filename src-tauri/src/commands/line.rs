//! The agent's line: presence (read and set), Call Control on the call (hang up, hold, reject)
//! and what the cache knows of a caller.

use std::sync::Arc;

use ringdesk_core::app::{CallerView, Desk, LineView, PresenceChoice};
use tauri::State;

use crate::UiError;

/// Presence, its words, Call Control and the quick replies.
#[tauri::command]
pub async fn line(desk: State<'_, Arc<Desk>>) -> Result<LineView, UiError> {
    let presence = desk.presence().await?;
    Ok(desk.line(presence).await)
}

/// Sets presence: `available`, `busy`, `dnd` or `offline`.
#[tauri::command]
pub async fn set_presence(desk: State<'_, Arc<Desk>>, choice: String) -> Result<LineView, UiError> {
    let presence = desk.set_presence(PresenceChoice::parse(&choice)?).await?;
    Ok(desk.line(presence).await)
}

/// Hangs up the call on the line for everyone.
#[tauri::command]
pub async fn hang_up(desk: State<'_, Arc<Desk>>) -> Result<(), UiError> {
    Ok(desk.hang_up().await?)
}

/// Holds (`hold: true`) or resumes the call on the line.
#[tauri::command]
pub async fn hold_call(desk: State<'_, Arc<Desk>>, hold: bool) -> Result<(), UiError> {
    Ok(desk.hold(hold).await?)
}

/// Sends the ringing call to voicemail.
#[tauri::command]
pub async fn reject_call(desk: State<'_, Arc<Desk>>) -> Result<(), UiError> {
    Ok(desk.reject_call().await?)
}

/// The caller's last call and last text, for the incoming-call banner.
#[tauri::command]
pub async fn caller(
    desk: State<'_, Arc<Desk>>,
    number: String,
    session_id: Option<String>,
) -> Result<CallerView, UiError> {
    Ok(desk.caller(&number, session_id.as_deref())?)
}
