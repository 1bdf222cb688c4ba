//! Opening the desktop window.

use crate::Launch;

/// Runs the window until the user quits; returns the process exit code.
pub fn run(launch: Launch) -> i32 {
    let app = crate::builder(tauri::Builder::default(), launch).build(tauri::generate_context!());
    match app {
        Ok(app) => {
            app.run(|_, _| {});
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
