//! Call lists in the cache: named lists of numbers, their order and each entry's progress. An
//! entry is claimed (`waiting`/`call_back` → `dialing`) in one compare-and-set before its call is
//! placed, so it is never dialed twice — by two windows, a second `ringdesk list next`, or a
//! retry after a crash; a claim whose call never left goes back to waiting.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::time::{from_millis, to_millis};
use super::{Store, StoreError};

/// Where an entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryState {
    /// Not dialed yet.
    Waiting,
    /// Claimed: its call is being placed.
    Dialing,
    /// Its call was placed; the wrap-up says how it went.
    Called,
    /// Finished with a final disposition.
    Done,
    /// To be called again at `return_at`.
    CallBack,
    /// Skipped by the agent.
    Skipped,
}

impl EntryState {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Dialing => "dialing",
            Self::Called => "called",
            Self::Done => "done",
            Self::CallBack => "call_back",
            Self::Skipped => "skipped",
        }
    }

    fn parse(text: &str) -> Result<Self, StoreError> {
        [
            Self::Waiting,
            Self::Dialing,
            Self::Called,
            Self::Done,
            Self::CallBack,
            Self::Skipped,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
        .ok_or_else(|| super::error::corrupt("call list entry state", text))
    }
}

/// An entry to add to a list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewEntry {
    /// Who.
    pub name: String,
    /// The number as written.
    pub number: String,
    /// Its match key (E.164 for a phone number).
    pub key: String,
    /// A note for the agent.
    pub note: String,
}

/// An entry of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    /// Its id in the cache.
    pub id: i64,
    /// Its place in the list (0 first).
    pub position: i64,
    /// Who.
    pub name: String,
    /// The number as written.
    pub number: String,
    /// Its match key.
    pub key: String,
    /// A note.
    pub note: String,
    /// Where it stands.
    pub state: EntryState,
    /// The call placed for it (`ringout:<id>`).
    pub call_key: Option<String>,
    /// When a *Call back* entry comes back.
    pub return_at: Option<DateTime<Utc>>,
}

const ENTRY_COLUMNS: &str = "id, position, name, number, key, note, state, call_key, return_at";

fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<(ListEntry, String)> {
    let state: String = row.get(6)?;
    Ok((
        ListEntry {
            id: row.get(0)?,
            position: row.get(1)?,
            name: row.get(2)?,
            number: row.get(3)?,
            key: row.get(4)?,
            note: row.get(5)?,
            state: EntryState::Waiting,
            call_key: row.get(7)?,
            return_at: row
                .get::<_, Option<i64>>(8)?
                .and_then(|t| from_millis(t).ok()),
        },
        state,
    ))
}

impl Store {
    /// Creates the list `name` with `entries`, in order; answers its id. A list of that name
    /// already there is refused (`Invalid`).
    pub fn create_call_list(
        &mut self,
        name: &str,
        entries: &[NewEntry],
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        // Immediate: a read that turns into a write while a sync writes would be refused at
        // once ("busy") rather than wait its turn.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let taken: bool = tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM call_lists WHERE name = ?1)")?
            .query_row([name], |row| row.get(0))?;
        if taken {
            return Err(StoreError::Invalid {
                what: "call list name",
                detail: format!("a list named {name:?} exists already"),
            });
        }
        tx.execute(
            "INSERT INTO call_lists (name, created) VALUES (?1, ?2)",
            params![name, to_millis(now)],
        )?;
        let list = tx.last_insert_rowid();
        append_entries(&tx, list, entries, now)?;
        tx.commit()?;
        Ok(list)
    }

