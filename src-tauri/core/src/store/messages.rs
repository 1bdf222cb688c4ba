//! Messages (SMS) as the cache stores them, and how a batch writes them. Conversations follow
//! their messages through triggers in the same transaction (last message, unread count).

use chrono::{DateTime, Utc};
use rusqlite::{params, Row};
use serde::{Deserialize, Serialize};

use super::history::contact_ref;
use super::time::{from_millis, to_millis};
use super::{Batch, Direction, Peer, StoreError};

/// One side of a message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageParty {
    /// The phone number, any spelling.
    pub number: String,
    /// A name, when RingCentral knows one.
    pub name: Option<String>,
}

/// A message to store; `id` is RingCentral's message id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRecord {
    /// RingCentral's message id.
    pub id: i64,
    /// RingCentral's conversation id.
    pub conversation_id: i64,
    /// Inbound or outbound.
    pub direction: Direction,
    /// `creationTime`.
    pub created: DateTime<Utc>,
    /// `lastModifiedTime`.
    pub modified: DateTime<Utc>,
    /// Sender.
    pub from: MessageParty,
    /// Recipients.
    pub to: Vec<MessageParty>,
    /// The text (`subject`).
    pub text: String,
    /// `readStatus` is `Read`.
    pub read: bool,
    /// `messageStatus`: `Queued`, `Sent`, `Delivered`, `DeliveryFailed`, `SendingFailed`,
    /// `Received`.
    pub status: String,
    /// `deliveryErrorCode`, e.g. `SMS-CAR-411`.
    pub delivery_error: Option<String>,
    /// `availability` is `Deleted` or `Purged`: remove it from the cache.
    pub deleted: bool,
    /// The record as received, for fields not modelled yet.
    pub raw: Option<String>,
}

impl MessageRecord {
    /// The other party: the sender of an inbound message, the (first) recipient of an outbound
    /// one.
    pub fn peer(&self) -> Option<&MessageParty> {
        match self.direction {
            Direction::Inbound => Some(&self.from),
            Direction::Outbound => self.to.first(),
        }
    }
}

/// A message as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MessageEntry {
    /// RingCentral's message id.
    pub id: i64,
    /// RingCentral's conversation id.
    pub conversation_id: i64,
    /// Inbound or outbound.
    pub direction: Direction,
    /// When it was created.
    pub created: DateTime<Utc>,
    /// The other party, matched to a contact.
    pub peer: Peer,
    /// The agent's number.
    pub own_number: String,
    /// The text.
    pub text: String,
    /// Read by the agent.
    pub read: bool,
    /// Delivery status (`messageStatus`).
    pub status: String,
    /// Why delivery failed, when it did.
    pub delivery_error: Option<String>,
}

pub(crate) const MESSAGE_COLUMNS: &str = "messages.id, messages.conversation_id,
    messages.direction, messages.created, messages.peer_key, messages.peer_number,
    messages.peer_name, messages.own_number, messages.text, messages.read, messages.status,
    messages.delivery_error, c.id, c.first_name, c.last_name, c.company";

pub(crate) const MESSAGE_CONTACT_JOIN: &str = "LEFT JOIN contacts c ON c.id = (
    SELECT contact_id FROM contact_numbers WHERE match_key = messages.peer_key LIMIT 1)";

pub(crate) fn message_entry(row: &Row<'_>) -> Result<MessageEntry, StoreError> {
    Ok(MessageEntry {
        id: row.get(0)?,
        conversation_id: row.get(1)?,
        direction: Direction::parse(&row.get::<_, String>(2)?)?,
        created: from_millis(row.get(3)?)?,
        peer: Peer {
            key: row.get(4)?,
            number: row.get(5)?,
            name: row.get(6)?,
            contact: contact_ref(row, 12)?,
        },
        own_number: row.get(7)?,
        text: row.get(8)?,
        read: row.get(9)?,
        status: row.get(10)?,
        delivery_error: row.get(11)?,
    })
}

impl Batch<'_> {
    /// Stores a message, replacing the one with the same id unless the stored one is newer; a
    /// deleted one is removed instead. A read state changed locally and not yet sent upstream
    /// wins over the synced one.
    pub fn put_message(&mut self, message: &MessageRecord) -> Result<(), StoreError> {
        if message.deleted {
            return self.remove_message(message.id);
        }
        let peer = message.peer().cloned().unwrap_or_default();
        let name = peer.name.as_deref().unwrap_or_default();
        let key = self.number(Some(&peer.number), name)?.map(|r| r.key);
        let own = match message.direction {
            Direction::Inbound => message.to.first().map(|p| p.number.as_str()),
            Direction::Outbound => Some(message.from.number.as_str()),
        };
        self.tx
            .prepare_cached(
                "INSERT INTO messages (id, conversation_id, direction, created, modified, peer_key,
                     peer_number, peer_name, own_number, text, read, status, delivery_error, raw)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                     coalesce((SELECT read FROM read_queue WHERE message_id = ?1), ?11),
                     ?12, ?13, ?14)
                 ON CONFLICT (id) DO UPDATE SET
                     modified = excluded.modified, read = excluded.read,
                     status = excluded.status, delivery_error = excluded.delivery_error,
                     text = excluded.text, raw = excluded.raw
                 WHERE excluded.modified >= messages.modified",
            )?
            .execute(params![
                message.id,
                message.conversation_id,
                message.direction.as_str(),
                to_millis(message.created),
                to_millis(message.modified),
                key.as_ref().map(|k| k.as_str()),
                peer.number,
                name,
                own.unwrap_or_default(),
                message.text,
                message.read,
                message.status,
                message.delivery_error,
                message.raw,
            ])?;
        Ok(())
    }

    /// Removes a message (deleted upstream).
    pub fn remove_message(&mut self, id: i64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("DELETE FROM messages WHERE id = ?1")?
            .execute([id])?;
        Ok(())
    }
}
