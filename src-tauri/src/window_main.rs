//! `ringdesk-window`: the window (Tauri, WebKit), started by `ringdesk`. It takes the same
//! arguments and runs the command line too.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    std::process::exit(ringdesk_app::run());
}
