//! `app_info` and `ui_ready`: what the window shows at start, and the signal that it can take
//! links.

use std::sync::Arc;

use ringdesk_core::app::{Desk, Mode, Theme};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::links::PendingLinks;
use crate::Launch;

/// The version, profile and mode of this ringdesk.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// ringdesk's version.
    pub version: &'static str,
    /// The active profile's name.
    pub profile: String,
    /// `demo` or `live`.
    pub mode: Mode,
    /// The RingCentral server; in demo mode the built-in simulator's address once it runs.
    pub server: Option<String>,
    /// Where the local cache lives.
    pub data_dir: String,
    /// The colour scheme to apply at once.
    pub theme: Theme,
}

/// Returns the app's version, profile, mode and server.
#[tauri::command]
pub async fn app_info(
    launch: State<'_, Launch>,
    desk: State<'_, Arc<Desk>>,
) -> Result<AppInfo, ()> {
    let profile = desk.profile();
    let server = match profile.mode {
        Mode::Live => Some(profile.server.url().to_string()),
        Mode::Demo => desk.demo_server().await,
    };
    Ok(AppInfo {
        version: ringdesk_core::VERSION,
        profile: profile.name,
        mode: profile.mode,
        server,
        data_dir: launch.paths.data_dir.display().to_string(),
        // Unreadable settings: the last theme read, and the window is told why.
        theme: desk.settings_in_force().theme,
    })
}

/// The window is listening: tell it the session (it may have changed while the page loaded)
/// and the unread total for its badge (the store's count), and hand it the links that arrived
/// meanwhile.
#[tauri::command]
pub async fn ui_ready<R: Runtime>(
    app: AppHandle<R>,
    desk: State<'_, Arc<Desk>>,
    links: State<'_, PendingLinks>,
) -> Result<(), ()> {
    let _ = app.emit("session", desk.session().await);
    desk.announce_messages(None);
    links.ready(&app);
    Ok(())
}
