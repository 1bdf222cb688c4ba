//! Tauri commands: a few lines each over `ringdesk_core::app::Desk`.

pub mod app;
pub mod chats;
pub mod contacts;
pub mod desktop;
pub mod dial;
pub mod dnc;
pub mod history;
pub mod integrations;
pub mod line;
pub mod lists;
pub mod messages;
pub mod session;
pub mod settings;
pub mod wrapups;
