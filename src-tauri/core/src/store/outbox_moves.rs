//! The outbox's transitions. Several flushes may work on one outbox at once — the window's
//! background sync, its Send, `ringdesk sms` or `ringdesk sync` in another process — so each
//! transition is a compare-and-set on the state and attempt number the item was read at
//! (`… WHERE id = ? AND state = ? AND attempts = ?`): it reports whether it won, and one that lost
//! changes nothing. Each commits durably (`synchronous = FULL`).

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::time::to_millis;
use super::{Batch, OutboxItem, OutboxState, Store, StoreError};

/// The compare part of every transition: `?1` id, `?2` state, `?3` attempts as read.
const AS_READ: &str = "id = ?1 AND state = ?2 AND attempts = ?3";

impl Store {
    /// Claims a pending item for this flush: pending → sending, one more attempt, stamped `now`
    /// (take it from the clock just before the request leaves). Committed durably, so a crash
    /// during the send leaves it `sending` — looked up, never re-sent blindly. Returns the item
    /// as claimed, or `None` when it was no longer pending at that attempt (another flush took
    /// it, or it was cancelled).
    pub fn outbox_claim(
        &mut self,
        item: &OutboxItem,
        now: DateTime<Utc>,
    ) -> Result<Option<OutboxItem>, StoreError> {
        if item.state != OutboxState::Pending {
            return Ok(None);
        }
        let claimed = self.durable_batch(|batch| {
            Ok::<_, StoreError>(
                batch
                    .tx
                    .prepare_cached(&format!(
                        "UPDATE outbox SET state = 'sending', attempts = attempts + 1,
                             last_attempt = ?4, alive_at = ?4
                         WHERE {AS_READ}"
                    ))?
                    .execute(params![
                        item.id,
                        item.state.as_str(),
                        item.attempts,
                        to_millis(now)
                    ])?
                    == 1,
            )
        })?;
        Ok(claimed.then(|| OutboxItem {
            state: OutboxState::Sending,
            attempts: item.attempts + 1,
            last_attempt: Some(now),
            alive_at: Some(now),
            ..item.clone()
        }))
    }

    /// Renews a claim while its request is out: the sender is alive at `now`. `false` when the
    /// claim is no longer this attempt's.
    pub fn outbox_renew(
        &mut self,
        claim: &OutboxItem,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        self.durable_batch(|batch| {
            Ok(batch
                .tx
                .prepare_cached(&format!("UPDATE outbox SET alive_at = ?4 WHERE {AS_READ}"))?
                .execute(params![
                    claim.id,
                    claim.state.as_str(),
                    claim.attempts,
                    to_millis(now)
                ])?
                == 1)
        })
    }

    /// Moves an item, as read, to `state` (pending again, unknown, or failed) with a note;
    /// `false` when it had moved on meanwhile.
    pub fn outbox_move(
        &mut self,
        from: &OutboxItem,
        state: OutboxState,
        note: Option<&str>,
    ) -> Result<bool, StoreError> {
        self.durable_batch(|batch| batch.outbox_move(from, state, note))
    }
}

impl Batch<'_> {
    /// Moves an item, as read, to `state` (pending again, unknown, or failed) with a note;
    /// `false` when it had moved on meanwhile.
    pub fn outbox_move(
        &mut self,
        from: &OutboxItem,
        state: OutboxState,
        note: Option<&str>,
    ) -> Result<bool, StoreError> {
        if matches!(state, OutboxState::Sent | OutboxState::Sending) {
            return Err(StoreError::Invalid {
                what: "outbox state",
                detail: "an item is claimed with Store::outbox_claim and becomes sent only with \
                         its message (Batch::outbox_sent)"
                    .into(),
            });
        }
        Ok(self
            .tx
            .prepare_cached(&format!(
                "UPDATE outbox SET state = ?4, error = ?5 WHERE {AS_READ}"
            ))?
            .execute(params![
                from.id,
                from.state.as_str(),
                from.attempts,
                state.as_str(),
                note
            ])?
            == 1)
    }

    /// Marks an item, as read, sent as RingCentral message `message_id`; put the message itself
    /// in the same batch. `false` when it had moved on meanwhile.
    pub fn outbox_sent(&mut self, from: &OutboxItem, message_id: i64) -> Result<bool, StoreError> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "UPDATE outbox SET state = 'sent', message_id = ?4, error = NULL WHERE {AS_READ}"
            ))?
            .execute(params![
                from.id,
                from.state.as_str(),
                from.attempts,
                message_id
            ])?
            == 1)
    }

    /// Records a claimed post as sent as RingCentral's post `post_id`; `false` when the item
    /// had moved on meanwhile.
    pub fn outbox_post_sent(
        &mut self,
        from: &OutboxItem,
        post_id: &str,
    ) -> Result<bool, StoreError> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "UPDATE outbox SET state = 'sent', post_id = ?4, error = NULL WHERE {AS_READ}"
            ))?
            .execute(params![
                from.id,
                from.state.as_str(),
                from.attempts,
                post_id
            ])?
            == 1)
    }

    /// Whether an outbox item already stands for RingCentral post `post_id` (asked inside the
    /// transaction that links one, so two reconciliations never take the same post).
    pub fn outbox_claims_post(&self, post_id: &str) -> Result<bool, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT 1 FROM outbox WHERE post_id = ?1")?
            .exists([post_id])?)
    }

    /// Whether an outbox item already stands for RingCentral message `message_id` (asked inside
    /// the transaction that links one, so two reconciliations never take the same message).
    pub fn outbox_claims(&self, message_id: i64) -> Result<bool, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT 1 FROM outbox WHERE message_id = ?1")?
            .exists([message_id])?)
    }
}
