//! ringdesk-core: everything ringdesk does, without a GUI.
//!
//! The desktop shell (`ringdesk_app`) and the command line are thin faces over this crate:
//! [`connection::Connection`] connects a profile (live through the keychain, or demo through the
//! built-in simulator), [`calls`] places and follows RingOut calls, [`messaging`] sends SMS,
//! [`status`] reports, [`auth`] signs in and out, and [`realtime`] announces inbound texts as
//! they arrive. Every error maps to a [`Recovery`].
#![deny(missing_docs)]

pub mod api;
pub mod auth;
pub mod calls;
pub mod clock;
pub mod config;
pub mod connection;
pub mod demo;
pub mod desk;
mod error;
pub mod handler;
pub mod import_export;
pub mod messaging;
pub mod phone;
pub mod realtime;
pub mod recovery;
pub mod secret;
pub mod status;
pub mod store;
pub mod sync;

pub use error::Error;
pub use recovery::Recovery;
pub use secret::Secret;

/// The version of ringdesk, as built.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
