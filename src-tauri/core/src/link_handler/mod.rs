//! ringdesk as the system's handler for phone links (`tel:`, `callto:`, `sms:`) and for its own
//! `ringdesk:` scheme (the OAuth redirect): whether it is, and making it so where the system lets
//! an app do that.
//!
//! - **Linux** ([`XdgHandler`]): a `.desktop` entry with `Exec=<ringdesk> %u` and the
//!   `x-scheme-handler/…` MIME types, made the default with `xdg-mime default`, read back with
//!   `xdg-mime query default`.
//! - **Windows** ([`HandlerStatus::windows`]): the user, not the app, picks the default; the
//!   window opens the "Default apps" settings page.
//! - **macOS** ([`HandlerStatus::macos`]): the default for calls is chosen in FaceTime's settings;
//!   the window says where.

mod entry;
mod error;
mod xdg;

use serde::Serialize;

pub use entry::{desktop_entry, exec_line};
pub use error::HandlerError;
pub use xdg::XdgHandler;

/// The link schemes the agent cares about, in the order the Settings view lists them.
pub const PHONE_SCHEMES: [&str; 3] = ["tel", "callto", "sms"];

/// ringdesk's own scheme: the OAuth redirect `ringdesk://oauth/callback` arrives through it.
pub const OWN_SCHEME: &str = "ringdesk";

/// Every scheme ringdesk registers for.
pub const ALL_SCHEMES: [&str; 4] = ["tel", "callto", "sms", OWN_SCHEME];

/// What the system does with a scheme's links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SchemeHandler {
    /// ringdesk opens them.
    Ringdesk,
    /// Another app opens them.
    Other {
        /// The app, as the system names it (a `.desktop` id on Linux).
        app: String,
    },
    /// Nothing is registered.
    Nobody,
    /// The system does not say (Windows, macOS).
    Unknown,
}

/// One scheme and who handles it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemeStatus {
    /// `tel`, `callto`, `sms` or `ringdesk`.
    pub scheme: String,
    /// Who opens its links.
    pub handler: SchemeHandler,
}

/// What "Make ringdesk the handler" does on this system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HandlerAction {
    /// ringdesk registers itself and becomes the default (Linux).
    Register,
    /// ringdesk opens the system's default-apps settings, where the user chooses (Windows).
    OpenSettings,
    /// Nothing to press: the advice says where to choose (macOS).
    Explain,
}

/// Whether ringdesk handles each scheme, and what the agent can do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HandlerStatus {
    /// Each scheme of [`ALL_SCHEMES`].
    pub schemes: Vec<SchemeStatus>,
    /// What the button does.
    pub action: HandlerAction,
    /// ringdesk handles every scheme, through an entry that starts this ringdesk.
    pub is_default: bool,
    /// A sentence for the agent: what the state means or where to choose.
    pub advice: String,
}

impl HandlerStatus {
    /// Windows: the installer registers the schemes; only the user can make ringdesk the
    /// default, in Settings → Apps → Default apps.
    pub fn windows() -> Self {
        Self::unknown(
            HandlerAction::OpenSettings,
            "Windows lets you, not ringdesk, choose the app for phone links: in Default apps, \
             search for TEL, CALLTO and SMS and pick ringdesk.",
        )
    }

    /// macOS: the default app for calls is chosen in FaceTime.
    pub fn macos() -> Self {
        Self::unknown(
            HandlerAction::Explain,
            "On macOS, open FaceTime → Settings → General and choose ringdesk under \
             \"Default for calls\". Texts (sms:) stay with Messages.",
        )
    }

    /// Any other system: nothing known, nothing to do.
    pub fn unsupported() -> Self {
        Self::unknown(
            HandlerAction::Explain,
            "This system does not let ringdesk check or choose the app for phone links.",
        )
    }

    fn unknown(action: HandlerAction, advice: &str) -> Self {
        Self {
            schemes: ALL_SCHEMES
                .iter()
                .map(|scheme| SchemeStatus {
                    scheme: (*scheme).to_string(),
                    handler: SchemeHandler::Unknown,
                })
                .collect(),
            action,
            is_default: false,
            advice: advice.to_string(),
        }
    }
}
