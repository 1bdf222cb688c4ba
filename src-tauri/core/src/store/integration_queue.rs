//! The CRM connectors' queue: events and pushes waiting to leave this machine, each sent by one
//! process at a time and never lost. Every move is a compare-and-set on the state and attempt the
//! item was read at (`… WHERE id = ? AND state = ? AND attempts = ?`), committed durably, as in
//! the SMS outbox. A `sending` item whose sender stopped renewing it (killed mid-request) goes back
//! to `pending`: delivery is at least once, and the event id is the receiver's idempotency key.

use chrono::{DateTime, Utc};
use rusqlite::{params, Row};
use serde::Serialize;

use super::error::corrupt;
use super::time::{from_millis, to_millis};
use super::{Batch, Store, StoreError};

/// Where a queued item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueState {
    /// Waiting for `next_at`.
    Pending,
    /// Its request is out (claimed by one process).
    Sending,
    /// The receiver took it.
    Delivered,
    /// The receiver refused it; not retried unless replayed.
    Failed,
}

impl QueueState {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sending => "sending",
            Self::Delivered => "delivered",
            Self::Failed => "failed",
        }
    }

    fn parse(text: &str) -> Result<Self, StoreError> {
        Ok(match text {
            "pending" => Self::Pending,
            "sending" => Self::Sending,
            "delivered" => Self::Delivered,
            "failed" => Self::Failed,
            other => return Err(corrupt("queue state", other)),
        })
    }
}

/// Something to queue for a connector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewQueueItem {
    /// `webhook` or `suitedash`.
    pub connector: &'static str,
    /// What it is: an event type (`sms.sent`) or a push (`contact.create`).
    pub kind: String,
    /// Its id: the receiver's idempotency key.
    pub event_id: String,
    /// What it is about, queued once per connector (`call:<session>`, `sms:<id>` …).
    pub subject: String,
    /// Items with the same key go out in order (the contact's number).
    pub order_key: String,
    /// The body, JSON, fixed now so every attempt sends the same.
    pub payload: String,
    /// When it happened.
    pub created: DateTime<Utc>,
}

/// A queued item as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueuedItem {
    /// Its row.
    pub id: i64,
    /// `webhook` or `suitedash`.
    pub connector: String,
    /// Event type or push.
    pub kind: String,
    /// The idempotency key.
    pub event_id: String,
    /// What it is about.
    pub subject: String,
    /// Its ordering key.
    pub order_key: String,
    /// The body (JSON).
    pub payload: String,
    /// When it happened.
    pub created: DateTime<Utc>,
    /// Where it stands.
    pub state: QueueState,
    /// Attempts so far.
    pub attempts: u32,
    /// When it may go (again).
    pub next_at: DateTime<Utc>,
    /// The last moment its sender was known to be waiting for an answer.
    pub alive_at: Option<DateTime<Utc>>,
    /// The last answer's HTTP status.
    pub http_status: Option<u16>,
    /// The last failure, in words.
    pub error: Option<String>,
    /// What the receiver called it (a SuiteDash contact's uid).
    pub remote_id: Option<String>,
}

/// How many items stand where, for one connector.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct QueueCounts {
    /// Waiting (or being retried).
    pub pending: u64,
    /// Out now.
    pub sending: u64,
    /// Delivered.
    pub delivered: u64,
    /// Refused.
    pub failed: u64,
}

const COLUMNS: &str =
    "id, connector, kind, event_id, subject, order_key, payload, created, state, \
                       attempts, next_at, alive_at, http_status, error, remote_id";

fn item(row: &Row<'_>) -> Result<QueuedItem, StoreError> {
    let optional_time = |ms: Option<i64>| ms.map(from_millis).transpose();
    Ok(QueuedItem {
        id: row.get(0)?,
        connector: row.get(1)?,
        kind: row.get(2)?,
        event_id: row.get(3)?,
        subject: row.get(4)?,
        order_key: row.get(5)?,
        payload: row.get(6)?,
        created: from_millis(row.get(7)?)?,
        state: QueueState::parse(&row.get::<_, String>(8)?)?,
        attempts: row.get(9)?,
        next_at: from_millis(row.get(10)?)?,
        alive_at: optional_time(row.get(11)?)?,
        http_status: row.get(12)?,
        error: row.get(13)?,
        remote_id: row.get(14)?,
    })
}

