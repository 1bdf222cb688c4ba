//! Durable writes. The cache runs with `synchronous = NORMAL` (WAL): a power loss may forget the
//! last commits, which costs a sync nothing but a repeat. An outbox transition must not be
//! forgotten — a lost `sending` lets the same text go out again without being looked up first —
//! so those transactions commit with `synchronous = FULL`, and the connection goes back to its
//! level afterwards.

use super::{Batch, Store, StoreError};

impl Store {
    /// Runs `write` in one transaction (see [`Store::batch`]) committed with
    /// `synchronous = FULL`: once this returns, the writes survive a power loss. Rolled back when
    /// `write` fails.
    pub(crate) fn durable_batch<T, E: From<StoreError>>(
        &mut self,
        write: impl FnOnce(&mut Batch<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let level: i64 = self
            .conn
            .query_row("PRAGMA synchronous", [], |row| row.get(0))
            .map_err(StoreError::from)?;
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(StoreError::from)?;
        let written = self.commit_batch(write);
        let restored = self.conn.pragma_update(None, "synchronous", level);
        let value = written?;
        restored.map_err(StoreError::from)?;
        Ok(value)
    }

    fn commit_batch<T, E: From<StoreError>>(
        &mut self,
        write: impl FnOnce(&mut Batch<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut batch = self.batch()?;
        let value = write(&mut batch)?;
        #[cfg(test)]
        observed::record(
            batch
                .tx
                .query_row("PRAGMA synchronous", [], |row| row.get(0))
                .map_err(StoreError::from)?,
        );
        batch.commit()?;
        Ok(value)
    }
}

#[cfg(test)]
pub(crate) mod observed {
    //! What `PRAGMA synchronous` was as each durable transaction committed, on this thread.

    use std::cell::RefCell;

    thread_local! {
        static LEVELS: RefCell<Vec<i64>> = const { RefCell::new(Vec::new()) };
    }

    /// Records the level a transaction committed with.
    pub(crate) fn record(level: i64) {
        LEVELS.with(|levels| levels.borrow_mut().push(level));
    }

    /// The levels recorded since the last call.
    pub(crate) fn take() -> Vec<i64> {
        LEVELS.with(|levels| std::mem::take(&mut *levels.borrow_mut()))
    }
}