    /// Adds `entries` at the end of the list `name`, created when there is none; answers its id.
    pub fn add_to_call_list(
        &mut self,
        name: &str,
        entries: &[NewEntry],
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO call_lists (name, created) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
            params![name, to_millis(now)],
        )?;
        let list: i64 = tx
            .prepare_cached("SELECT id FROM call_lists WHERE name = ?1")?
            .query_row([name], |row| row.get(0))?;
        append_entries(&tx, list, entries, now)?;
        tx.commit()?;
        Ok(list)
    }

    /// Moves the entry `id` of `list` to the place `to` (0 first; past the end is last), the
    /// others keeping their order.
    pub fn reorder_entry(
        &mut self,
        list: i64,
        id: i64,
        to: usize,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut order: Vec<i64> = {
            let mut ids = tx.prepare_cached(
                "SELECT id FROM call_list_entries WHERE list_id = ?1 ORDER BY position, id",
            )?;
            let found = ids
                .query_map([list], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            found
        };
        let Some(from) = order.iter().position(|&e| e == id) else {
            return Ok(false);
        };
        let entry = order.remove(from);
        order.insert(to.min(order.len()), entry);
        {
            let mut place = tx.prepare_cached(
                "UPDATE call_list_entries SET position = ?2, updated = ?3
                 WHERE id = ?1 AND position IS NOT ?2",
            )?;
            for (position, id) in order.iter().enumerate() {
                place.execute(params![id, position as i64, to_millis(now)])?;
            }
        }
        tx.commit()?;
        Ok(true)
    }

    /// Deletes the list `list` and its entries; whether there was one.
    pub fn delete_call_list(&mut self, list: i64) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM call_list_entries WHERE list_id = ?1", [list])?;
        let gone = tx.execute("DELETE FROM call_lists WHERE id = ?1", [list])? > 0;
        tx.commit()?;
        Ok(gone)
    }

    /// The id of the list named `name` (any case).
    pub fn call_list_id(&self, name: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM call_lists WHERE name = ?1")?
            .query_row([name.trim()], |row| row.get(0))
            .optional()?)
    }

    /// The lists: (id, name), oldest first.
    pub fn call_lists(&self) -> Result<Vec<(i64, String)>, StoreError> {
        let mut lists = self
            .conn
            .prepare_cached("SELECT id, name FROM call_lists ORDER BY created, id")?;
        let found = lists
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(found)
    }

    /// A list's entries, in order.
    pub fn call_list_entries(&self, list: i64) -> Result<Vec<ListEntry>, StoreError> {
        let mut entries = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM call_list_entries WHERE list_id = ?1
             ORDER BY position, id"
        ))?;
        let rows: Vec<(ListEntry, String)> = entries
            .query_map([list], entry_from_row)?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(entry, state)| {
                Ok(ListEntry {
                    state: EntryState::parse(&state)?,
                    ..entry
                })
            })
            .collect()
    }

    /// Claims the list's next entry to dial — the first waiting one, or a *Call back* one whose
    /// time has come — moving it to `dialing` in the same transaction; `None` when none is left.
    pub fn claim_next_entry(
        &mut self,
        list: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<ListEntry>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let next: Option<i64> = tx
            .prepare_cached(
                "SELECT id FROM call_list_entries
                 WHERE list_id = ?1
                   AND (state = 'waiting' OR (state = 'call_back' AND return_at <= ?2))
                 ORDER BY position, id LIMIT 1",
            )?
            .query_row(params![list, to_millis(now)], |row| row.get(0))
            .optional()?;
        let Some(id) = next else {
            return Ok(None);
        };
        tx.execute(
            "UPDATE call_list_entries SET state = 'dialing', updated = ?2
             WHERE id = ?1 AND state IN ('waiting', 'call_back')",
            params![id, to_millis(now)],
        )?;
        tx.commit()?;
        Ok(self
            .call_list_entries(list)?
            .into_iter()
            .find(|e| e.id == id))
    }

    /// Moves an entry from `from` to `to` (compare-and-set); whether it moved. `call_key`, when
    /// given, names the call placed for it; `return_at` is kept for `call_back`.
    pub fn move_entry(
        &mut self,
        id: i64,
        from: &[EntryState],
        to: EntryState,
        call_key: Option<&str>,
        return_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let from: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
        let moved = self
            .conn
            .prepare_cached(
                "UPDATE call_list_entries
                 SET state = ?3, call_key = coalesce(?4, call_key), return_at = ?5, updated = ?6
                 WHERE id = ?1 AND state IN (SELECT value FROM json_each(?2))",
            )?
            .execute(params![
                id,
                serde_json::to_string(&from).unwrap_or_else(|_| "[]".into()),
                to.as_str(),
                call_key,
                return_at.map(to_millis),
                to_millis(now)
            ])?;
        Ok(moved > 0)
    }

    /// The entry whose call is `call_key`, if a list placed it.
    pub fn entry_of_call(&self, call_key: &str) -> Result<Option<ListEntry>, StoreError> {
        let list: Option<i64> = self
            .conn
            .prepare_cached("SELECT list_id FROM call_list_entries WHERE call_key = ?1")?
            .query_row([call_key], |row| row.get(0))
            .optional()?;
        let Some(list) = list else {
            return Ok(None);
        };
        Ok(self
            .call_list_entries(list)?
            .into_iter()
            .find(|e| e.call_key.as_deref() == Some(call_key)))
    }
}

/// Adds `entries` after the last of `list`'s, in order.
fn append_entries(
    tx: &rusqlite::Transaction<'_>,
    list: i64,
    entries: &[NewEntry],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let first: i64 = tx
        .prepare_cached(
            "SELECT coalesce(max(position) + 1, 0) FROM call_list_entries WHERE list_id = ?1",
        )?
        .query_row([list], |row| row.get(0))?;
    let mut add = tx.prepare_cached(
        "INSERT INTO call_list_entries (list_id, position, name, number, key, note, updated)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (offset, e) in entries.iter().enumerate() {
        add.execute(params![
            list,
            first + offset as i64,
            e.name,
            e.number,
            e.key,
            e.note,
            to_millis(now)
        ])?;
    }
    Ok(())
}
