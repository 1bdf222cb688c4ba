//! Whether ringdesk opens the system's phone links, and making it so.

use std::path::PathBuf;
use std::sync::Arc;

use ringdesk_core::app::{Desk, HandlerStatus};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::shortcut::ShortcutStatus;
use crate::{UiError, UiErrorCode};

/// Who opens `tel:`, `callto:`, `sms:` and `ringdesk:` links on this computer.
#[tauri::command]
pub async fn handler_status<R: Runtime>(
    app: AppHandle<R>,
    desk: State<'_, Arc<Desk>>,
) -> Result<HandlerStatus, UiError> {
    Ok(desk.link_handler_status(program(&app)?).await?)
}

/// Makes ringdesk the handler where the system allows it (Linux), or opens the place where the
/// user chooses (Windows); returns the state afterwards.
#[tauri::command]
pub async fn make_default_handler<R: Runtime>(
    app: AppHandle<R>,
    desk: State<'_, Arc<Desk>>,
) -> Result<HandlerStatus, UiError> {
    if cfg!(windows) {
        open_default_apps()?;
    }
    Ok(desk.make_link_handler(program(&app)?).await?)
}

/// Whether the dial-from-anywhere shortcut is in force, and why not.
#[tauri::command]
pub fn dial_shortcut_status(shortcuts: State<'_, crate::shortcut::Shortcuts>) -> ShortcutStatus {
    shortcuts.status()
}

/// The program links should start: the AppImage when running from one, else the `ringdesk`
/// front next to this program.
fn program<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, UiError> {
    if let Some(appimage) = app.env().appimage {
        return Ok(appimage.into());
    }
    tauri::utils::platform::current_exe()
        .map(crate::front::front_program)
        .map_err(|error| UiError {
            code: UiErrorCode::Internal,
            message: format!("ringdesk cannot tell where it is installed: {error}"),
            hint: "Start ringdesk from its installed location and try again.".into(),
        })
}

/// Windows' Default apps page, where the user picks ringdesk for TEL, CALLTO and SMS.
fn open_default_apps() -> Result<(), UiError> {
    opener::open("ms-settings:defaultapps").map_err(|error| {
        tracing::warn!(%error, "could not open Default apps");
        UiError {
            code: UiErrorCode::Internal,
            message: "ringdesk could not open Windows' Default apps settings.".into(),
            hint:
                "Open Settings → Apps → Default apps and choose ringdesk for TEL, CALLTO and SMS."
                    .into(),
        }
    })
}
