//! History and sync.

use std::sync::Arc;

use ringdesk_core::app::{CallsPage, Desk, SyncView};
use tauri::State;

use crate::UiError;

/// A page of the call history.
#[tauri::command]
pub async fn list_calls(
    desk: State<'_, Arc<Desk>>,
    filter: Option<String>,
    search: Option<String>,
    after: Option<String>,
    limit: Option<usize>,
) -> Result<CallsPage, UiError> {
    let filter = filter.unwrap_or_default();
    Ok(desk.calls(
        &filter,
        search.as_deref(),
        after.as_deref(),
        limit.unwrap_or(100),
    )?)
}

/// Syncs now; progress follows as `sync` events.
#[tauri::command]
pub async fn sync_now(desk: State<'_, Arc<Desk>>) -> Result<SyncView, UiError> {
    Ok(desk.sync_now())
}

/// The agent opened History: the missed calls are seen (the tray and the rail badge clear).
#[tauri::command]
pub async fn history_seen(desk: State<'_, Arc<Desk>>) -> Result<(), UiError> {
    desk.history_seen();
    Ok(())
}
