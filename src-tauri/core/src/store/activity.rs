//! The activity log: one row per API action ringdesk performs — what, RingCentral's request id,
//! outcome, HTTP status, duration and error code. Never secrets, never message bodies: the
//! fields are all short identifiers by type.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;

use super::time::{from_millis, to_millis};
use super::{Batch, Store, StoreError};

/// Whether an action succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityOutcome {
    /// It did.
    Ok,
    /// It did not.
    Error,
}

/// One logged API action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityEntry {
    /// When it started.
    pub at: DateTime<Utc>,
    /// What it was: the API operation, e.g. `syncUserCallLog`.
    pub action: String,
    /// RingCentral's request id (`RCRequestId`), when an answer arrived.
    pub request_id: Option<String>,
    /// Success or failure.
    pub outcome: ActivityOutcome,
    /// The HTTP status, when an answer arrived.
    pub http_status: Option<u16>,
    /// How long it took.
    pub duration_ms: u64,
    /// RingCentral's `errorCode` (or ringdesk's error kind) on failure.
    pub error_code: Option<String>,
}

fn insert(conn: &Connection, entry: &ActivityEntry) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO activity (at, action, request_id, outcome, http_status, duration_ms, error_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        to_millis(entry.at),
        entry.action,
        entry.request_id,
        match entry.outcome {
            ActivityOutcome::Ok => "ok",
            ActivityOutcome::Error => "error",
        },
        entry.http_status,
        entry.duration_ms as i64,
        entry.error_code,
    ])?;
    Ok(())
}

impl Store {
    /// Logs one API action.
    pub fn log_activity(&mut self, entry: &ActivityEntry) -> Result<(), StoreError> {
        insert(&self.conn, entry)
    }

    /// The latest `limit` actions, newest first.
    pub fn activity(&self, limit: usize) -> Result<Vec<ActivityEntry>, StoreError> {
        self.activity_like("%", limit)
    }

    /// The CRM connectors' latest `limit` requests (`webhook:…`, `suitedash:…`), newest first.
    pub fn connector_activity(&self, limit: usize) -> Result<Vec<ActivityEntry>, StoreError> {
        let mut entries = self.activity_like("webhook:%", limit)?;
        entries.extend(self.activity_like("suitedash:%", limit)?);
        entries.sort_by_key(|entry| std::cmp::Reverse(entry.at));
        entries.truncate(limit);
        Ok(entries)
    }

    fn activity_like(&self, action: &str, limit: usize) -> Result<Vec<ActivityEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, action, request_id, outcome, http_status, duration_ms, error_code
             FROM activity WHERE action LIKE ?1 ORDER BY at DESC, id DESC LIMIT ?2",
        )?;
        let mut rows = stmt.query(rusqlite::params![action, limit as i64])?;
        let mut entries = Vec::new();
        while let Some(row) = rows.next()? {
            entries.push(ActivityEntry {
                at: from_millis(row.get(0)?)?,
                action: row.get(1)?,
                request_id: row.get(2)?,
                outcome: match row.get::<_, String>(3)?.as_str() {
                    "ok" => ActivityOutcome::Ok,
                    _ => ActivityOutcome::Error,
                },
                http_status: row.get(4)?,
                duration_ms: row.get::<_, i64>(5)?.max(0) as u64,
                error_code: row.get(6)?,
            });
        }
        Ok(entries)
    }
}

impl Batch<'_> {
    /// Logs one API action in this batch (with the records it fetched).
    pub fn log_activity(&mut self, entry: &ActivityEntry) -> Result<(), StoreError> {
        insert(&self.tx, entry)
    }
}
