//! The outbox: a text (or a team chat post) written while offline waits here and is sent
//! exactly once. Texts and posts share the states and their compare-and-set moves; a post is an
//! item with a chat.
//!
//! States: `pending` → `sending` (the claim, committed *before* the request goes out) → `sent`
//! (with RingCentral's message id, in the same transaction as the message itself) or `failed` (a
//! definite refusal, or cancelled). A send whose outcome is unknown (timeout, lost or unreadable
//! answer) becomes `unknown`; it, and a `sending` item whose sender died, is reconciled against the
//! message store before anything is sent again. Every transition is a compare-and-set on the state
//! and attempt the item was read at, committed durably (`outbox_moves.rs`).

use chrono::{DateTime, Utc};
use rusqlite::{params, Row};
use serde::Serialize;

use super::error::corrupt;
use super::time::{from_millis, to_millis};
use super::{Store, StoreError};

/// Where an outbox item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting to be sent.
    Pending,
    /// A send was started; its outcome is not recorded yet.
    Sending,
    /// A send may or may not have reached RingCentral: reconcile before sending again.
    Unknown,
    /// RingCentral accepted it.
    Sent,
    /// RingCentral refused it; it will not be retried.
    Failed,
}

impl OutboxState {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sending => "sending",
            Self::Unknown => "unknown",
            Self::Sent => "sent",
            Self::Failed => "failed",
        }
    }

    fn parse(text: &str) -> Result<Self, StoreError> {
        Ok(match text {
            "pending" => Self::Pending,
            "sending" => Self::Sending,
            "unknown" => Self::Unknown,
            "sent" => Self::Sent,
            "failed" => Self::Failed,
            other => return Err(corrupt("outbox state", other)),
        })
    }
}

/// An SMS in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxItem {
    /// Id in the outbox.
    pub id: i64,
    /// The recipient's match key.
    pub peer_key: String,
    /// The recipient, E.164.
    pub to_number: String,
    /// The agent's sending number, E.164.
    pub from_number: String,
    /// The text.
    pub text: String,
    /// When the agent wrote it.
    pub created: DateTime<Utc>,
    /// Where it stands.
    pub state: OutboxState,
    /// Sends attempted.
    pub attempts: u32,
    /// When the last send started (its claim).
    pub last_attempt: Option<DateTime<Utc>>,
    /// The last moment the sender of the last attempt was known to be waiting for its answer: the
    /// claim, renewed while the request is out. The grace before an unknown outcome is looked up
    /// counts from here.
    pub alive_at: Option<DateTime<Utc>>,
    /// RingCentral's message id, once sent.
    pub message_id: Option<i64>,
    /// The team chat, for a post (`None`: a text).
    pub chat_id: Option<String>,
    /// RingCentral's post id, once a post is sent.
    pub post_id: Option<String>,
    /// The last error, for failed or unknown items.
    pub error: Option<String>,
}

const OUTBOX_COLUMNS: &str = "id, peer_key, to_number, from_number, text, created, state,
    attempts, last_attempt, message_id, error, alive_at, chat_id, post_id";

fn outbox_item(row: &Row<'_>) -> Result<OutboxItem, StoreError> {
    Ok(OutboxItem {
        id: row.get(0)?,
        peer_key: row.get(1)?,
        to_number: row.get(2)?,
        from_number: row.get(3)?,
        text: row.get(4)?,
        created: from_millis(row.get(5)?)?,
        state: OutboxState::parse(&row.get::<_, String>(6)?)?,
        attempts: row.get(7)?,
        last_attempt: row.get::<_, Option<i64>>(8)?.map(from_millis).transpose()?,
        message_id: row.get(9)?,
        error: row.get(10)?,
        alive_at: row
            .get::<_, Option<i64>>(11)?
            .map(from_millis)
            .transpose()?,
        chat_id: row.get(12)?,
        post_id: row.get(13)?,
    })
}

