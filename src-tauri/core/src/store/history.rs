//! Reading the call history for the window and the CLI: newest first, filtered, keyset-paged
//! (no OFFSET: page 1 000 costs what page 1 costs), grouped by day on request.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use rusqlite::{params_from_iter, types::Value, Row};
use serde::{Deserialize, Serialize};

use super::time::{from_millis, to_millis};
use super::{ContactRef, Direction, Peer, Store, StoreError};

/// Which calls to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallFilter {
    /// Every call.
    #[default]
    All,
    /// Inbound calls nobody took.
    Missed,
    /// Calls towards the agent.
    Inbound,
    /// Calls the agent placed.
    Outbound,
}

/// Where the next page starts: just after the last call of the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryCursor {
    /// Start time (ms) of the last call shown.
    pub start_ms: i64,
    /// Its row id, to break ties.
    pub row: i64,
}

/// What [`Store::history`] returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryQuery {
    /// Missed, inbound, outbound or all.
    pub filter: CallFilter,
    /// Only calls with people matching this text (names, companies, numbers in any format).
    pub search: Option<String>,
    /// Only calls that started at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Only calls with this number (a match key, see [`crate::phone::MatchKey`]).
    pub peer_key: Option<String>,
    /// Continue after this call (from [`HistoryPage::next`]).
    pub after: Option<HistoryCursor>,
    /// Page size (at most 500; 0 means 50).
    pub limit: usize,
}

/// One call as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallEntry {
    /// RingCentral's record id.
    pub id: String,
    /// When it started.
    pub start: DateTime<Utc>,
    /// Seconds.
    pub duration_secs: u32,
    /// Inbound or outbound.
    pub direction: Direction,
    /// `Voice` or `Fax`.
    pub kind: String,
    /// `action`, e.g. `RingOut Web`.
    pub action: String,
    /// `result`, e.g. `Missed`.
    pub result: String,
    /// An inbound call nobody took.
    pub missed: bool,
    /// The other party, matched to a contact.
    pub peer: Peer,
    /// The agent's number on the call.
    pub own_number: String,
    /// The cursor that continues after this call.
    pub cursor: HistoryCursor,
}

/// A page of history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryPage {
    /// Calls, newest first.
    pub calls: Vec<CallEntry>,
    /// Pass as [`HistoryQuery::after`] for the next page; `None` at the end.
    pub next: Option<HistoryCursor>,
}

/// Calls of one calendar day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayGroup {
    /// The day, in the offset given to [`HistoryPage::days`].
    pub day: NaiveDate,
    /// Its calls, newest first.
    pub calls: Vec<CallEntry>,
}

impl HistoryPage {
    /// The page's calls grouped by local day (`offset` is the agent's UTC offset). A day cut by
    /// the page boundary continues in the next page's first group.
    pub fn days(&self, offset: FixedOffset) -> Vec<DayGroup> {
        let mut groups: Vec<DayGroup> = Vec::new();
        for call in &self.calls {
            let day = call.start.with_timezone(&offset).date_naive();
            match groups.last_mut() {
                Some(group) if group.day == day => group.calls.push(call.clone()),
                _ => groups.push(DayGroup {
                    day,
                    calls: vec![call.clone()],
                }),
            }
        }
        groups
    }
}

/// The columns [`call_entry`] reads, over `calls` and the matched contact `c`.
pub(crate) const CALL_COLUMNS: &str = "calls.id, calls.remote_id, calls.start_time, calls.duration,
    calls.direction, calls.kind, calls.action, calls.result, calls.missed, calls.peer_key,
    calls.peer_number, calls.peer_name, calls.own_number, c.id, c.first_name, c.last_name, c.company";

/// Joins the contact matched by number (one per call: the oldest contact with that number).
pub(crate) const CALL_CONTACT_JOIN: &str = "LEFT JOIN contacts c ON c.id = (
    SELECT contact_id FROM contact_numbers WHERE match_key = calls.peer_key LIMIT 1)";

pub(crate) fn contact_ref(row: &Row<'_>, first: usize) -> rusqlite::Result<Option<ContactRef>> {
    let Some(id) = row.get::<_, Option<i64>>(first)? else {
        return Ok(None);
    };
    let given: String = row.get(first + 1)?;
    let family: String = row.get(first + 2)?;
    let company: String = row.get(first + 3)?;
    let full = format!("{given} {family}").trim().to_owned();
    Ok(Some(ContactRef {
        id,
        name: if full.is_empty() { company } else { full },
    }))
}

