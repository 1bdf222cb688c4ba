//! `app_info`: what the window shows in its status strip at start.

use ringdesk_core::config::Mode;
use serde::Serialize;
use tauri::State;

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
    /// The RingCentral server, or `null` in demo mode (the built-in simulator).
    pub server: Option<String>,
    /// Where the local cache lives.
    pub data_dir: String,
}

/// Returns the app's version, profile and mode.
#[tauri::command]
pub fn app_info(launch: State<'_, Launch>) -> AppInfo {
    let profile = &launch.profile;
    AppInfo {
        version: ringdesk_core::VERSION,
        profile: profile.name.clone(),
        mode: profile.mode,
        server: (profile.mode == Mode::Live).then(|| profile.server.url().to_string()),
        data_dir: launch.paths.data_dir.display().to_string(),
    }
}
