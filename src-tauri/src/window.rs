//! The desktop window: opening it with the desktop plugins, bringing it forward, and telling it
//! which view to show.

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::Launch;

/// The label of the one window (tauri.conf.json).
pub const MAIN: &str = "main";

/// WebKitGTK's switch for accelerated compositing (any value but `0` turns it off).
#[cfg(target_os = "linux")]
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Runs the window until the user quits; returns the process exit code.
pub fn run(launch: Launch) -> i32 {
    // GTK cannot start without a display, and says so with a panic: say it plainly instead.
    #[cfg(target_os = "linux")]
    if ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .all(|name| std::env::var_os(name).is_none_or(|value| value.is_empty()))
    {
        eprintln!("ringdesk: the window could not start: no graphical session (DISPLAY and WAYLAND_DISPLAY are unset).");
        eprintln!(
            "Start ringdesk from a desktop session, or use the command line (ringdesk --help)."
        );
        return 1;
    }
    // WebKitGTK's accelerated compositing costs the web process ~65 MiB (GL buffers, and with
    // Mesa's software driver its shader compiler) and ~150 ms of every start, and a window of
    // forms and lists gains nothing from it (scripts/bench-start measures both). Set before
    // any thread or WebKit process exists; WEBKIT_DISABLE_COMPOSITING_MODE=0 turns it back on.
    #[cfg(target_os = "linux")]
    if std::env::var_os(NO_COMPOSITING).is_none() {
        std::env::set_var(NO_COMPOSITING, "1");
    }
    let builder = crate::desktop::plugins(tauri::Builder::default());
    let app = crate::builder(builder, launch).build(tauri::generate_context!());
    match app {
        Ok(app) => {
            app.run(|app, event| {
                // The window exists from here on (it is created when the loop starts).
                if let tauri::RunEvent::Ready = event {
                    crate::desktop::attach(app);
                }
            });
            0
        }
        Err(error) => {
            tracing::error!(%error, "the window could not start");
            eprintln!("ringdesk: the window could not start: {error}");
            eprintln!("Is a graphical session available (DISPLAY or WAYLAND_DISPLAY)?");
            1
        }
    }
}

/// Shows the window (from the tray too), un-minimised and focused.
pub fn reveal<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN) {
        for (step, result) in [
            ("show", window.show()),
            ("unminimize", window.unminimize()),
            ("focus", window.set_focus()),
        ] {
            if let Err(error) = result {
                tracing::debug!(%error, step, "could not bring the window forward");
            }
        }
    }
}

/// Where the window should go: a view, and for Messages the conversation to open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Navigate {
    /// `dial`, `history`, `messages`, `chats`, `contacts` or `settings`.
    pub view: &'static str,
    /// The conversation to open (E.164), for `messages`; the number to look up, for
    /// `contacts` without a contact.
    pub number: Option<String>,
    /// The contact to open, for `contacts`.
    pub contact: Option<i64>,
    /// The team chat to open, for `chats`.
    pub chat: Option<String>,
}

/// Brings the window forward on `view` (the `navigate` event).
pub fn navigate<R: Runtime>(app: &AppHandle<R>, to: Navigate) {
    reveal(app);
    if let Err(error) = app.emit("navigate", to) {
        tracing::warn!(%error, "could not tell the window where to go");
    }
}
