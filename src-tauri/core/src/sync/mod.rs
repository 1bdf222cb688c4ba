//! The sync engine: RingCentral → the local cache, incrementally.
//!
//! - **Call log**: `call-log-sync` FSync (the newest 250), then ISync with its token. More than
//!   250 changes, or an expired token (`CLG-101`…`105`), forces a new FSync; the calls between
//!   the last stored one and the FSync's oldest become a *gap span*. Older history is a
//!   *backfill span* fetched with paged `call-log` (`perPage` 1000, newest first, the span's
//!   `dateTo` moving down page by page) as far back as [`SyncOptions::horizon`].
//! - **Messages**: `message-sync` FSync of the last week, then ISync (the 5-second overlap is
//!   de-duplicated by id; `MSG-333` forces a full sync and a gap span); older SMS are backfilled
//!   with paged `message-store` listings. Local read-state changes are sent first.
//! - **Contacts**: `address-book-sync` (paged FSync resumable by page id, then ISync with
//!   deletions) and the company directory, each full pass sweeping what it no longer saw.
//!
//! Every page is written in one [`Batch`](crate::store::Batch) together with the sync token or
//! span that covers it (and the activity-log rows of its request): a process killed at any
//! point leaves a consistent cache, and the next sync resumes without duplicates. Pages are
//! written as they arrive, never collected. Progress is reported through a callback as
//! [`Progress`] events. Requests are background work: the client keeps the last part of every
//! rate-limit budget for the agent and lets a waiting call or SMS go first.

mod call_log;
mod contacts;
mod error;
mod messages;
pub(crate) mod ringcentral;
mod spans;
mod token_feed;
mod upstream;
mod writer;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::store::{Feed, Store};

pub use error::{SyncError, UpstreamError};
pub use ringcentral::RingCentral;
pub use upstream::{Change, ListPage, SyncAnswer, Upstream, Window};

/// How a sync runs.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// "Now", for spans and the outbox (passed in so tests are deterministic).
    pub now: DateTime<Utc>,
    /// How far back the backfill reaches.
    pub horizon: DateTime<Utc>,
    /// Records per page of a backfill listing (RingCentral allows up to 1000).
    pub per_page: u32,
    /// How far back the messages full sync reaches; older messages are backfilled.
    pub message_window: Duration,
    /// Which feeds to sync.
    pub feeds: Vec<Feed>,
}

impl SyncOptions {
    /// Every feed, backfilling ten years, 1000 records a page.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            now,
            horizon: now - Duration::days(3650),
            per_page: 1000,
            message_window: Duration::days(7),
            feeds: vec![
                Feed::CallLog,
                Feed::Messages,
                Feed::Contacts,
                Feed::Directory,
            ],
        }
    }
}

/// What a sync is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// A full sync (FSync) of the feed.
    Full,
    /// An incremental sync (ISync).
    Incremental,
    /// Fetching older history.
    Backfill,
    /// Fetching what a forced full sync skipped.
    Gap,
    /// Finished the feed.
    Done,
}

/// A progress event: records stored so far in this feed, and the total when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// The feed.
    pub feed: Feed,
    /// What it is doing.
    pub stage: Stage,
    /// Records stored so far in this feed during this sync.
    pub done: u64,
    /// Records expected in this feed, when RingCentral says.
    pub total: Option<u64>,
}

/// What one feed's sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FeedReport {
    /// Records written (new or updated).
    pub stored: u64,
    /// Records removed (deleted upstream).
    pub removed: u64,
    /// Requests sent.
    pub requests: u32,
    /// A full sync ran (first sync, or forced by RingCentral).
    pub full_sync: bool,
}

/// What a sync did, per feed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// The call log.
    pub call_log: FeedReport,
    /// Messages.
    pub messages: FeedReport,
    /// Personal contacts.
    pub contacts: FeedReport,
    /// The company directory.
    pub directory: FeedReport,
}

/// Reports progress; `Sync` so a sync future can move between threads.
pub type ProgressFn<'a> = &'a (dyn Fn(&Progress) + Sync);

/// Syncs every feed in `options.feeds` from `upstream` into `store`, in order. Stops at the
/// first error; what was stored stays, and the next sync resumes.
pub async fn sync_all(
    store: &mut Store,
    upstream: &impl Upstream,
    options: &SyncOptions,
    progress: ProgressFn<'_>,
) -> Result<SyncReport, SyncError> {
    let mut report = SyncReport::default();
    for feed in &options.feeds {
        match feed {
            Feed::CallLog => {
                report.call_log = call_log::sync(store, upstream, options, progress).await?
            }
            Feed::Messages => {
                report.messages = messages::sync(store, upstream, options, progress).await?
            }
            Feed::Contacts => {
                report.contacts = contacts::sync_personal(store, upstream, progress).await?
            }
            Feed::Directory => {
                report.directory =
                    contacts::sync_directory(store, upstream, options.now, progress).await?
            }
        }
    }
    Ok(report)
}

/// Writes the activity rows of the requests just made into `batch`.
pub(crate) fn log_requests(
    batch: &mut crate::store::Batch<'_>,
    upstream: &impl Upstream,
) -> Result<(), SyncError> {
    for entry in upstream.take_activity() {
        batch.log_activity(&entry)?;
    }
    Ok(())
}

/// Writes the activity rows of failed requests (no batch of records to join).
pub(crate) fn log_failures(store: &mut Store, upstream: &impl Upstream) -> Result<(), SyncError> {
    for entry in upstream.take_activity() {
        store.log_activity(&entry)?;
    }
    Ok(())
}

/// A request's answer, or its error once the failed requests are in the activity log.
pub(crate) fn answered<T>(
    store: &mut Store,
    upstream: &impl Upstream,
    answer: Result<T, UpstreamError>,
) -> Result<T, SyncError> {
    if answer.is_err() {
        log_failures(store, upstream)?;
    }
    Ok(answer?)
}

/// Reports the records stored so far at `stage` (total unknown).
fn report_stage(progress: ProgressFn<'_>, feed: Feed, stage: Stage, report: &FeedReport) {
    progress(&Progress {
        feed,
        stage,
        done: report.stored,
        total: None,
    });
}

/// The state after a sync answer: its token and time, no page in progress.
fn synced<T>(answer: &SyncAnswer<T>, state: &crate::store::SyncState) -> crate::store::SyncState {
    crate::store::SyncState {
        token: Some(answer.token.clone()),
        synced_at: Some(answer.sync_time),
        page_cursor: None,
        generation: state.generation,
    }
}

#[cfg(test)]
mod tests;
