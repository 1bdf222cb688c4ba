//! ringdesk-core: everything ringdesk does, without a GUI.
//!
//! The desktop shell (`ringdesk_app`) and the command line are thin faces over this crate.
#![deny(missing_docs)]

pub mod config;
pub mod phone;

/// The version of ringdesk, as built.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