fn items(
    store: &Store,
    sql: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<QueuedItem>, StoreError> {
    let mut stmt = store.conn.prepare_cached(sql)?;
    let mut rows = stmt.query(args)?;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        found.push(item(row)?);
    }
    Ok(found)
}

impl Batch<'_> {
    /// Queues `new` unless its subject is already queued for its connector; answers whether it
    /// was queued now.
    pub fn enqueue(&mut self, new: &NewQueueItem) -> Result<bool, StoreError> {
        Ok(self
            .tx
            .prepare_cached(
                "INSERT INTO integration_queue
                     (connector, kind, event_id, subject, order_key, payload, created, next_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
                 ON CONFLICT (connector, subject) DO NOTHING",
            )?
            .execute(params![
                new.connector,
                new.kind,
                new.event_id,
                new.subject,
                new.order_key,
                new.payload,
                to_millis(new.created),
            ])?
            == 1)
    }
}

impl Store {
    /// Items of `connector` that may go at `now`, oldest first: pending and due, with no earlier
    /// item of the same order key still open (so one contact's events keep their order), and
    /// `sending` ones whose sender has not been heard of since `stale_before` (it died: they go
    /// out again, at least once).
    pub fn queue_due(
        &self,
        connector: &str,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<QueuedItem>, StoreError> {
        items(
            self,
            &format!(
                "SELECT {COLUMNS} FROM integration_queue q
                 WHERE q.connector = ?1 AND q.next_at <= ?2
                   AND (q.state = 'pending' OR (q.state = 'sending' AND q.alive_at < ?3))
                   AND NOT EXISTS (SELECT 1 FROM integration_queue e
                                   WHERE e.connector = q.connector AND e.order_key = q.order_key
                                     AND e.id < q.id AND e.state IN ('pending', 'sending'))
                 ORDER BY q.id LIMIT ?4"
            ),
            params![
                connector,
                to_millis(now),
                to_millis(stale_before),
                limit as i64
            ],
        )
    }

    /// When `connector`'s next pending item comes due, if any.
    pub fn queue_next_due(&self, connector: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let next: Option<i64> = self.conn.query_row(
            "SELECT min(next_at) FROM integration_queue
             WHERE connector = ?1 AND state IN ('pending', 'sending')",
            [connector],
            |row| row.get(0),
        )?;
        next.map(from_millis).transpose()
    }

    /// One item by its event id.
    pub fn queue_item(&self, event_id: &str) -> Result<Option<QueuedItem>, StoreError> {
        Ok(items(
            self,
            &format!("SELECT {COLUMNS} FROM integration_queue WHERE event_id = ?1"),
            [event_id],
        )?
        .pop())
    }

    /// The item about `subject` of `connector`.
    pub fn queue_by_subject(
        &self,
        connector: &str,
        subject: &str,
    ) -> Result<Option<QueuedItem>, StoreError> {
        Ok(items(
            self,
            &format!(
                "SELECT {COLUMNS} FROM integration_queue WHERE connector = ?1 AND subject = ?2"
            ),
            params![connector, subject],
        )?
        .pop())
    }

    /// The latest items of `connector` in `state`, newest first.
    pub fn queue_items(
        &self,
        connector: &str,
        state: QueueState,
        limit: usize,
    ) -> Result<Vec<QueuedItem>, StoreError> {
        items(
            self,
            &format!(
                "SELECT {COLUMNS} FROM integration_queue WHERE connector = ?1 AND state = ?2
                 ORDER BY id DESC LIMIT ?3"
            ),
            params![connector, state.as_str(), limit as i64],
        )
    }

    /// How many items of `connector` stand where.
    pub fn queue_counts(&self, connector: &str) -> Result<QueueCounts, StoreError> {
        let mut counts = QueueCounts::default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT state, count(*) FROM integration_queue WHERE connector = ?1 GROUP BY state",
        )?;
        let mut rows = stmt.query([connector])?;
        while let Some(row) = rows.next()? {
            let n = row.get::<_, i64>(1)?.max(0) as u64;
            match QueueState::parse(&row.get::<_, String>(0)?)? {
                QueueState::Pending => counts.pending = n,
                QueueState::Sending => counts.sending = n,
                QueueState::Delivered => counts.delivered = n,
                QueueState::Failed => counts.failed = n,
            }
        }
        Ok(counts)
    }
}
