//! Calls found by the words of their wrap-ups (disposition, notes, tags, follow-up; the
//! `wrapups_fts` index), for the one search and History's search.

use super::history::{call_entry, CallEntry, CALL_COLUMNS, CALL_CONTACT_JOIN};
use super::{Store, StoreError};

impl Store {
    /// Calls whose wrap-up matches the FTS5 query `fts`, newest first.
    pub(super) fn calls_wrapped_up_with(
        &self,
        fts: &str,
        limit: usize,
    ) -> Result<Vec<CallEntry>, StoreError> {
        let ids = self.wrapped_up_call_ids(fts)?;
        let sql = format!(
            "SELECT {CALL_COLUMNS} FROM calls {CALL_CONTACT_JOIN}
             WHERE calls.id IN (SELECT value FROM json_each(?1))
             ORDER BY calls.start_time DESC, calls.id DESC LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into())])?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            found.push(call_entry(row)?);
        }
        Ok(found)
    }

    /// The cache's ids of the calls whose wrap-up (disposition, notes, tags, follow-up) matches
    /// the FTS5 query `fts` (the newest 200 wrap-ups): the wrap-up's call by its id, its
    /// session (`live:<id>`), or its party and direction within two minutes.
    pub(crate) fn wrapped_up_call_ids(&self, fts: &str) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "WITH w AS (SELECT call_key, peer, lower(direction) AS direction, started FROM wrapups
                        WHERE id IN (SELECT rowid FROM wrapups_fts WHERE wrapups_fts MATCH ?1)
                        ORDER BY started DESC LIMIT 200)
             SELECT c.id FROM w JOIN calls c ON c.remote_id = w.call_key
             UNION
             SELECT c.id FROM w JOIN calls c
                 ON w.call_key LIKE 'live:%' AND c.session_id = substr(w.call_key, 6)
             UNION
             SELECT c.id FROM w JOIN calls c
                 ON c.peer_key = w.peer AND c.direction = w.direction
                AND c.start_time BETWEEN w.started - 120000 AND w.started + 120000",
        )?;
        let ids = stmt
            .query_map([fts], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }
}
