//! Start at login, driven by the `start_at_login` setting: an XDG autostart entry on Linux
//! (`~/.config/autostart/ringdesk.desktop`), a Launch Agent on macOS, the `Run` key on Windows —
//! all through tauri-plugin-autostart, starting `ringdesk --minimized` (hidden in the tray).

use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::AutoLaunchManager;

use crate::{UiError, UiErrorCode};

/// The argument the login item passes: start hidden in the tray.
pub const MINIMIZED: &str = "--minimized";

/// The autostart plugin, starting ringdesk with [`MINIMIZED`].
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_autostart::Builder::new()
        .arg(MINIMIZED)
        .build()
}

/// Makes the system's login item match `wanted`; a no-op where the plugin is not registered
/// (the IPC tests).
pub fn apply<R: Runtime>(app: &AppHandle<R>, wanted: bool) -> Result<(), UiError> {
    let Some(launcher) = app.try_state::<AutoLaunchManager>() else {
        return Ok(());
    };
    let enabled = launcher.is_enabled().map_err(failed)?;
    match (wanted, enabled) {
        (true, false) => launcher.enable().map_err(failed),
        (false, true) => launcher.disable().map_err(failed),
        _ => Ok(()),
    }
}

fn failed(error: tauri_plugin_autostart::Error) -> UiError {
    tracing::warn!(%error, "start at login could not be changed");
    UiError {
        code: UiErrorCode::Internal,
        message: format!("ringdesk could not change start at login: {error}"),
        hint: "Add ringdesk to your desktop's startup applications yourself, with --minimized."
            .into(),
    }
}
