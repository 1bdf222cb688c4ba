//! What the window shows of texting: the composer's counter, conversations, bubbles, a thread,
//! and what Send did.

use serde::Serialize;

use crate::phone;
use crate::store::{ConversationSummary, Direction, MessageEntry, OutboxItem, OutboxState};

use super::super::format::display;
use super::super::Choice;

/// The composer counter: `142 / 1000 · 1 segment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SmsMeasure {
    /// UTF-16 code units (what RingCentral counts).
    pub units: usize,
    /// RingCentral's limit.
    pub limit: usize,
    /// Carrier segments it will take.
    pub segments: usize,
    /// Over the limit: Send is refused.
    pub too_long: bool,
}

/// A conversation in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConversationView {
    /// The customer's number (E.164): what opens the thread.
    pub number: String,
    /// The number, formatted.
    pub display: String,
    /// The matched contact's (or caller ID) name.
    pub name: Option<String>,
    /// The last message's text.
    pub last_text: String,
    /// When it was sent or received (ISO 8601).
    pub last_time: String,
    /// Unread messages.
    pub unread: u32,
    /// Texts waiting in the outbox.
    pub pending: u32,
}

/// A message bubble.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageView {
    /// RingCentral's id (none for outbox items).
    pub id: Option<i64>,
    /// `Inbound` or `Outbound`.
    pub direction: &'static str,
    /// The text.
    pub text: String,
    /// ISO 8601.
    pub time: String,
    /// `messageStatus`, or the outbox state.
    pub status: String,
    /// Still in the outbox.
    pub pending: bool,
    /// The outbox id, to cancel it.
    pub outbox_id: Option<i64>,
}

/// One conversation, oldest message first, with the sender picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThreadView {
    /// The customer's number (E.164).
    pub number: String,
    /// Formatted.
    pub display: String,
    /// Contact or caller-ID name.
    pub name: Option<String>,
    /// The matched contact, if any (none: *Add contact*, *Add to SuiteDash* are offered).
    pub contact_id: Option<i64>,
    /// Unread before opening.
    pub unread: u32,
    /// Messages, oldest first, outbox items last.
    pub messages: Vec<MessageView>,
    /// Numbers the agent can text from.
    pub senders: Vec<Choice>,
    /// The remembered sender.
    pub sender: Option<String>,
    /// Why texts to this customer are refused (they opted out), when they are.
    pub opted_out: Option<String>,
}

/// What Send did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SentView {
    /// RingCentral's message id, once sent.
    pub message_id: Option<i64>,
    /// Waiting in the outbox (offline or rate limited): it goes once, when possible.
    pub pending: bool,
    /// The outbox item.
    pub outbox_id: i64,
    /// Where the item stands.
    pub state: OutboxState,
    /// The number it goes out from (E.164).
    pub from: String,
    /// The recipient (E.164).
    pub to: String,
    /// The recipient, formatted.
    pub to_display: String,
    /// UTF-16 code units.
    pub units: usize,
    /// Carrier segments.
    pub segments: usize,
}

/// One conversation as the cache holds it, newest message first, with texts still waiting in
/// the outbox (`ringdesk messages --thread`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThreadEntries {
    /// The customer's number as the cache keys it.
    pub number: String,
    /// Messages, newest first.
    pub messages: Vec<MessageEntry>,
    /// Texts in the outbox.
    pub pending: Vec<OutboxItem>,
}

pub(super) fn conversation_view(c: &ConversationSummary, home: phone::Country) -> ConversationView {
    let m = &c.last_message;
    let number = m.peer.key.clone().unwrap_or_else(|| m.peer.number.clone());
    let display = phone::parse_input(&number)
        .and_then(|t| phone::normalize(&t, home))
        .map(|n| display(&n, home))
        .unwrap_or_else(|_| m.peer.number.clone());
    let name = m.peer.display_name().to_string();
    ConversationView {
        name: (name != m.peer.number && !name.is_empty()).then_some(name),
        number,
        display,
        last_text: m.text.clone(),
        last_time: m.created.to_rfc3339(),
        unread: c.unread,
        pending: c.pending,
    }
}

pub(super) fn message_view(m: &MessageEntry) -> MessageView {
    MessageView {
        id: Some(m.id),
        direction: match m.direction {
            Direction::Inbound => "Inbound",
            Direction::Outbound => "Outbound",
        },
        text: m.text.clone(),
        time: m.created.to_rfc3339(),
        status: m.status.clone(),
        pending: false,
        outbox_id: None,
    }
}

pub(super) fn pending_view(item: &OutboxItem) -> MessageView {
    MessageView {
        id: item.message_id,
        direction: "Outbound",
        text: item.text.clone(),
        time: item.created.to_rfc3339(),
        status: format!("{:?}", item.state),
        pending: item.state != OutboxState::Sent,
        outbox_id: Some(item.id),
    }
}
