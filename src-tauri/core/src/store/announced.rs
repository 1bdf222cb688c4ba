//! Announcements: which inbound SMS the agent has been told about. The ledger makes every
//! announcement happen once per message id, whichever path stored the message (a WebSocket
//! event, its replay after recovery, a catch-up or polling sync, another process's sync) and
//! however often: claiming is an `INSERT` into a table keyed by message id, in the same
//! transaction that reads the candidates.
//!
//! A message is announced when it is inbound, unread, created at or after the cache's
//! announce horizon (set the first time announcing runs, so history is never announced), and
//! created at or after the caller's cutoff (so a week-old text found after a long absence is
//! not announced as new).

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::messages::{message_entry, MessageEntry, MESSAGE_COLUMNS, MESSAGE_CONTACT_JOIN};
use super::time::{from_millis, to_millis};
use super::{Batch, Store, StoreError};

impl Store {
    /// When announcing started for this cache; the first call sets it to `now`.
    pub fn announce_horizon(&mut self, now: DateTime<Utc>) -> Result<DateTime<Utc>, StoreError> {
        self.conn.execute(
            "INSERT OR IGNORE INTO announce_horizon (id, since) VALUES (1, ?1)",
            [to_millis(now)],
        )?;
        let since: i64 = self.conn.query_row(
            "SELECT since FROM announce_horizon WHERE id = 1",
            [],
            |row| row.get(0),
        )?;
        from_millis(since)
    }

    /// Claims and returns the messages to announce (see the module docs), oldest first, at most
    /// `limit`; each is recorded as announced at `now` and never returned again.
    pub fn claim_announcements(
        &mut self,
        cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<MessageEntry>, StoreError> {
        let mut batch = self.batch()?;
        let claimed = batch.claim_announcements(cutoff, now, limit)?;
        batch.commit()?;
        Ok(claimed)
    }

    /// Announcements claimed but not yet delivered to the notifier, of messages created at or
    /// after `cutoff`, oldest first, at most `limit` (delivery is at least once: they are handed
    /// over again until [`Store::mark_delivered`]).
    pub fn undelivered_announcements(
        &self,
        cutoff: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<MessageEntry>, StoreError> {
        let sql = format!(
            "SELECT {MESSAGE_COLUMNS} FROM announced a
             JOIN messages ON messages.id = a.message_id {MESSAGE_CONTACT_JOIN}
             WHERE a.delivered_at IS NULL AND a.created >= ?1
             ORDER BY messages.created, messages.id
             LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![to_millis(cutoff), limit as i64])?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            found.push(message_entry(row)?);
        }
        Ok(found)
    }

    /// Records that the notifier took the announcement of message `id` (shown, or muted by the
    /// agent's settings) at `now`. Returns whether it was waiting.
    pub fn mark_delivered(&mut self, id: i64, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let changed = self.conn.execute(
            "UPDATE announced SET delivered_at = ?2 WHERE message_id = ?1 AND delivered_at IS NULL",
            params![id, to_millis(now)],
        )?;
        Ok(changed == 1)
    }

    /// Whether message `id` has been announced.
    pub fn is_announced(&self, id: i64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM announced WHERE message_id = ?1",
                [id],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Whether every message of `ids` is in the cache.
    pub fn has_messages(&self, ids: &[i64]) -> Result<bool, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM messages WHERE id = ?1")?;
        for id in ids {
            if !stmt.exists([id])? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Forgets announcements of messages created before `before` (they are older than any
    /// cutoff will ever be, so they cannot be claimed again). Returns how many.
    pub fn prune_announced(&mut self, before: DateTime<Utc>) -> Result<usize, StoreError> {
        Ok(self.conn.execute(
            "DELETE FROM announced WHERE created < ?1",
            [to_millis(before)],
        )?)
    }
}

impl Batch<'_> {
    /// [`Store::claim_announcements`] inside this batch, so the messages just written and their
    /// announcement commit together.
    pub fn claim_announcements(
        &mut self,
        cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<MessageEntry>, StoreError> {
        let sql = format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages {MESSAGE_CONTACT_JOIN}
             WHERE messages.direction = 'inbound' AND messages.read = 0
               AND messages.created >= max(?1, (SELECT since FROM announce_horizon WHERE id = 1))
               AND NOT EXISTS (SELECT 1 FROM announced a WHERE a.message_id = messages.id)
             ORDER BY messages.created, messages.id
             LIMIT ?2"
        );
        let mut claimed = Vec::new();
        {
            let mut stmt = self.tx.prepare_cached(&sql)?;
            let mut rows = stmt.query(params![to_millis(cutoff), limit as i64])?;
            while let Some(row) = rows.next()? {
                claimed.push(message_entry(row)?);
            }
        }
        let mut insert = self.tx.prepare_cached(
            "INSERT INTO announced (message_id, created, announced_at) VALUES (?1, ?2, ?3)",
        )?;
        for message in &claimed {
            insert.execute(params![
                message.id,
                to_millis(message.created),
                to_millis(now)
            ])?;
        }
        Ok(claimed)
    }
}
