//! Settings and the status panel.

use std::sync::Arc;

use ringdesk_core::desk::DeskStatus;
use ringdesk_core::desk::{Desk, SettingsPatch, SettingsView};
use tauri::State;

use crate::UiError;

/// Every setting, with picker choices.
#[tauri::command]
pub async fn settings(desk: State<'_, Arc<Desk>>) -> Result<SettingsView, UiError> {
    Ok(desk.settings().await?)
}

/// Saves a change to some settings.
#[tauri::command]
pub async fn save_settings(
    desk: State<'_, Arc<Desk>>,
    patch: SettingsPatch,
) -> Result<SettingsView, UiError> {
    Ok(desk.save_settings(patch).await?)
}

/// Sign-in, token, budgets, breaker, sync: the status panel.
#[tauri::command]
pub async fn status(desk: State<'_, Arc<Desk>>) -> Result<DeskStatus, UiError> {
    Ok(desk.status().await)
}
