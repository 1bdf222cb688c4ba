//! End-to-end tests of the real `ringdesk` binary in a real WebKitGTK window.
//!
//! Each test gets its own Xvfb display, its own D-Bus session with an unlocked gnome-keyring,
//! its own config and data folders, and drives the window through WebKitWebDriver. They are
//! `#[ignore]`d in a plain `cargo test` (they need Xvfb, D-Bus and WebKitWebDriver installed);
//! `scripts/test` runs them with `cargo test --test e2e -- --ignored --test-threads=1`.

mod autostart;
mod call_lists;
mod calls_in;
mod chats;
mod cli_browser_login;
mod cli_demo;
mod cli_keyring;
mod crm_suitedash;
mod crm_webhook;
mod desktop;
mod dial_anywhere;
mod dunst;
mod frame;
mod installed;
mod links;
mod notifications;
mod oauth;
mod policy;
mod scripted;
mod tray;
mod window;
mod wrap_up;
