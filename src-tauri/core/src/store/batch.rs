//! A write transaction over the cache. The sync engine puts one page of records and the sync
//! token or span that covers them into one batch, so a killed process never keeps one without
//! the other.

use rusqlite::Transaction;

use super::numbers::{self, NumberBook, Resolved};
use super::StoreError;

/// One write transaction; see [`Store::batch`](super::Store::batch). Dropped without
/// [`commit`](Self::commit), it rolls back.
pub struct Batch<'a> {
    pub(crate) tx: Transaction<'a>,
    numbers: &'a mut NumberBook,
    registered: Vec<String>,
}

impl<'a> Batch<'a> {
    pub(crate) fn new(tx: Transaction<'a>, numbers: &'a mut NumberBook) -> Self {
        Self {
            tx,
            numbers,
            registered: Vec::new(),
        }
    }

    /// Makes every write of the batch durable and visible, atomically.
    pub fn commit(self) -> Result<(), StoreError> {
        self.tx.commit()?;
        self.numbers.remember(self.registered);
        Ok(())
    }

    /// Reads a number for storage and records it (with `name`) in the numbers index.
    pub(crate) fn number(
        &mut self,
        text: Option<&str>,
        name: &str,
    ) -> Result<Option<Resolved>, StoreError> {
        let Some(resolved) = text.and_then(|t| self.numbers.resolve(t)) else {
            return Ok(None);
        };
        let key = resolved.key.as_str();
        if !self.numbers.is_registered(key) {
            numbers::register(&self.tx, &resolved, name)?;
            if !name.trim().is_empty() {
                self.registered.push(key.to_owned());
            }
        }
        Ok(Some(resolved))
    }
}
