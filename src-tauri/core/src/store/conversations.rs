//! Reading conversations and threads for the Messages view, with outbox items shown as pending,
//! and changing read state locally (queued for RingCentral).

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter};
use serde::{Deserialize, Serialize};

use super::messages::{message_entry, MessageEntry, MESSAGE_COLUMNS, MESSAGE_CONTACT_JOIN};
use super::outbox::OutboxItem;
use super::time::{from_millis, to_millis};
use super::{Store, StoreError};

/// Where the next page of conversations starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationCursor {
    /// Time (ms) of the last conversation's last message.
    pub last_ms: i64,
    /// Its conversation id.
    pub id: i64,
}

/// A conversation in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConversationSummary {
    /// RingCentral's conversation id.
    pub id: i64,
    /// The latest message.
    pub last_message: MessageEntry,
    /// Messages the agent has not read.
    pub unread: u32,
    /// Outbox items to this conversation's number not sent yet.
    pub pending: u32,
}

/// A page of conversations, most recent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConversationPage {
    /// Conversations.
    pub conversations: Vec<ConversationSummary>,
    /// Pass to [`Store::conversations`] for the next page; `None` at the end.
    pub next: Option<ConversationCursor>,
}

/// A thread's messages, newest first, and what the outbox still holds for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThreadPage {
    /// Messages, newest first.
    pub messages: Vec<MessageEntry>,
    /// Outbox items to the same number not yet sent (shown as pending at the bottom).
    pub pending: Vec<OutboxItem>,
    /// Pass to [`Store::thread`] as `before` for older messages; `None` at the start.
    pub older: Option<(DateTime<Utc>, i64)>,
}

impl Store {
    /// A page of conversations, most recent first, each with its last message, unread and
    /// pending counts.
    pub fn conversations(
        &self,
        after: Option<ConversationCursor>,
        limit: usize,
    ) -> Result<ConversationPage, StoreError> {
        let after = after.unwrap_or(ConversationCursor {
            last_ms: i64::MAX,
            id: i64::MAX,
        });
        let (conversations, next) = self.summaries(
            "(conversations.last_time, conversations.id) < (?1, ?2)",
            vec![Value::Integer(after.last_ms), Value::Integer(after.id)],
            limit,
        )?;
        Ok(ConversationPage {
            conversations,
            next,
        })
    }

    /// Unread messages in every conversation of the cache: the one count the window's badge,
    /// the tray and `MessagesChange` show.
    pub fn unread_total(&self) -> Result<u64, StoreError> {
        let total: i64 = self
            .conn
            .prepare_cached("SELECT coalesce(sum(unread), 0) FROM conversations")?
            .query_row([], |row| row.get(0))?;
        Ok(u64::try_from(total).unwrap_or(0))
    }

