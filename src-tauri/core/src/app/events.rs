//! What the desk tells the window as it happens, and the health of live updates in one typed
//! state with its words (the status strip, the tray and the status panel all show these).

use std::time::Duration;

use serde::Serialize;

use super::{CallAlert, CallView, NewText, Problem, SignInView, SyncView};
use crate::live_calls::LiveChange;
use crate::realtime::PresenceView;

/// The health of live updates (RingCentral's WebSocket, or polling in its place).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LiveState {
    /// Subscribed: texts arrive at once.
    Online,
    /// Opening or re-opening the WebSocket.
    Reconnecting,
    /// WebSockets are unavailable: texts are checked for regularly.
    Polling,
    /// RingCentral asked for a pause.
    RateLimited,
    /// RingCentral cannot be reached (or the session is gone).
    Offline,
}

impl LiveState {
    /// Whether texts still arrive (at once, or by polling).
    pub fn is_working(self) -> bool {
        matches!(self, Self::Online | Self::Polling)
    }
}

/// Live updates' health as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LiveView {
    /// The state.
    pub state: LiveState,
    /// The state in words ("Connected", "Checking for texts every 20 s", "Offline" …); a retry
    /// time, when there is one, is told beside it from `retry_at`.
    pub words: String,
    /// When the next attempt happens (milliseconds since the Unix epoch).
    pub retry_at: Option<u64>,
    /// What is wrong, in a sentence.
    pub message: Option<String>,
}

impl LiveView {
    /// The view of `state`; `poll_every` is how often texts are checked for while polling.
    pub fn new(
        state: LiveState,
        poll_every: Duration,
        retry_at: Option<u64>,
        message: Option<String>,
    ) -> Self {
        let words = match state {
            LiveState::Online => "Connected".to_string(),
            LiveState::Reconnecting => "Reconnecting".to_string(),
            LiveState::Polling => {
                format!("Checking for texts every {} s", poll_every.as_secs().max(1))
            }
            LiveState::RateLimited => "Rate limited".to_string(),
            LiveState::Offline => "Offline".to_string(),
        };
        Self {
            state,
            words,
            retry_at,
            message,
        }
    }
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

/// Team Messaging chats changed: one chat (or all of them) should be re-read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatsChange {
    /// The chat, when one changed.
    pub chat: Option<String>,
}

/// One change for the window.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum DeskEvent {
    /// Signed in or out.
    SignIn(SignInView),
    /// Live updates' health changed.
    Connection(LiveView),
    /// The live call changed (boxed: a call's view is the largest event).
    Call(Box<CallView>),
    /// Sync progress or result.
    Sync(SyncView),
    /// Messages changed.
    Messages(MessagesChange),
    /// A customer texted: notify the agent (once per message).
    NewText(NewText),
    /// A live call changed: an inbound call rings, was answered or held, or ended (a missed
    /// one is in the cache already).
    LiveCall(Box<LiveChange>),
    /// A call worth a notification: an incoming call rings, or one was missed.
    CallAlert(CallAlert),
    /// Missed calls since History was last opened.
    MissedCalls(u64),
    /// The agent's RingCentral presence changed (here or on another device).
    Presence(PresenceView),
    /// Team Messaging chats changed in the cache (a post, a chat joined or left, a catch-up).
    Chats(ChatsChange),
    /// A chat post to notify the agent of (its chat's level wants it; once per post).
    ChatAlert(super::ChatAlert),
    /// A call ended and waits for its wrap-up: the window offers the card.
    WrapUp(Box<super::WrapUpView>),
    /// Something ringdesk does by itself could not be done as the agent set it up (the settings
    /// file cannot be read): show it; `None` once it is fixed.
    Problem(Option<Problem>),
}

impl DeskEvent {
    /// The event's name on the window side.
    pub fn name(&self) -> &'static str {
        match self {
            Self::SignIn(_) => "session",
            Self::Connection(_) => "connection",
            Self::Call(_) => "call",
            Self::Sync(_) => "sync",
            Self::Messages(_) => "messages",
            Self::NewText(_) => "new-text",
            Self::LiveCall(_) => "live-call",
            Self::CallAlert(_) => "call-alert",
            Self::MissedCalls(_) => "missed-calls",
            Self::Presence(_) => "presence",
            Self::Chats(_) => "chats",
            Self::ChatAlert(_) => "chat-alert",
            Self::WrapUp(_) => "wrap-up",
            Self::Problem(_) => "problem",
        }
    }
}

impl super::Desk {
    /// Tells the window when a failure means "wait" or "offline", with when ringdesk will try
    /// again, so the status strip shows it (not only a toast); passes the result through.
    pub(crate) fn reported<T>(&self, result: Result<T, super::Error>) -> Result<T, super::Error> {
        if let Err(error) = &result {
            let state = match error.recovery() {
                crate::Recovery::Wait { seconds } => Some((
                    LiveState::RateLimited,
                    Some(super::format::now_ms() + seconds * 1000),
                )),
                crate::Recovery::Offline => Some((LiveState::Offline, None)),
                _ => None,
            };
            if let Some((state, retry_at)) = state {
                self.emit(DeskEvent::Connection(LiveView::new(
                    state,
                    self.poll_every(),
                    retry_at,
                    Some(error.to_string()),
                )));
            }
        }
        result
    }
}
