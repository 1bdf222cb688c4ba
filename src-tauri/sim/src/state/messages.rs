//! The message store: SMS records, conversations, read state, and the outbound status
//! progression `Queued` → `Sent` → `Delivered` (or a magic-number failure).

use super::opt_outs::OptOuts;
use crate::magic::{sms_outcome, SmsOutcome};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// `direction`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Received.
    Inbound,
    /// Sent.
    Outbound,
}

impl Direction {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Inbound => "Inbound",
            Direction::Outbound => "Outbound",
        }
    }
}

/// `messageStatus`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Accepted, not yet sent.
    Queued,
    /// Handed to the carrier.
    Sent,
    /// Delivered to the handset.
    Delivered,
    /// The carrier could not deliver it.
    DeliveryFailed,
    /// Sending failed.
    SendingFailed,
    /// An inbound message.
    Received,
}

impl Status {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Queued => "Queued",
            Status::Sent => "Sent",
            Status::Delivered => "Delivered",
            Status::DeliveryFailed => "DeliveryFailed",
            Status::SendingFailed => "SendingFailed",
            Status::Received => "Received",
        }
    }
}

/// One side of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    /// E.164 number.
    pub phone: String,
    /// Display name, when known.
    pub name: Option<String>,
    /// City, when known.
    pub location: Option<String>,
    /// Per-recipient status (outbound `to` entries).
    pub status: Option<Status>,
    /// The recipient had opted out of texts from the sender when it was sent.
    pub opted_out: bool,
}

impl Party {
    /// A party with just a number.
    pub fn number(phone: &str) -> Self {
        Self {
            phone: phone.to_owned(),
            name: None,
            location: None,
            status: None,
            opted_out: false,
        }
    }
}

/// An SMS in the store.
#[derive(Clone, Debug)]
pub struct Message {
    /// int64 id.
    pub id: i64,
    /// int64 conversation id.
    pub conversation_id: i64,
    /// Direction.
    pub direction: Direction,
    /// Sender.
    pub from: Party,
    /// Recipients.
    pub to: Vec<Party>,
    /// The text (`subject`).
    pub text: String,
    /// `creationTime`.
    pub created: DateTime<Utc>,
    /// `lastModifiedTime`.
    pub modified: DateTime<Utc>,
    /// `readStatus` is `Read`.
    pub read: bool,
    /// `availability` is `Deleted`.
    pub deleted: bool,
    /// Aggregate `messageStatus`.
    pub status: Status,
    /// `deliveryErrorCode` for failures.
    pub delivery_error: Option<&'static str>,
    /// `smsDeliveryTime`.
    pub delivered_at: Option<DateTime<Utc>>,
}

/// Timing of the outbound status progression.
#[derive(Clone, Copy, Debug)]
pub struct Delivery {
    /// Queued → Sent after this long.
    pub sent: chrono::Duration,
    /// Sent → Delivered after this long.
    pub delivered: chrono::Duration,
}

/// All messages of the extension.
#[derive(Debug)]
pub struct MessageStore {
    messages: Vec<Message>,
    index: HashMap<i64, usize>,
    conversations: HashMap<(String, String), i64>,
    pending: Vec<i64>,
    next_id: i64,
    next_conversation: i64,
    /// Who opted out of whose texts.
    pub opt_outs: OptOuts,
}

impl MessageStore {
    /// An empty store whose ids start at `first_id`.
    pub fn new(first_id: i64) -> Self {
        Self {
            messages: Vec::new(),
            index: HashMap::new(),
            conversations: HashMap::new(),
            pending: Vec::new(),
            next_id: first_id,
            next_conversation: first_id / 7 * 3,
            opt_outs: OptOuts::default(),
        }
    }

    /// The conversation id of (our number, their number), created on first use.
    pub fn conversation(&mut self, ours: &str, theirs: &str) -> i64 {
        let next = &mut self.next_conversation;
        *self
            .conversations
            .entry((ours.to_owned(), theirs.to_owned()))
            .or_insert_with(|| {
                *next += 1;
                *next
            })
    }

    /// Stores an inbound message (seeded or pushed through the admin API).
    pub fn receive(
        &mut self,
        from: Party,
        to: Party,
        text: &str,
        at: DateTime<Utc>,
        read: bool,
    ) -> i64 {
        let conversation_id = self.conversation(&to.phone, &from.phone);
        self.opt_outs.heard(&to.phone, &from.phone, text, at);
        self.push(Message {
            id: 0,
            conversation_id,
            direction: Direction::Inbound,
            from,
            to: vec![Party {
                status: Some(Status::Received),
                ..to
            }],
            text: text.to_owned(),
            created: at,
            modified: at,
            read,
            deleted: false,
            status: Status::Received,
            delivery_error: None,
            delivered_at: None,
        })
    }

