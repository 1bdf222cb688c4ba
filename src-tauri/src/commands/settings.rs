//! Settings and the status panel.

use std::sync::Arc;

use ringdesk_core::app::{Desk, DeskStatus, SettingsPatch, SettingsView};
use tauri::{AppHandle, Runtime, State};

use crate::UiError;

/// Every setting, with picker choices.
#[tauri::command]
pub async fn settings(desk: State<'_, Arc<Desk>>) -> Result<SettingsView, UiError> {
    Ok(desk.settings().await?)
}

/// Saves a change to some settings and puts the desktop ones (start at login, the tray's Do
/// not disturb) in force.
#[tauri::command]
pub async fn save_settings<R: Runtime>(
    app: AppHandle<R>,
    desk: State<'_, Arc<Desk>>,
    patch: SettingsPatch,
) -> Result<SettingsView, UiError> {
    let settings = desk.save_settings(patch).await?;
    crate::desktop::settings_changed(&app, &settings)?;
    Ok(settings)
}

/// Sign-in, token, budgets, breaker, sync: the status panel.
#[tauri::command]
pub async fn status(desk: State<'_, Arc<Desk>>) -> Result<DeskStatus, UiError> {
    Ok(desk.status().await)
}
