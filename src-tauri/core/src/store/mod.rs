//! The local cache: one SQLite file per profile (WAL, bundled SQLite with FTS5) holding contacts,
//! the call log, messages and conversations, the SMS outbox, sync state, the activity log and the
//! CRM connectors' queue.
//! Secrets never go in it.
//!
//! Writes go through a [`Batch`]: one transaction, so the records of a sync page and the sync
//! token or span that covers them are committed together or not at all. Reads are plain methods
//! on [`Store`], shaped for the window:
//!
//! - History: [`Store::history`] — newest first, filters (missed / inbound / outbound / search /
//!   since / one number), keyset pagination ([`HistoryCursor`]), [`HistoryPage::days`] to group.
//! - Messages: [`Store::conversations`] (last message, unread count, pending outbox items) and
//!   [`Store::thread`] (a conversation's messages, newest first, with its outbox items).
//! - Contacts: [`Store::contacts`] (list or search, keyset paged) and [`Store::contact`] (numbers
//!   and a timeline of calls and messages).
//! - Search: [`Store::search`] — contacts, calls and messages for what the agent is typing.
//!
//! A [`Store`] is one connection: open one per thread or task. WAL lets the window read while a
//! sync writes on its own connection.

mod activity;
mod announced;
mod batch;
mod call_lists;
mod calls;
mod colleagues;
mod contact_exports;
mod contact_list;
mod contacts;
mod conversation_search;
mod conversations;
mod durable;
mod error;
mod history;
mod integration_feed;
mod integration_marks;
mod integration_queue;
mod integration_queue_moves;
mod live_records;
mod messages;
mod migrations;
pub(crate) mod numbers;
mod opt_outs;
mod outbox;
mod outbox_moves;
mod private;
mod search;
mod sync_state;
mod team_chats;
mod team_posts;
mod time;
mod wrapup_search;
mod wrapups;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use crate::phone::Country;

pub use activity::{ActivityEntry, ActivityOutcome};
pub use batch::Batch;
pub use call_lists::{EntryState, ListEntry, NewEntry};
pub use calls::{CallLeg, CallParty, CallRecord};
pub use colleagues::Colleague;
pub use contact_exports::{ContactExport, ExportableContact};
pub use contact_list::{
    ContactCursor, ContactDetail, ContactEntry, ContactPage, ContactQuery, StoredNumber,
};
pub use contacts::{ContactNumber, ContactRecord, ContactSource};
pub use conversations::{ConversationCursor, ConversationPage, ConversationSummary, ThreadPage};
pub use error::StoreError;
pub use history::{CallEntry, CallFilter, DayGroup, HistoryCursor, HistoryPage, HistoryQuery};
pub use integration_feed::FedCall;
pub use integration_queue::{NewQueueItem, QueueCounts, QueueState, QueuedItem};
pub use integration_queue_moves::Settled;
pub use live_records::LIVE_PREFIX;
pub use messages::{MessageEntry, MessageParty, MessageRecord};
pub use migrations::SCHEMA_VERSION;
pub use opt_outs::{Consent, OptOut, OPT_OUT_ERRORS};
pub use outbox::{OutboxItem, OutboxState};
pub use search::{SearchResults, TimelineItem};
pub use sync_state::{Feed, Span, SpanPurpose, SyncState};
pub use team_chats::{ChatSummary, NotifyLevel, TeamChat};
pub use team_posts::{Person, PostMention, TeamPost};
pub use wrapups::WrapUp;

/// Which way a call or message went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Towards the agent.
    Inbound,
    /// From the agent.
    Outbound,
}

impl Direction {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Inbound => "inbound",
            Self::Outbound => "outbound",
        }
    }

    pub(crate) fn parse(text: &str) -> Result<Self, StoreError> {
        match text {
            "inbound" => Ok(Self::Inbound),
            "outbound" => Ok(Self::Outbound),
            other => Err(error::corrupt("direction", other)),
        }
    }
}

/// Someone on the other end, as the window shows them: the number as RingCentral sent it, its
/// match key, the caller-ID name, and the contact it matches, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Peer {
    /// The match key (`+16505550100`), `None` for anonymous callers.
    pub key: Option<String>,
    /// The number as received.
    pub number: String,
    /// The name RingCentral gave (caller ID), may be empty.
    pub name: String,
    /// The contact matched by number.
    pub contact: Option<ContactRef>,
}

impl Peer {
    /// The best name to show: the contact's, else the caller ID, else the number.
    pub fn display_name(&self) -> &str {
        match &self.contact {
            Some(contact) if !contact.name.is_empty() => &contact.name,
            _ if !self.name.is_empty() => &self.name,
            _ => &self.number,
        }
    }
}

