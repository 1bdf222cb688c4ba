//! Tauri commands: a few lines each over `ringdesk_core`.

pub mod app;
