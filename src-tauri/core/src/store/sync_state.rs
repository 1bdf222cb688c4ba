//! Sync state: per feed, the sync token and where a full sync stands; and the spans (time
//! windows) still to fetch with a paged listing. Written in the same batch as the records they
//! cover.

use std::fmt;

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::time::{from_millis, to_millis};
use super::{Batch, Store, StoreError};

/// A stream of records the cache follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Feed {
    /// The call log (`call-log-sync`, backfilled with `call-log`).
    CallLog,
    /// SMS (`message-sync`, backfilled with `message-store`).
    Messages,
    /// Personal contacts (`address-book-sync`).
    Contacts,
    /// The company directory (`directory/entries`).
    Directory,
}

impl Feed {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CallLog => "call_log",
            Self::Messages => "messages",
            Self::Contacts => "contacts",
            Self::Directory => "directory",
        }
    }
}

impl fmt::Display for Feed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a feed's sync stands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncState {
    /// The token for the next incremental sync; `None` means a full sync is needed.
    pub token: Option<String>,
    /// When the last sync finished.
    pub synced_at: Option<DateTime<Utc>>,
    /// A paged full sync in progress: the next page to fetch.
    pub page_cursor: Option<String>,
    /// The number of the current full sync (see [`Batch::sweep_contacts`]).
    pub generation: i64,
}

/// Why a span exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanPurpose {
    /// Older history beyond what the sync API returns.
    Backfill,
    /// Records between the last incremental sync and a forced full sync.
    Gap,
}

impl SpanPurpose {
    fn as_str(self) -> &'static str {
        match self {
            Self::Backfill => "backfill",
            Self::Gap => "gap",
        }
    }
}

/// A time window `[from, to)` still to fetch, newest first; `to` moves down as pages are
/// stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Id, to update or remove it.
    pub id: i64,
    /// Why it exists.
    pub purpose: SpanPurpose,
    /// The oldest time to fetch.
    pub from: DateTime<Utc>,
    /// Everything at or after this time is stored.
    pub to: DateTime<Utc>,
}

impl Store {
    /// A feed's sync state (default when it never synced).
    pub fn sync_state(&self, feed: Feed) -> Result<SyncState, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT token, synced_at, page_cursor, generation FROM sync_state WHERE feed = ?1",
            )?
            .query_row([feed.as_str()], |row| {
                Ok((
                    row.get::<_, Option<String>>(0)?,
                    row.get::<_, Option<i64>>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, i64>(3)?,
                ))
            })
            .optional()?;
        let Some((token, synced_at, page_cursor, generation)) = row else {
            return Ok(SyncState::default());
        };
        Ok(SyncState {
            token,
            synced_at: synced_at.map(from_millis).transpose()?,
            page_cursor,
            generation,
        })
    }

    /// A feed's spans still to fetch, newest first.
    pub fn spans(&self, feed: Feed) -> Result<Vec<Span>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, purpose, date_from, date_to FROM sync_spans WHERE feed = ?1
             ORDER BY date_to DESC, id",
        )?;
        let mut rows = stmt.query([feed.as_str()])?;
        let mut spans = Vec::new();
        while let Some(row) = rows.next()? {
            spans.push(Span {
                id: row.get(0)?,
                purpose: match row.get::<_, String>(1)?.as_str() {
                    "gap" => SpanPurpose::Gap,
                    _ => SpanPurpose::Backfill,
                },
                from: from_millis(row.get(2)?)?,
                to: from_millis(row.get(3)?)?,
            });
        }
        Ok(spans)
    }

    /// When the newest stored call started (where the gap a forced full sync leaves begins).
    pub fn newest_call_time(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let ms: Option<i64> = self.conn.query_row(
            // A call known from presence only is not history the call log brought.
            "SELECT max(start_time) FROM calls WHERE remote_id NOT LIKE 'live:%'",
            [],
            |row| row.get(0),
        )?;
        ms.map(from_millis).transpose()
    }
}

impl Batch<'_> {
    /// Replaces a feed's sync state.
    pub fn set_sync_state(&mut self, feed: Feed, state: &SyncState) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO sync_state (feed, token, synced_at, page_cursor, generation)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (feed) DO UPDATE SET token = excluded.token,
                     synced_at = excluded.synced_at, page_cursor = excluded.page_cursor,
                     generation = excluded.generation",
            )?
            .execute(params![
                feed.as_str(),
                state.token,
                state.synced_at.map(to_millis),
                state.page_cursor,
                state.generation
            ])?;
        Ok(())
    }

    /// Adds a span to fetch; returns its id. An empty window adds nothing and returns `None`.
    pub fn add_span(
        &mut self,
        feed: Feed,
        purpose: SpanPurpose,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Option<i64>, StoreError> {
        if from >= to {
            return Ok(None);
        }
        self.tx
            .prepare_cached(
                "INSERT INTO sync_spans (feed, purpose, date_from, date_to) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![feed.as_str(), purpose.as_str(), to_millis(from), to_millis(to)])?;
        Ok(Some(self.tx.last_insert_rowid()))
    }

    /// Records that everything in a span at or after `to` is stored; a span that became
    /// empty is removed.
    pub fn shrink_span(&mut self, id: i64, to: DateTime<Utc>) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("UPDATE sync_spans SET date_to = min(date_to, ?2) WHERE id = ?1")?
            .execute(params![id, to_millis(to)])?;
        self.tx
            .prepare_cached("DELETE FROM sync_spans WHERE id = ?1 AND date_to <= date_from")?
            .execute([id])?;
        Ok(())
    }

    /// Removes a span that is fully fetched.
    pub fn remove_span(&mut self, id: i64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("DELETE FROM sync_spans WHERE id = ?1")?
            .execute([id])?;
        Ok(())
    }
}