    /// Conversations matching `condition` (SQL over `conversations`, with `args` as `?1`…),
    /// most recent first, at most `limit` (1 to 500), and the cursor after the last one when
    /// more match.
    pub(super) fn summaries(
        &self,
        condition: &str,
        mut args: Vec<Value>,
        limit: usize,
    ) -> Result<(Vec<ConversationSummary>, Option<ConversationCursor>), StoreError> {
        let limit = limit.clamp(1, 500);
        args.push(Value::Integer(limit as i64 + 1));
        let sql = format!(
            "SELECT {MESSAGE_COLUMNS}, conversations.unread, conversations.last_time,
                 (SELECT count(*) FROM outbox WHERE outbox.peer_key = conversations.peer_key
                    AND outbox.state IN ('pending', 'sending', 'unknown'))
             FROM conversations
             JOIN messages ON messages.id = conversations.last_message_id
             {MESSAGE_CONTACT_JOIN}
             WHERE ({condition})
             ORDER BY conversations.last_time DESC, conversations.id DESC LIMIT ?{}",
            args.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        let mut conversations = Vec::new();
        let mut cursors = Vec::new();
        while let Some(row) = rows.next()? {
            let last_message = message_entry(row)?;
            cursors.push(ConversationCursor {
                last_ms: row.get(17)?,
                id: last_message.conversation_id,
            });
            conversations.push(ConversationSummary {
                id: last_message.conversation_id,
                last_message,
                unread: row.get(16)?,
                pending: row.get(18)?,
            });
        }
        let next = if conversations.len() > limit {
            conversations.truncate(limit);
            cursors.get(limit - 1).copied()
        } else {
            None
        };
        Ok((conversations, next))
    }

    /// The conversation with a number (a match key), if there is one.
    pub fn conversation_with(&self, peer_key: &str) -> Result<Option<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM conversations WHERE peer_key = ?1 ORDER BY last_time DESC LIMIT 1",
        )?;
        let mut rows = stmt.query([peer_key])?;
        Ok(match rows.next()? {
            Some(row) => Some(row.get(0)?),
            None => None,
        })
    }

    /// A page of one conversation's messages, newest first, older than `before` when given,
    /// plus the outbox items still pending for its number.
    pub fn thread(
        &self,
        conversation_id: i64,
        before: Option<(DateTime<Utc>, i64)>,
        limit: usize,
    ) -> Result<ThreadPage, StoreError> {
        let limit = limit.clamp(1, 500);
        let (before_ms, before_id) = before
            .map(|(at, id)| (to_millis(at), id))
            .unwrap_or((i64::MAX, i64::MAX));
        let sql = format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages {MESSAGE_CONTACT_JOIN}
             WHERE messages.conversation_id = ?1 AND (messages.created, messages.id) < (?2, ?3)
             ORDER BY messages.created DESC, messages.id DESC LIMIT ?4"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![
            conversation_id,
            before_ms,
            before_id,
            limit as i64 + 1
        ])?;
        let mut messages = Vec::new();
        while let Some(row) = rows.next()? {
            messages.push(message_entry(row)?);
        }
        let older = if messages.len() > limit {
            messages.truncate(limit);
            messages.last().map(|m| (m.created, m.id))
        } else {
            None
        };
        let peer_key: Option<String> = self
            .conn
            .prepare_cached("SELECT peer_key FROM conversations WHERE id = ?1")?
            .query_row([conversation_id], |row| row.get(0))
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound {
                    what: "conversation",
                    id: conversation_id.to_string(),
                },
                other => other.into(),
            })?;
        let pending = match peer_key {
            Some(key) => self.open_outbox_for(&key)?,
            None => Vec::new(),
        };
        Ok(ThreadPage {
            messages,
            pending,
            older,
        })
    }

    /// Marks a conversation's messages read (or unread) here and queues the change for
    /// RingCentral; returns the message ids changed. The queue is sent by the sync engine.
    pub fn mark_conversation_read(
        &mut self,
        conversation_id: i64,
        read: bool,
        now: DateTime<Utc>,
    ) -> Result<Vec<i64>, StoreError> {
        let tx = self.conn.transaction()?;
        let ids: Vec<i64> = tx
            .prepare_cached(
                "SELECT id FROM messages WHERE conversation_id = ?1 AND read <> ?2 ORDER BY id",
            )?
            .query_map(params![conversation_id, read], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        for id in &ids {
            tx.prepare_cached("UPDATE messages SET read = ?2 WHERE id = ?1")?
                .execute(params![id, read])?;
            tx.prepare_cached(
                "INSERT INTO read_queue (message_id, read, queued_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (message_id) DO UPDATE SET read = excluded.read,
                     queued_at = excluded.queued_at",
            )?
            .execute(params![id, read, to_millis(now)])?;
        }
        tx.commit()?;
        Ok(ids)
    }

    /// Read-state changes waiting for RingCentral: (message id, read), oldest first.
    pub fn queued_read_changes(&self, limit: usize) -> Result<Vec<(i64, bool)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT message_id, read FROM read_queue ORDER BY queued_at, message_id LIMIT ?1",
        )?;
        let changes = stmt
            .query_map([limit as i64], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(changes)
    }

    /// Forgets queued read changes RingCentral has accepted (unless changed again since).
    pub fn clear_read_changes(&mut self, sent: &[(i64, bool)]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for (id, read) in sent {
            tx.prepare_cached("DELETE FROM read_queue WHERE message_id = ?1 AND read = ?2")?
                .execute(params![id, read])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Every message, newest first, a page at a time (export): pass the last one's
    /// `(created, id)` as `before` for the next page.
    pub fn messages(
        &self,
        before: Option<(DateTime<Utc>, i64)>,
        limit: usize,
    ) -> Result<Vec<MessageEntry>, StoreError> {
        let (before_ms, before_id) = before
            .map(|(at, id)| (to_millis(at), id))
            .unwrap_or((i64::MAX, i64::MAX));
        let sql = format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages {MESSAGE_CONTACT_JOIN}
             WHERE (messages.created, messages.id) < (?1, ?2)
             ORDER BY messages.created DESC, messages.id DESC LIMIT ?3"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![before_ms, before_id, limit.clamp(1, 5000) as i64])?;
        let mut messages = Vec::new();
        while let Some(row) = rows.next()? {
            messages.push(message_entry(row)?);
        }
        Ok(messages)
    }

    /// When the newest stored message was created (the start of the gap a forced full sync of
    /// messages may leave).
    pub fn newest_message_time(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let ms: Option<i64> =
            self.conn
                .query_row("SELECT max(created) FROM messages", [], |row| row.get(0))?;
        ms.map(from_millis).transpose()
    }
}
