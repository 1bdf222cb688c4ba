//! What happened since a moment, for the CRM connectors' events: calls (ended or missed), texts,
//! saved wrap-ups and contacts created on this machine, oldest first. The connectors turn them
//! into queued events; the queue's subjects keep each from being queued twice, so a window read
//! again is harmless.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::history::{call_entry, CALL_COLUMNS, CALL_CONTACT_JOIN};
use super::messages::{message_entry, MESSAGE_COLUMNS, MESSAGE_CONTACT_JOIN};
use super::time::{from_millis, to_millis};
use super::wrapups::{wrapup_row, WRAPUP_COLUMNS};
use super::{CallEntry, ContactEntry, MessageEntry, Store, StoreError, WrapUp};

/// A call from the feed, with the session that names it across its records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FedCall {
    /// The call.
    pub call: CallEntry,
    /// RingCentral's telephony session id (empty when unknown).
    pub session_id: String,
}

impl Store {
    /// Calls that started at or after `since`, oldest first.
    pub fn calls_since(
        &self,
        since: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<FedCall>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CALL_COLUMNS}, calls.session_id FROM calls {CALL_CONTACT_JOIN}
             WHERE calls.start_time >= ?1 ORDER BY calls.start_time, calls.id LIMIT ?2"
        ))?;
        let mut rows = stmt.query(params![to_millis(since), limit as i64])?;
        let mut calls = Vec::new();
        while let Some(row) = rows.next()? {
            calls.push(FedCall {
                call: call_entry(row)?,
                session_id: row.get(17)?,
            });
        }
        Ok(calls)
    }

    /// Texts created at or after `since`, oldest first.
    pub fn messages_since(
        &self,
        since: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<MessageEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages {MESSAGE_CONTACT_JOIN}
             WHERE messages.created >= ?1 ORDER BY messages.created, messages.id LIMIT ?2"
        ))?;
        let mut rows = stmt.query(params![to_millis(since), limit as i64])?;
        let mut messages = Vec::new();
        while let Some(row) = rows.next()? {
            messages.push(message_entry(row)?);
        }
        Ok(messages)
    }

    /// Wrap-ups saved at or after `since`, oldest first.
    pub fn wrapups_saved_since(
        &self,
        since: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<WrapUp>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {WRAPUP_COLUMNS} FROM wrapups WHERE saved >= ?1 ORDER BY saved, id LIMIT ?2"
        ))?;
        let saved = stmt
            .query_map(params![to_millis(since), limit as i64], wrapup_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(saved)
    }

    /// Contacts the agent created on this machine (added or imported) at or after `since`,
    /// oldest first, with when each was created.
    pub fn local_contacts_since(
        &self,
        since: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<(ContactEntry, DateTime<Utc>)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, created_at FROM contacts WHERE source = 'local' AND created_at >= ?1
             ORDER BY created_at, id LIMIT ?2",
        )?;
        let ids = stmt
            .query_map(params![to_millis(since), limit as i64], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut contacts = Vec::new();
        for (id, created) in ids {
            contacts.push((self.contact_entry(id)?, from_millis(created)?));
        }
        Ok(contacts)
    }

    /// The contact a number matches (the same one History and threads show), if any.
    pub fn contact_for_number(&self, key: &str) -> Result<Option<ContactEntry>, StoreError> {
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT contact_id FROM contact_numbers WHERE match_key = ?1 LIMIT 1")?
            .query_row([key], |row| row.get(0))
            .optional()?;
        id.map(|id| self.contact_entry(id)).transpose()
    }
}
