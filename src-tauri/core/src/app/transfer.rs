//! CSV files in and out of the cache: calls, messages and contacts exported, local contacts
//! imported (every skipped row reported with its line and reason).

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use crate::import_export::TransferError;
use crate::import_export::{export_calls, export_contacts, export_messages, import_contacts};

use super::{Desk, Error};

pub use crate::import_export::{ImportReport, SkippedRow};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The call history.
    Calls,
    /// Every message.
    Messages,
    /// Every contact, in SuiteDash's column layout.
    Contacts,
}

impl Desk {
    /// Writes `kind` from the cache to the CSV file at `path`; returns the rows written.
    pub fn export_csv(&self, kind: ExportKind, path: &Path) -> Result<u64, Error> {
        let file = File::create(path).map_err(|error| TransferError::Csv(error.into()))?;
        let out = BufWriter::new(file);
        self.with_cache(|store| {
            Ok(match kind {
                ExportKind::Calls => export_calls(store, out)?,
                ExportKind::Messages => export_messages(store, out)?,
                ExportKind::Contacts => export_contacts(store, out)?,
            })
        })
    }

    /// Reads local contacts from the CSV file at `path` into the cache.
    pub fn import_contacts_csv(&self, path: &Path) -> Result<ImportReport, Error> {
        let file = File::open(path).map_err(|error| TransferError::Csv(error.into()))?;
        let country = self.home();
        self.with_cache(|store| Ok(import_contacts(store, file, country)?))
    }
}