/// A contact a call or message was matched to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRef {
    /// The contact's id in the cache.
    pub id: i64,
    /// Its display name.
    pub name: String,
}

/// The local cache of one profile.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    numbers: numbers::NumberBook,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the cache at `path` and brings its schema up to date.
    /// `country` reads numbers written without `+` (the agent's home country). On Unix a new
    /// folder is 0700 and the cache's files 0600 (see `private.rs`).
    ///
    /// A file from a newer ringdesk is refused with [`StoreError::NewerSchema`] and not changed.
    pub fn open(path: &Path, country: Country) -> Result<Self, StoreError> {
        Self::open_at_version(path, country, SCHEMA_VERSION)
    }

    /// Opens the cache, migrating only up to `version` (tests of the migrations themselves).
    #[doc(hidden)]
    pub fn open_at_version(
        path: &Path,
        country: Country,
        version: u32,
    ) -> Result<Self, StoreError> {
        let io_failed = |e: std::io::Error| StoreError::Open {
            path: path.to_path_buf(),
            source: rusqlite::Error::ToSqlConversionFailure(Box::new(e)),
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            private::create_dir(dir).map_err(io_failed)?;
        }
        private::secure_files(path).map_err(io_failed)?;
        let open_failed = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(open_failed)?;
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(open_failed)?;
        // 16 KiB pages for a new file (an existing one keeps its own): a call-log record with
        // its raw JSON is about 1.6 KiB, and 4 KiB pages held only two of them (a fifth of each
        // page unused), which cost a full sync 15 % more CPU in writes and checkpoints.
        // Switching a file to WAL needs a moment alone with it: while another connection is
        // creating the same new file (the window, its sync and a CLI opening at once), SQLite
        // answers "busy" at once rather than waiting, so that is waited out here.
        let settings = "PRAGMA page_size = 16384;
             PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -16000;";
        let patience = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            match conn.execute_batch(settings) {
                Ok(()) => break,
                Err(error)
                    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && std::time::Instant::now() < patience =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(error) => return Err(open_failed(error)),
            }
        }
        migrations::migrate(&mut conn, path, version)?;
        Ok(Self {
            conn,
            numbers: numbers::NumberBook::new(country),
            path: path.to_path_buf(),
        })
    }

    /// Another connection to the same file, for a bulk writer on another thread: not migrated
    /// again, starting with the numbers this one already read (reading a number is the costly
    /// part of storing a record), and with a 4 MiB page cache — appending pages touches little
    /// more than the right edge of each b-tree, and the default 16 MiB only raised a 100 000-call
    /// sync's peak memory by 11 MiB without saving any CPU.
    pub fn open_writer(&self) -> Result<Self, StoreError> {
        let store =
            Self::open_at_version(&self.path, self.numbers.country(), self.schema_version()?)?;
        store.conn.execute_batch("PRAGMA cache_size = -4096;")?;
        Ok(Self {
            numbers: self.numbers.clone(),
            ..store
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(migrations::version(&self.conn)?)
    }

    /// Starts a write transaction. Nothing is visible to other connections until
    /// [`Batch::commit`]; dropping the batch rolls it back.
    pub fn batch(&mut self) -> Result<Batch<'_>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(Batch::new(tx, &mut self.numbers))
    }

    /// Counts of what the cache holds, for `ringdesk status` and tests.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                    row.get::<_, i64>(0)
                })? as u64)
        };
        Ok(Counts {
            contacts: count("contacts")?,
            calls: count("calls")?,
            messages: count("messages")?,
            conversations: count("conversations")?,
            outbox_open: self.conn.query_row(
                "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending', 'unknown')",
                [],
                |row| row.get::<_, i64>(0),
            )? as u64,
        })
    }

    /// Runs SQLite's consistency checks: the b-trees, the foreign keys and the full-text indexes.
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        if verdict != "ok" {
            return Err(error::corrupt("database", verdict));
        }
        let broken: i64 =
            self.conn
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
                    row.get(0)
                })?;
        if broken > 0 {
            return Err(error::corrupt(
                "contact numbers",
                format!("{broken} orphans"),
            ));
        }
        for table in ["contacts_fts", "numbers_fts", "messages_fts"] {
            self.conn.execute(
                &format!("INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)"),
                [],
            )?;
        }
        Ok(())
    }
}

/// How much the cache holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Contacts of every source.
    pub contacts: u64,
    /// Call-log records.
    pub calls: u64,
    /// Messages.
    pub messages: u64,
    /// Conversations.
    pub conversations: u64,
    /// Outbox items not yet sent or failed.
    pub outbox_open: u64,
}

#[cfg(test)]
pub(crate) mod tests;
