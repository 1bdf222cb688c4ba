//! Wrap-ups in the cache: a call's disposition, notes, tags and follow-up, autosaved as a draft
//! while the card is open and saved when the agent is done; found by the call's key, or by the
//! other party and the start time when the call log's record came after the wrap-up. Follow-ups
//! due are claimed once each (compare-and-set), whichever process shows them.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::time::{from_millis, to_millis};
use super::{CallEntry, Direction, Store, StoreError};

/// How far apart a wrap-up's start and a call-log record's may be and still be the same call.
const SAME_CALL_MS: i64 = 120_000;

/// A wrap-up as the agent wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WrapUp {
    /// The call: `ringout:<id>@<start ms>`, a call-log id, or `live:<sessionId>`.
    pub call_key: String,
    /// The other party's match key (E.164 for a phone number).
    pub peer: String,
    /// `Inbound` or `Outbound`.
    pub direction: String,
    /// When the call started.
    pub started: DateTime<Utc>,
    /// The outcome picked (`None` while a draft has none yet).
    pub disposition: Option<String>,
    /// Free notes.
    pub notes: String,
    /// Tags, comma-separated.
    pub tags: String,
    /// When to call back.
    pub follow_up_at: Option<DateTime<Utc>>,
    /// What was promised.
    pub follow_up_note: String,
    /// Saved (a draft otherwise).
    pub saved: Option<DateTime<Utc>>,
}

pub(crate) const WRAPUP_COLUMNS: &str =
    "call_key, peer, direction, started, disposition, notes, tags, \
                       follow_up_at, follow_up_note, saved";

pub(crate) fn wrapup_row(row: &Row<'_>) -> rusqlite::Result<WrapUp> {
    Ok(WrapUp {
        call_key: row.get(0)?,
        peer: row.get(1)?,
        direction: row.get(2)?,
        started: from_millis(row.get(3)?).unwrap_or_default(),
        disposition: row.get(4)?,
        notes: row.get(5)?,
        tags: row.get(6)?,
        follow_up_at: row
            .get::<_, Option<i64>>(7)?
            .and_then(|t| from_millis(t).ok()),
        follow_up_note: row.get(8)?,
        saved: row
            .get::<_, Option<i64>>(9)?
            .and_then(|t| from_millis(t).ok()),
    })
}

impl Store {
    /// Writes the wrap-up of its call (a draft or saved), replacing what was there; a saved
    /// wrap-up is never turned back into a draft by a late autosave.
    pub fn put_wrapup(&mut self, wrapup: &WrapUp, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO wrapups (call_key, peer, direction, started, disposition, notes, tags,
                                      follow_up_at, follow_up_note, saved, updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (call_key) DO UPDATE SET
                     disposition = excluded.disposition, notes = excluded.notes,
                     tags = excluded.tags, follow_up_note = excluded.follow_up_note,
                     follow_up_fired = CASE WHEN wrapups.follow_up_at IS excluded.follow_up_at
                                            THEN wrapups.follow_up_fired ELSE 0 END,
                     follow_up_at = excluded.follow_up_at,
                     saved = coalesce(excluded.saved, wrapups.saved),
                     updated = excluded.updated
                 WHERE excluded.saved IS NOT NULL OR wrapups.saved IS NULL",
            )?
            .execute(params![
                wrapup.call_key,
                wrapup.peer,
                wrapup.direction,
                to_millis(wrapup.started),
                wrapup.disposition,
                wrapup.notes,
                wrapup.tags,
                wrapup.follow_up_at.map(to_millis),
                wrapup.follow_up_note,
                wrapup.saved.map(to_millis),
                to_millis(now),
            ])?;
        Ok(())
    }

