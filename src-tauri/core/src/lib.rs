//! ringdesk-core: everything ringdesk does, without a GUI.
//!
//! The desktop shell (`ringdesk_app`) and the command line are thin faces over this crate, and
//! they enter it through one door: the application layer, [`app`], whose [`app::Desk`] is one
//! profile at work. Below it, each part has one job and its own error type:
//!
//! - [`api`] — RingCentral's REST endpoints as data, the client, budgets, retries, breaker;
//! - [`auth`] — signing in (browser + PKCE, JWT), token refresh, sign-out;
//! - [`keychain`] — where secrets are kept (the OS keychain, or memory);
//! - [`calls`] — placing and following a RingOut, and its words;
//! - [`sms`] — a text's limits, its sender, and the outbox that sends it exactly once;
//! - [`store`] — the local SQLite cache; [`sync`] — RingCentral → the cache, incrementally;
//! - [`realtime`] — live texts over RingCentral's WebSocket (polling when it is unavailable);
//! - [`live_calls`] — the agent's live calls; [`team`] — Team Messaging chats into the cache;
//! - [`phone`] — links and numbers; [`config`] — profiles, settings, folders;
//! - [`link_handler`] — ringdesk as the system's `tel:` / `callto:` / `sms:` handler;
//! - [`import_export`] — CSV in and out; [`demo`] — the built-in simulator of demo mode;
//! - [`integrations`] — CRM links: the signed webhook and SuiteDash (API and import modes);
//! - [`backoff`], [`clock`], [`origin`], [`recovery`], [`secret`] — small shared pieces.
//!
//! Every error maps to a [`Recovery`]; the application layer's [`Error`] wraps them all.
#![deny(missing_docs)]

pub mod api;
pub mod app;
pub mod auth;
pub mod backoff;
pub mod calls;
pub mod clock;
pub mod config;
pub mod demo;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod import_export;
pub mod integrations;
pub mod keychain;
pub mod link_handler;
pub mod live_calls;
pub mod origin;
pub mod phone;
pub mod realtime;
pub mod recovery;
pub mod secret;
pub mod sms;
pub mod store;
pub mod sync;
pub mod team;

pub use app::Error;
pub use recovery::Recovery;
pub use secret::Secret;

/// The version of ringdesk, as built.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
