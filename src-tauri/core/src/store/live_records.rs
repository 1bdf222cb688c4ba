//! Calls known before the call log has them. A missed call enters the cache the moment presence
//! says it ended, under `remote_id` `live:<sessionId>`; the call-log record with the same
//! `sessionId` replaces it when a sync brings it. Whichever comes first, the call is one row.

use rusqlite::OptionalExtension;

use super::calls::CallRecord;
use super::{Batch, Store, StoreError};

/// The `remote_id` prefix of calls known from presence only.
pub const LIVE_PREFIX: &str = "live:";

impl Batch<'_> {
    /// Stores a call known from presence, unless the call log already brought it. Answers
    /// whether it was stored.
    pub fn put_live_call(&mut self, call: &CallRecord) -> Result<bool, StoreError> {
        if call.session_id.is_empty() {
            return Ok(false);
        }
        let logged = self
            .tx
            .prepare_cached(
                "SELECT 1 FROM calls WHERE session_id = ?1 AND remote_id NOT LIKE 'live:%'",
            )?
            .query_row([&call.session_id], |_| Ok(()))
            .optional()?
            .is_some();
        if logged {
            return Ok(false);
        }
        let record = CallRecord {
            id: format!("{LIVE_PREFIX}{}", call.session_id),
            ..call.clone()
        };
        self.put_call(&record)?;
        Ok(true)
    }

    /// Drops the presence-only row of a call the call log has now brought.
    pub(crate) fn drop_live_twin(&mut self, logged: &CallRecord) -> Result<(), StoreError> {
        if logged.id.starts_with(LIVE_PREFIX) || logged.session_id.is_empty() {
            return Ok(());
        }
        self.tx
            .prepare_cached("DELETE FROM calls WHERE session_id = ?1 AND remote_id LIKE 'live:%'")?
            .execute([&logged.session_id])?;
        Ok(())
    }
}

impl Store {
    /// Stores a call known from presence (see [`Batch::put_live_call`]) in its own transaction.
    pub fn put_live_call(&mut self, call: &CallRecord) -> Result<bool, StoreError> {
        let mut batch = self.batch()?;
        let stored = batch.put_live_call(call)?;
        batch.commit()?;
        Ok(stored)
    }
}
