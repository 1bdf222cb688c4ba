//! What the real-time inbox tells the shell: new inbound texts, store changes, and the state of
//! its connection to RingCentral.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::live_calls::LiveChange;
use crate::recovery::Recovery;
use crate::store::{MessageEntry, Peer};
use crate::team::{ChatChange, PostChange};

/// One event for the shell, in the order things happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum RealtimeEvent {
    /// A customer texted the agent: notify. Exactly once per message id, ever, for this cache.
    InboundSms(InboundSms),
    /// Messages in the cache changed (new, status, read state, deleted): refresh what is shown.
    MessagesChanged(MessagesChanged),
    /// The connection changed (for the status strip and the tray).
    Connection(ConnectionState),
    /// A live call changed: an inbound call rings (who is calling), was answered, held or
    /// ended (a missed one is already in the cache when this is emitted).
    Call(LiveChange),
    /// The agent's presence changed (here or on another device).
    Presence(PresenceView),
    /// A Team Messaging post was added, changed or removed (already in the cache).
    TeamPost(PostChange),
    /// A chat was joined, changed or left (already in the cache).
    TeamChat(ChatChange),
    /// A catch-up brought posts the socket may have missed: read the chats again.
    TeamCaughtUp {
        /// Posts new to the cache.
        new_posts: usize,
    },
}

/// The agent's presence, as the status strip shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PresenceView {
    /// `Available`, `Busy` or `Offline` as the agent set it.
    pub user_status: String,
    /// RingCentral's `dndStatus` (`DoNotAcceptAnyCalls` is Do not disturb).
    pub dnd_status: String,
    /// `NoCall`, `Ringing`, `CallConnected`, `OnHold`.
    pub telephony_status: String,
}

/// How an inbound text reached ringdesk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Pushed over the WebSocket (live, or replayed after a recovery).
    Push,
    /// Found by a catch-up sync after a gap, or by polling.
    Sync,
}

/// A new inbound SMS, already in the local cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InboundSms {
    /// RingCentral's message id.
    pub message_id: i64,
    /// The conversation (thread) to open when the notification is clicked.
    pub conversation_id: i64,
    /// The sender: number as received, match key, caller-ID name, and the contact it matches.
    pub from: Peer,
    /// The agent's number it was sent to.
    pub to: String,
    /// The text.
    pub text: String,
    /// When RingCentral received it.
    pub created: DateTime<Utc>,
    /// How it reached ringdesk.
    pub via: Via,
}

impl InboundSms {
    /// Builds the event from the cached message.
    pub(crate) fn from_entry(entry: MessageEntry, via: Via) -> Self {
        Self {
            message_id: entry.id,
            conversation_id: entry.conversation_id,
            from: entry.peer,
            to: entry.own_number,
            text: entry.text,
            created: entry.created,
            via,
        }
    }

    /// The title for a notification: the contact's name, else the caller ID, else the number.
    pub fn sender_name(&self) -> &str {
        self.from.display_name()
    }
}

/// What changed in the cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MessagesChanged {
    /// The conversations touched, when known; `None` after a sync: any may have changed.
    pub conversations: Option<Vec<i64>>,
}

/// The connection to RingCentral's notifications, as the agent should see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConnectionState {
    /// Opening the WebSocket.
    Connecting,
    /// Subscribed: texts arrive live.
    Connected {
        /// Since when.
        since: DateTime<Utc>,
        /// The previous session was recovered (missed events replayed by RingCentral).
        recovered: bool,
    },
    /// The WebSocket dropped or failed; the next attempt is at `retry_at`.
    Reconnecting {
        /// Consecutive failed attempts so far.
        attempt: u32,
        /// When the next attempt starts.
        retry_at: DateTime<Utc>,
        /// Why (no secrets).
        reason: String,
    },
    /// WebSockets are unavailable: texts are fetched by polling until they work again.
    Polling {
        /// When the next poll starts.
        next_poll: DateTime<Utc>,
        /// Why the WebSocket is not used.
        reason: String,
    },
    /// RingCentral cannot be reached, or the session is gone.
    Offline {
        /// When ringdesk tries again.
        retry_at: DateTime<Utc>,
        /// Why.
        reason: String,
        /// What the agent can do.
        recovery: Recovery,
        /// One sentence for the status strip.
        hint: String,
    },
    /// [`InboxWatch::stop`](super::InboxWatch::stop) was called.
    Stopped,
}

impl ConnectionState {
    /// Texts arrive live.
    pub fn is_connected(&self) -> bool {
        matches!(self, Self::Connected { .. })
    }
}
