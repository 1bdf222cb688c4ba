//! Errors from the local cache.

use std::path::PathBuf;

/// Why the local cache could not be opened, read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database file cannot be opened or created.
    #[error("cannot open the local cache {path}: {source}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// SQLite's reason.
        source: rusqlite::Error,
    },
    /// The file was written by a newer ringdesk; it is left untouched.
    #[error(
        "the local cache {path} has schema version {found}, newer than this ringdesk knows ({known}); it was not changed"
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// The version found in the file.
        found: u32,
        /// The newest version this build knows.
        known: u32,
    },
    /// A migration failed and was rolled back.
    #[error("upgrading the local cache to schema version {version} failed: {source}")]
    Migration {
        /// The migration that failed.
        version: u32,
        /// SQLite's reason.
        source: rusqlite::Error,
    },
    /// A query failed.
    #[error("local cache query failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored value cannot be read back (the file was edited or damaged).
    #[error("the local cache holds an unreadable {what}: {detail}")]
    Corrupt {
        /// What was being read.
        what: &'static str,
        /// What is wrong with it.
        detail: String,
    },
    /// The item asked for is not in the cache.
    #[error("{what} {id} is not in the local cache")]
    NotFound {
        /// The kind of item.
        what: &'static str,
        /// Its id.
        id: String,
    },
    /// A value given to the cache cannot be stored.
    #[error("cannot store {what}: {detail}")]
    Invalid {
        /// The field.
        what: &'static str,
        /// Why.
        detail: String,
    },
}

impl StoreError {
    /// The way out, for the faces' error codes.
    pub fn recovery(&self) -> crate::Recovery {
        match self {
            Self::NotFound { .. } => crate::Recovery::NotFound,
            Self::Invalid { .. } => crate::Recovery::FixInput,
            Self::Open { .. } | Self::NewerSchema { .. } => crate::Recovery::FixConfig,
            _ => crate::Recovery::Report,
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::Open { .. } => {
                "Check that the data folder exists and is writable (RINGDESK_DATA_DIR)."
            }
            Self::NewerSchema { .. } => {
                "Update ringdesk, or use another profile: this cache belongs to a newer version."
            }
            Self::Migration { .. } | Self::Corrupt { .. } => {
                "Move the cache file away and run `ringdesk sync` to rebuild it from RingCentral."
            }
            Self::Sqlite(_) => {
                "Try again; if it persists, move the cache file away and sync again."
            }
            Self::NotFound { .. } => "Run `ringdesk sync` to refresh the cache.",
            Self::Invalid { .. } => "Correct the value and try again.",
        }
    }
}

pub(crate) fn corrupt(what: &'static str, detail: impl ToString) -> StoreError {
    StoreError::Corrupt {
        what,
        detail: detail.to_string(),
    }
}
