//! The queue's moves, each a compare-and-set on the state and attempt the item was read at
//! (`… WHERE id = ? AND state = ? AND attempts = ?`), committed durably: a claim before the
//! request leaves, its settling (delivered, retried, failed), and a replay.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::time::to_millis;
use super::{Batch, QueueState, QueuedItem, Store, StoreError};

/// The compare part of every move: `?1` id, `?2` state, `?3` attempts as read.
const AS_READ: &str = "id = ?1 AND state = ?2 AND attempts = ?3";

impl Store {
    /// Claims an item as read for one attempt: it becomes `sending`, one attempt more, alive at
    /// `now` (take it just before the request leaves). Durable. `None` when another process took
    /// it or it moved meanwhile.
    pub fn queue_claim(
        &mut self,
        read: &QueuedItem,
        now: DateTime<Utc>,
    ) -> Result<Option<QueuedItem>, StoreError> {
        if !matches!(read.state, QueueState::Pending | QueueState::Sending) {
            return Ok(None);
        }
        let won = self.durable_batch(|batch| {
            Ok::<_, StoreError>(
                batch
                    .tx
                    .prepare_cached(&format!(
                        "UPDATE integration_queue
                         SET state = 'sending', attempts = attempts + 1, alive_at = ?4
                         WHERE {AS_READ}"
                    ))?
                    .execute(params![
                        read.id,
                        read.state.as_str(),
                        read.attempts,
                        to_millis(now)
                    ])?
                    == 1,
            )
        })?;
        Ok(won.then(|| QueuedItem {
            state: QueueState::Sending,
            attempts: read.attempts + 1,
            alive_at: Some(now),
            ..read.clone()
        }))
    }

    /// Records the end of a claimed attempt: `Delivered` (with what the receiver called it),
    /// `Pending` again at `next_at` (a retry), or `Failed`. Durable; `false` when the claim was
    /// no longer this attempt's.
    pub fn queue_settle(
        &mut self,
        claim: &QueuedItem,
        outcome: &Settled,
    ) -> Result<bool, StoreError> {
        self.durable_batch(|batch| batch.queue_settle(claim, outcome))
    }

    /// Sends an item again: a failed or delivered one becomes pending, due at `now`. Answers the
    /// item, or `None` when `event_id` is unknown (or is out right now).
    pub fn queue_replay(
        &mut self,
        event_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<QueuedItem>, StoreError> {
        let changed = self.durable_batch(|batch| {
            Ok::<_, StoreError>(
                batch
                    .tx
                    .prepare_cached(
                        "UPDATE integration_queue SET state = 'pending', next_at = ?2, error = NULL
                         WHERE event_id = ?1 AND state IN ('failed', 'delivered', 'pending')",
                    )?
                    .execute(params![event_id, to_millis(now)])?
                    == 1,
            )
        })?;
        match changed {
            true => self.queue_item(event_id),
            false => Ok(None),
        }
    }
}

/// How a claimed attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settled {
    /// The receiver took it.
    Delivered {
        /// The answer's HTTP status.
        http_status: u16,
        /// What the receiver called it.
        remote_id: Option<String>,
    },
    /// Try again at `next_at`.
    Retry {
        /// When.
        next_at: DateTime<Utc>,
        /// The answer's status, if one came.
        http_status: Option<u16>,
        /// What went wrong.
        error: String,
    },
    /// Refused for good (until replayed).
    Failed {
        /// The answer's status, if one came.
        http_status: Option<u16>,
        /// Why.
        error: String,
    },
}

impl Batch<'_> {
    /// [`Store::queue_settle`] inside a batch (with what the delivery wrote besides).
    pub fn queue_settle(
        &mut self,
        claim: &QueuedItem,
        outcome: &Settled,
    ) -> Result<bool, StoreError> {
        let (state, next_at, http_status, error, remote_id) = match outcome {
            Settled::Delivered {
                http_status,
                remote_id,
            } => (
                QueueState::Delivered,
                claim.next_at,
                Some(*http_status),
                None,
                remote_id.clone(),
            ),
            Settled::Retry {
                next_at,
                http_status,
                error,
            } => (
                QueueState::Pending,
                *next_at,
                *http_status,
                Some(error.clone()),
                None,
            ),
            Settled::Failed { http_status, error } => (
                QueueState::Failed,
                claim.next_at,
                *http_status,
                Some(error.clone()),
                None,
            ),
        };
        Ok(self
            .tx
            .prepare_cached(&format!(
                "UPDATE integration_queue
                 SET state = ?4, next_at = ?5, http_status = ?6, error = ?7,
                     remote_id = coalesce(?8, remote_id)
                 WHERE {AS_READ}"
            ))?
            .execute(params![
                claim.id,
                claim.state.as_str(),
                claim.attempts,
                state.as_str(),
                to_millis(next_at),
                http_status,
                error,
                remote_id,
            ])?
            == 1)
    }
}