impl Store {
    /// Puts an SMS to `to` (any spelling) from the agent's `from` number into the outbox
    /// (durably: a text the agent saw queued is not forgotten).
    pub fn queue_sms(
        &mut self,
        to: &str,
        from: &str,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<OutboxItem, StoreError> {
        if text.trim().is_empty() {
            return Err(StoreError::Invalid {
                what: "message",
                detail: "the text is empty".into(),
            });
        }
        let invalid = |what: &'static str, number: &str| StoreError::Invalid {
            what,
            detail: format!("{number:?} is not a phone number"),
        };
        let recipient = self
            .numbers
            .resolve(to)
            .ok_or_else(|| invalid("recipient", to))?;
        let sender = self
            .numbers
            .resolve(from)
            .ok_or_else(|| invalid("sender", from))?;
        let e164 = |digits: &str| format!("+{digits}");
        let id = self.durable_batch(|batch| {
            batch
                .tx
                .prepare_cached(
                    "INSERT INTO outbox (peer_key, to_number, from_number, text, created, state)
                     VALUES (?1, ?2, ?3, ?4, ?5, 'pending')",
                )?
                .execute(params![
                    recipient.key.as_str(),
                    e164(&recipient.e164_digits),
                    e164(&sender.e164_digits),
                    text,
                    to_millis(now)
                ])?;
            Ok::<_, StoreError>(batch.tx.last_insert_rowid())
        })?;
        self.outbox_item(id)
    }

    /// Puts a post to team chat `chat` into the outbox (durably, like a text).
    pub fn queue_post(
        &mut self,
        chat: &str,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<OutboxItem, StoreError> {
        if text.trim().is_empty() {
            return Err(StoreError::Invalid {
                what: "post",
                detail: "the text is empty".into(),
            });
        }
        let id = self.durable_batch(|batch| {
            batch
                .tx
                .prepare_cached(
                    "INSERT INTO outbox (peer_key, to_number, from_number, text, created, state,
                                         chat_id)
                     VALUES ('', '', '', ?1, ?2, 'pending', ?3)",
                )?
                .execute(params![text, to_millis(now), chat])?;
            Ok::<_, StoreError>(batch.tx.last_insert_rowid())
        })?;
        self.outbox_item(id)
    }

    /// One outbox item.
    pub fn outbox_item(&self, id: i64) -> Result<OutboxItem, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id = ?1"
        ))?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => outbox_item(row),
            None => Err(StoreError::NotFound {
                what: "outbox item",
                id: id.to_string(),
            }),
        }
    }

    /// Texts not yet settled (pending, sending or unknown), oldest first.
    pub fn open_outbox(&self) -> Result<Vec<OutboxItem>, StoreError> {
        self.outbox_where(
            "state IN ('pending', 'sending', 'unknown') AND chat_id IS NULL",
            None,
        )
    }

    /// Posts not yet settled, oldest first.
    pub fn open_posts(&self) -> Result<Vec<OutboxItem>, StoreError> {
        self.outbox_where(
            "state IN ('pending', 'sending', 'unknown') AND chat_id IS NOT NULL",
            None,
        )
    }

    /// Unsettled items to one number (a match key), oldest first.
    pub fn open_outbox_for(&self, peer_key: &str) -> Result<Vec<OutboxItem>, StoreError> {
        self.outbox_where(
            "state IN ('pending', 'sending', 'unknown') AND peer_key = ?1",
            Some(peer_key),
        )
    }

    /// Every outbox item, oldest first (tests and `ringdesk status`).
    pub fn outbox(&self) -> Result<Vec<OutboxItem>, StoreError> {
        self.outbox_where("1", None)
    }

    fn outbox_where(&self, filter: &str, key: Option<&str>) -> Result<Vec<OutboxItem>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE {filter} ORDER BY id"
        ))?;
        let mut rows = match key {
            Some(key) => stmt.query([key])?,
            None => stmt.query([])?,
        };
        let mut items = Vec::new();
        while let Some(row) = rows.next()? {
            items.push(outbox_item(row)?);
        }
        Ok(items)
    }
}
