//! Small numbers a CRM connector keeps in the cache: since when it collects events, how far it
//! has collected, the requests it spent each month, when it last pulled.

use rusqlite::{params, OptionalExtension};

use super::{Batch, Store, StoreError};

impl Store {
    /// The mark `name` of `connector`, if set.
    pub fn integration_mark(&self, connector: &str, name: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM integration_marks WHERE connector = ?1 AND name = ?2",
                params![connector, name],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Sets the mark `name` of `connector`.
    pub fn set_integration_mark(
        &mut self,
        connector: &str,
        name: &str,
        value: i64,
    ) -> Result<(), StoreError> {
        let mut batch = self.batch()?;
        batch.set_integration_mark(connector, name, value)?;
        batch.commit()
    }

    /// Adds one to the counter `name` of `connector` and answers the new count, durably (a
    /// request counted against a quota must not be forgotten by a crash).
    pub fn count_integration_request(
        &mut self,
        connector: &str,
        name: &str,
    ) -> Result<i64, StoreError> {
        self.durable_batch(|batch| {
            Ok(batch
                .tx
                .prepare_cached(
                    "INSERT INTO integration_marks (connector, name, value) VALUES (?1, ?2, 1)
                     ON CONFLICT (connector, name) DO UPDATE SET value = value + 1
                     RETURNING value",
                )?
                .query_row(params![connector, name], |row| row.get(0))?)
        })
    }
}

impl Batch<'_> {
    /// Sets the mark `name` of `connector` in this batch.
    pub fn set_integration_mark(
        &mut self,
        connector: &str,
        name: &str,
        value: i64,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO integration_marks (connector, name, value) VALUES (?1, ?2, ?3)
                 ON CONFLICT (connector, name) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![connector, name, value])?;
        Ok(())
    }
}