    /// Stores an outbound message. `settled` seeds it as already delivered; otherwise it starts
    /// `Queued` and progresses in [`MessageStore::advance`].
    pub fn send(
        &mut self,
        from: Party,
        to: Vec<Party>,
        text: &str,
        at: DateTime<Utc>,
        settled: bool,
    ) -> i64 {
        let conversation_id = match to.as_slice() {
            [one] => self.conversation(&from.phone, &one.phone),
            _ => {
                let group = to
                    .iter()
                    .map(|p| p.phone.as_str())
                    .collect::<Vec<_>>()
                    .join(",");
                self.conversation(&from.phone, &group)
            }
        };
        let status = if settled {
            Status::Delivered
        } else {
            Status::Queued
        };
        let to = to
            .into_iter()
            .map(|p| Party {
                status: Some(status),
                opted_out: !settled && self.opt_outs.blocks(&from.phone, &p.phone),
                ..p
            })
            .collect();
        let id = self.push(Message {
            id: 0,
            conversation_id,
            direction: Direction::Outbound,
            from,
            to,
            text: text.to_owned(),
            created: at,
            modified: at,
            read: true,
            deleted: false,
            status,
            delivery_error: None,
            delivered_at: settled.then_some(at),
        });
        if !settled {
            self.pending.push(id);
        }
        id
    }

    fn push(&mut self, mut message: Message) -> i64 {
        self.next_id += 1;
        message.id = self.next_id;
        self.index.insert(message.id, self.messages.len());
        self.messages.push(message);
        self.next_id
    }

    /// Moves outbound messages along their status progression. Returns the ids that changed.
    pub fn advance(&mut self, now: DateTime<Utc>, timing: Delivery) -> Vec<i64> {
        let mut changed = Vec::new();
        let pending = std::mem::take(&mut self.pending);
        for id in pending {
            let Some(message) = self.index.get(&id).and_then(|&i| self.messages.get_mut(i)) else {
                continue;
            };
            let age = now - message.created;
            let mut still_pending = false;
            let before = message.status;
            for party in &mut message.to {
                let outcome = sms_outcome(&party.phone);
                let status = match outcome {
                    _ if party.opted_out && age >= timing.sent => Status::SendingFailed,
                    Some(SmsOutcome::SendingFailed) if age >= timing.sent => Status::SendingFailed,
                    _ if age < timing.sent => Status::Queued,
                    Some(SmsOutcome::DeliveryFailed) if age >= timing.delivered => {
                        Status::DeliveryFailed
                    }
                    _ if age < timing.delivered => Status::Sent,
                    _ => Status::Delivered,
                };
                still_pending |= matches!(status, Status::Queued | Status::Sent);
                party.status = Some(status);
            }
            let statuses: Vec<Status> = message.to.iter().filter_map(|p| p.status).collect();
            message.status = aggregate(&statuses);
            message.delivery_error = match message.status {
                Status::DeliveryFailed => Some("SMS-CAR-411"),
                Status::SendingFailed => Some("SMS-RC-413"),
                _ => None,
            };
            if message.status == Status::Delivered && message.delivered_at.is_none() {
                message.delivered_at = Some(message.created + timing.delivered);
            }
            if message.status != before {
                message.modified = now;
                changed.push(id);
            }
            if still_pending {
                self.pending.push(id);
            }
        }
        changed
    }

    /// A message by id.
    pub fn get(&self, id: i64) -> Option<&Message> {
        self.index.get(&id).and_then(|&i| self.messages.get(i))
    }

    /// A message by id, for changes.
    pub fn get_mut(&mut self, id: i64) -> Option<&mut Message> {
        self.index.get(&id).and_then(|&i| self.messages.get_mut(i))
    }

    /// All messages, oldest first.
    pub fn all(&self) -> &[Message] {
        &self.messages
    }
}

/// The aggregate status of a multi-recipient message (DOCS): any `Queued` → `Queued`; any
/// `SendingFailed` → `SendingFailed`; then the least-advanced of the rest.
fn aggregate(statuses: &[Status]) -> Status {
    let any = |s: Status| statuses.contains(&s);
    if any(Status::Queued) {
        Status::Queued
    } else if any(Status::SendingFailed) {
        Status::SendingFailed
    } else if any(Status::Sent) {
        Status::Sent
    } else if any(Status::DeliveryFailed) {
        Status::DeliveryFailed
    } else {
        Status::Delivered
    }
}

#[cfg(test)]
#[path = "messages_tests.rs"]
mod tests;
