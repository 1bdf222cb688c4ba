//! What the desk tells the window as it happens.

use serde::Serialize;

use super::{CallView, NewText, SessionView, SyncView};

/// The connection's health, for the status strip and the tray.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionView {
    /// `online`, `reconnecting`, `polling`, `rate_limited` or `offline`.
    pub state: &'static str,
    /// When the next attempt happens (milliseconds since the Unix epoch).
    pub retry_at: Option<u64>,
    /// What is wrong, in a sentence.
    pub message: Option<String>,
}

/// Messages changed: a conversation (or all of them) should be re-read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessagesChange {
    /// The conversation's number (E.164), when one conversation changed.
    pub number: Option<String>,
    /// Unread messages across all conversations.
    pub unread: u64,
}

/// One change for the window.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum DeskEvent {
    /// Signed in or out.
    Session(SessionView),
    /// Connection health changed.
    Connection(ConnectionView),
    /// The live call changed.
    Call(CallView),
    /// Sync progress or result.
    Sync(SyncView),
    /// Messages changed.
    Messages(MessagesChange),
    /// A customer texted: notify the agent (once per message).
    NewText(NewText),
}

impl DeskEvent {
    /// The event's name on the window side.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Session(_) => "session",
            Self::Connection(_) => "connection",
            Self::Call(_) => "call",
            Self::Sync(_) => "sync",
            Self::Messages(_) => "messages",
            Self::NewText(_) => "new-text",
        }
    }
}

impl super::Desk {
    /// Tells the window when a failure means "wait" or "offline", with when ringdesk will try
    /// again, so the status strip shows it (not only a toast); passes the result through.
    pub(crate) fn reported<T>(&self, result: Result<T, crate::Error>) -> Result<T, crate::Error> {
        if let Err(error) = &result {
            let view = match error.recovery() {
                crate::Recovery::Wait { seconds } => Some(ConnectionView {
                    state: "rate_limited",
                    retry_at: Some(super::dialing::now_ms() + seconds * 1000),
                    message: Some(error.to_string()),
                }),
                crate::Recovery::Offline => Some(ConnectionView {
                    state: "offline",
                    retry_at: None,
                    message: Some(error.to_string()),
                }),
                _ => None,
            };
            if let Some(view) = view {
                self.emit(DeskEvent::Connection(view));
            }
        }
        result
    }
}
