//! CSV export of calls, messages and contacts, and CSV import of local contacts.
//!
//! Contacts are written in the column layout SuiteDash and most CRMs import: `First Name`,
//! `Last Name`, `Email`, `Phone`, `Company`, `Tags`, `Notes`. Import reads the same layout (and
//! common variants such as `Mobile`, `Phone Number`, `Organization`, `Name`), stores rows as local
//! contacts, and reports each skipped row with its line and reason; a bad row never stops the
//! rest.
//!
//! No exported cell can run as a spreadsheet formula (CSV injection): text starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return is written behind an apostrophe, which import
//! removes again (see `cell.rs`, and its note on phone numbers).

pub(crate) mod cell;
mod export;
mod import;

pub use export::{export_calls, export_contacts, export_messages, CONTACT_COLUMNS};
pub use import::{import_contacts, read_contact_rows, ContactRows, ImportReport, SkippedRow};

use crate::store::StoreError;

/// Why an export or import could not run (a bad row in an import is not an error: it is
/// reported in [`ImportReport::skipped`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TransferError {
    /// The CSV file could not be read or written.
    #[error("CSV file: {0}")]
    Csv(#[from] csv::Error),
    /// The cache could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file has no header row naming a first name, last name, name or phone column.
    #[error("the CSV file has no recognisable header (expected First Name, Last Name, Phone …)")]
    NoHeader,
}

impl TransferError {
    /// The way out, for the faces' error codes.
    pub fn recovery(&self) -> crate::Recovery {
        match self {
            Self::Store(error) => error.recovery(),
            Self::Csv(_) | Self::NoHeader => crate::Recovery::FixInput,
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::Csv(_) => "Check the file path and that the file is UTF-8 CSV.",
            Self::Store(error) => error.hint(),
            Self::NoHeader => {
                "Add a header row: First Name,Last Name,Email,Phone,Company,Tags,Notes."
            }
        }
    }
}

#[cfg(test)]
mod injection_tests;
#[cfg(test)]
mod tests;