pub(crate) fn call_entry(row: &Row<'_>) -> Result<CallEntry, StoreError> {
    let start_ms: i64 = row.get(2)?;
    let row_id: i64 = row.get(0)?;
    Ok(CallEntry {
        id: row.get(1)?,
        start: from_millis(start_ms)?,
        duration_secs: row.get(3)?,
        direction: Direction::parse(&row.get::<_, String>(4)?)?,
        kind: row.get(5)?,
        action: row.get(6)?,
        result: row.get(7)?,
        missed: row.get(8)?,
        peer: Peer {
            key: row.get(9)?,
            number: row.get(10)?,
            name: row.get(11)?,
            contact: contact_ref(row, 13)?,
        },
        own_number: row.get(12)?,
        cursor: HistoryCursor {
            start_ms,
            row: row_id,
        },
    })
}

impl Store {
    /// A page of call history, newest first; see [`HistoryQuery`].
    pub fn history(&self, query: &HistoryQuery) -> Result<HistoryPage, StoreError> {
        let limit = match query.limit {
            0 => 50,
            n => n.min(500),
        };
        let mut clauses: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        let from = match query.filter {
            CallFilter::Missed => "calls INDEXED BY calls_missed",
            _ => "calls",
        };
        match query.filter {
            CallFilter::All => {}
            CallFilter::Missed => clauses.push("calls.missed = 1".into()),
            CallFilter::Inbound => clauses.push("calls.direction = 'inbound'".into()),
            CallFilter::Outbound => clauses.push("calls.direction = 'outbound'".into()),
        }
        if let Some(after) = query.after {
            clauses.push("(calls.start_time, calls.id) < (?, ?)".into());
            args.push(Value::Integer(after.start_ms));
            args.push(Value::Integer(after.row));
        }
        if let Some(since) = query.since {
            clauses.push("calls.start_time >= ?".into());
            args.push(Value::Integer(to_millis(since)));
        }
        if let Some(key) = &query.peer_key {
            clauses.push("calls.peer_key = ?".into());
            args.push(Value::Text(key.clone()));
        }
        if let Some(text) = query.search.as_deref().filter(|t| !t.trim().is_empty()) {
            let keys = self.matching_keys(text)?;
            // Words also find calls by their wrap-ups' notes, outcome and tags.
            let wrapped = match super::search::text_words(text, false) {
                Some(fts)
                    if !text
                        .chars()
                        .all(|c| c.is_ascii_digit() || " +()-./".contains(c)) =>
                {
                    self.wrapped_up_call_ids(&fts)?
                }
                _ => Vec::new(),
            };
            if keys.is_empty() && wrapped.is_empty() {
                return Ok(HistoryPage {
                    calls: Vec::new(),
                    next: None,
                });
            }
            clauses.push(
                "(calls.peer_key IN (SELECT value FROM json_each(?))
                  OR calls.id IN (SELECT value FROM json_each(?)))"
                    .into(),
            );
            for list in [
                serde_json::to_string(&keys),
                serde_json::to_string(&wrapped),
            ] {
                args.push(Value::Text(list.unwrap_or_else(|_| "[]".into())));
            }
        }
        let filter = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        let sql = format!(
            "SELECT {CALL_COLUMNS} FROM {from} {CALL_CONTACT_JOIN} {filter}
             ORDER BY calls.start_time DESC, calls.id DESC LIMIT {}",
            limit + 1
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        let mut calls = Vec::with_capacity(limit + 1);
        while let Some(row) = rows.next()? {
            calls.push(call_entry(row)?);
        }
        let next = if calls.len() > limit {
            calls.truncate(limit);
            calls.last().map(|c| c.cursor)
        } else {
            None
        };
        Ok(HistoryPage { calls, next })
    }

    /// One call by RingCentral id.
    pub fn call(&self, id: &str) -> Result<CallEntry, StoreError> {
        let sql = format!(
            "SELECT {CALL_COLUMNS} FROM calls {CALL_CONTACT_JOIN} WHERE calls.remote_id = ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => call_entry(row),
            None => Err(StoreError::NotFound {
                what: "call",
                id: id.to_owned(),
            }),
        }
    }

    /// The RingCentral ids of every stored call (tests and consistency checks).
    pub fn call_ids(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT remote_id FROM calls ORDER BY remote_id")?;
        let ids = stmt
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }
}