    /// Keeps `draft` unless its call has a wrap-up already (a second word of the same call's
    /// end never blanks what the agent wrote); answers the call's wrap-up either way.
    pub fn start_wrapup(
        &mut self,
        draft: &WrapUp,
        now: DateTime<Utc>,
    ) -> Result<WrapUp, StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO wrapups (call_key, peer, direction, started, notes, tags,
                                      follow_up_note, updated)
                 VALUES (?1, ?2, ?3, ?4, '', '', '', ?5)
                 ON CONFLICT (call_key) DO NOTHING",
            )?
            .execute(params![
                draft.call_key,
                draft.peer,
                draft.direction,
                to_millis(draft.started),
                to_millis(now),
            ])?;
        Ok(self
            .wrapup_for(&draft.call_key, "", "", draft.started)?
            .unwrap_or_else(|| draft.clone()))
    }

    /// The wrap-up of the call `call_key`; else the one kept for its session (`live:<id>`, a
    /// call presence told of); else the one written for the same other party (`peer`) and
    /// direction within two minutes of `started` under another key (a RingOut's, before the
    /// call log knew the call).
    pub fn wrapup_for(
        &self,
        call_key: &str,
        peer: &str,
        direction: &str,
        started: DateTime<Utc>,
    ) -> Result<Option<WrapUp>, StoreError> {
        let exact = self
            .conn
            .prepare_cached(&format!(
                "SELECT {WRAPUP_COLUMNS} FROM wrapups WHERE call_key = ?1"
            ))?
            .query_row([call_key], wrapup_row)
            .optional()?;
        if exact.is_some() {
            return Ok(exact);
        }
        // A call presence told of first: its wrap-up is keyed by the call's session.
        let live = self
            .conn
            .prepare_cached(&format!(
                "SELECT {WRAPUP_COLUMNS} FROM wrapups
                 WHERE call_key = 'live:' || (SELECT session_id FROM calls
                                              WHERE remote_id = ?1 AND session_id != '')"
            ))?
            .query_row([call_key], wrapup_row)
            .optional()?;
        if live.is_some() || peer.is_empty() {
            return Ok(live);
        }
        let at = to_millis(started);
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {WRAPUP_COLUMNS} FROM wrapups
                 WHERE peer = ?1 AND direction = ?2 AND started BETWEEN ?3 AND ?4
                 ORDER BY abs(started - ?5) LIMIT 1"
            ))?
            .query_row(
                params![peer, direction, at - SAME_CALL_MS, at + SAME_CALL_MS, at],
                wrapup_row,
            )
            .optional()?)
    }

    /// The wrap-up of a call from History (by its id, else by party, direction and start).
    pub fn wrapup_of(&self, call: &CallEntry) -> Result<Option<WrapUp>, StoreError> {
        let peer = call.peer.key.as_deref().unwrap_or(&call.peer.number);
        let direction = match call.direction {
            Direction::Inbound => "Inbound",
            Direction::Outbound => "Outbound",
        };
        self.wrapup_for(&call.id, peer, direction, call.start)
    }

    /// Drafts not saved yet (the "to wrap up" count and list), oldest first.
    pub fn wrapup_drafts(&self) -> Result<Vec<WrapUp>, StoreError> {
        let mut drafts = self.conn.prepare_cached(&format!(
            "SELECT {WRAPUP_COLUMNS} FROM wrapups WHERE saved IS NULL ORDER BY started"
        ))?;
        let found = drafts
            .query_map([], wrapup_row)?
            .collect::<Result<_, _>>()?;
        Ok(found)
    }

    /// Follow-ups from `from` to `until` (due today, overdue, upcoming …), soonest first.
    pub fn follow_ups(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<WrapUp>, StoreError> {
        let mut due = self.conn.prepare_cached(&format!(
            "SELECT {WRAPUP_COLUMNS} FROM wrapups
             WHERE follow_up_at IS NOT NULL AND follow_up_at BETWEEN ?1 AND ?2
             ORDER BY follow_up_at"
        ))?;
        let found = due
            .query_map(params![to_millis(from), to_millis(until)], wrapup_row)?
            .collect::<Result<_, _>>()?;
        Ok(found)
    }

    /// Claims the follow-ups due by `now` not shown yet, of saved wrap-ups (a draft's time may
    /// be half typed): each is answered to one caller only, ever (the claim and the read are
    /// one transaction).
    pub fn claim_due_follow_ups(&mut self, now: DateTime<Utc>) -> Result<Vec<WrapUp>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let due: Vec<WrapUp> = {
            let mut claim = tx.prepare_cached(&format!(
                "UPDATE wrapups SET follow_up_fired = 1
                 WHERE follow_up_at IS NOT NULL AND follow_up_at <= ?1 AND follow_up_fired = 0
                   AND saved IS NOT NULL
                 RETURNING {WRAPUP_COLUMNS}"
            ))?;
            let claimed = claim
                .query_map([to_millis(now)], wrapup_row)?
                .collect::<Result<_, _>>()?;
            claimed
        };
        tx.commit()?;
        Ok(due)
    }

    /// Puts `number` (its match key `key`) on the do-not-call list.
    pub fn add_do_not_call(
        &mut self,
        key: &str,
        number: &str,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO do_not_call (key, number, note, added) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (key) DO UPDATE SET note = excluded.note",
            )?
            .execute(params![key, number, note, to_millis(now)])?;
        Ok(())
    }

    /// Takes the match key `key` off the do-not-call list; whether it was on it.
    pub fn remove_do_not_call(&mut self, key: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("DELETE FROM do_not_call WHERE key = ?1")?
            .execute([key])?
            > 0)
    }

    /// Whether the match key `key` is on the do-not-call list.
    pub fn is_do_not_call(&self, key: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM do_not_call WHERE key = ?1)")?
            .query_row([key], |row| row.get(0))?)
    }

    /// The do-not-call list: (number, note), as added.
    pub fn do_not_call_list(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut list = self
            .conn
            .prepare_cached("SELECT number, note FROM do_not_call ORDER BY added, key")?;
        let found = list
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(found)
    }
}
