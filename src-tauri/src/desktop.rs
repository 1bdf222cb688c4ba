//! The desktop around the window: plugins (single instance first), then — once the app is
//! built — the cold-start link, the tray, notifications, close-to-tray, `--minimized`, start at
//! login and catching up on focus. Only the real window gets these: the IPC tests drive the
//! same commands on Tauri's mock runtime without them.

use std::sync::Arc;

use ringdesk_core::app::{Desk, SettingsView};
use tauri::{AppHandle, Manager, Runtime, WindowEvent};

use crate::{autostart, deep_link, notify, shortcut, tray, window, Launch, UiError};

/// Registers the desktop plugins on `builder`; single-instance must come first.
pub fn plugins<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(deep_link::single_instance())
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(shortcut::plugin())
        .plugin(autostart::plugin())
}

/// Wires the built app to the desktop, then shows the window unless started `--minimized`.
pub fn attach<R: Runtime>(app: &AppHandle<R>) {
    let desk = app.state::<Arc<Desk>>().inner().clone();
    let launch = app.state::<Launch>().inner().clone();
    deep_link::attach(app);
    if let Err(error) = tray::create(app, &desk) {
        tracing::warn!(%error, "no tray icon");
    }
    notify::attach(app, &desk);
    // Start at login changes the system: only from settings actually read, never a fallback
    // (the tray above has already told the window when they cannot be read).
    match desk.app_settings() {
        Ok(settings) => {
            if let Err(error) = autostart::apply(app, settings.start_at_login) {
                tracing::warn!(error = %error.message, "start at login is not in effect");
            }
            shortcut::apply(app, &settings.dial_shortcut);
        }
        Err(error) => tracing::warn!(%error, "start at login left as it is"),
    }
    let Some(main) = app.get_webview_window(window::MAIN) else {
        tracing::error!("the main window is missing");
        return;
    };
    close_to_tray(&main, &desk);
    crate::wake::watch(&main, &desk);
    if launch.minimized {
        tracing::info!("started minimized: in the tray");
    } else {
        window::reveal(app);
    }
}

/// Closing the window hides it while `close_to_tray` is on (the default); Quit in the tray,
/// or closing with the setting off, ends ringdesk.
fn close_to_tray<R: Runtime>(main: &tauri::WebviewWindow<R>, desk: &Arc<Desk>) {
    let desk = desk.clone();
    let window = main.clone();
    main.on_window_event(move |event| {
        if let WindowEvent::CloseRequested { api, .. } = event {
            if desk.settings_in_force().close_to_tray {
                api.prevent_close();
                if let Err(error) = window.hide() {
                    tracing::warn!(%error, "could not hide the window");
                }
            }
        }
    });
}

/// Settings were saved from the window: put the desktop ones in force.
pub fn settings_changed<R: Runtime>(
    app: &AppHandle<R>,
    settings: &SettingsView,
) -> Result<(), UiError> {
    tray::settings_changed(app, settings.do_not_disturb);
    shortcut::apply(app, &settings.dial_shortcut);
    autostart::apply(app, settings.start_at_login)
}
