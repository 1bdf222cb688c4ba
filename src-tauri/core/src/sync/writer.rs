//! Writing fetched pages on a thread of its own, with its own connection to the cache, so the
//! next page is fetched and decoded while this one is written: a full sync's SQLite work and
//! its network and JSON work overlap instead of taking turns.
//!
//! The queue holds one page: with the page being written and the one being fetched, at most
//! three pages are in memory however long the sync runs. Pages are committed in the order they
//! were queued, each in one transaction with its span's new end and the activity rows of its
//! request, exactly as if they were written in place.

use std::thread::JoinHandle;

use tokio::sync::mpsc;

use super::spans::SpanRecord;
use super::{Progress, ProgressFn, Stage, SyncError};
use crate::store::{ActivityEntry, Feed, Store, StoreError};

/// What a page does to the span it was fetched from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SpanEnd {
    /// Everything at or after this time is now stored.
    Shrink(chrono::DateTime<chrono::Utc>),
    /// The span is fully fetched.
    Remove,
}

/// One fetched page to store.
pub(super) struct Page<R> {
    /// The records.
    pub records: Vec<R>,
    /// The span the page was fetched from.
    pub span_id: i64,
    /// What the page does to it.
    pub span_end: SpanEnd,
    /// The activity rows of the request that fetched it.
    pub activity: Vec<ActivityEntry>,
    /// For the progress event once it is stored.
    pub stage: Stage,
    /// Records left in the span from this page on, when RingCentral says.
    pub total: Option<u64>,
}

/// A page the writer committed, for the report and the progress event.
struct Written {
    stored: u64,
    stage: Stage,
    total: Option<u64>,
}

/// A writer thread and the queue to it.
pub(super) struct PageWriter<R> {
    feed: Feed,
    /// The queue; `None` once closed.
    pages: Option<mpsc::Sender<Page<R>>>,
    written: mpsc::UnboundedReceiver<Result<Written, StoreError>>,
    thread: JoinHandle<()>,
    failure: Option<SyncError>,
}

impl<R: SpanRecord + Send + 'static> PageWriter<R> {
    /// Starts a writer over `store` (a connection of its own).
    pub(super) fn start(feed: Feed, mut store: Store) -> Result<Self, SyncError> {
        let (pages, mut queue) = mpsc::channel::<Page<R>>(1);
        let (done, written) = mpsc::unbounded_channel();
        let thread = std::thread::Builder::new()
            .name("ringdesk-cache-writer".into())
            .spawn(move || {
                while let Some(page) = queue.blocking_recv() {
                    let result = write(&mut store, page);
                    let failed = result.is_err();
                    if done.send(result).is_err() || failed {
                        break;
                    }
                }
            })
            .map_err(|source| SyncError::Writer { source })?;
        Ok(Self {
            feed,
            pages: Some(pages),
            written,
            thread,
            failure: None,
        })
    }

    /// Queues `page`, waiting while the queue is full, and reports the pages committed
    /// meanwhile. `false` when the writer has stopped (its error comes from [`Self::finish`]).
    pub(super) async fn queue(
        &mut self,
        page: Page<R>,
        stored: &mut u64,
        progress: ProgressFn<'_>,
    ) -> bool {
        let sent = match &self.pages {
            Some(pages) => pages.send(page).await.is_ok(),
            None => false,
        };
        while let Ok(result) = self.written.try_recv() {
            self.account(result, stored, progress);
        }
        sent && self.failure.is_none()
    }

    /// Waits until every queued page is committed (or the writer failed) and stops the thread.
    pub(super) async fn finish(
        mut self,
        stored: &mut u64,
        progress: ProgressFn<'_>,
    ) -> Result<(), SyncError> {
        self.pages = None;
        while let Some(result) = self.written.recv().await {
            self.account(result, stored, progress);
        }
        // The thread has left its loop (the channel closed); joining is immediate.
        if self.thread.join().is_err() && self.failure.is_none() {
            self.failure = Some(SyncError::Writer {
                source: std::io::Error::other("the cache writer thread panicked"),
            });
        }
        self.failure.map_or(Ok(()), Err)
    }

    fn account(
        &mut self,
        result: Result<Written, StoreError>,
        stored: &mut u64,
        progress: ProgressFn<'_>,
    ) {
        match result {
            Ok(page) => {
                *stored += page.stored;
                progress(&Progress {
                    feed: self.feed,
                    stage: page.stage,
                    done: *stored,
                    total: page.total.map(|t| *stored - page.stored + t),
                });
            }
            Err(error) => self.failure = Some(error.into()),
        }
    }
}

/// Commits one page with its span's new end and its activity rows.
fn write<R: SpanRecord>(store: &mut Store, page: Page<R>) -> Result<Written, StoreError> {
    let mut batch = store.batch()?;
    for record in &page.records {
        record.put(&mut batch)?;
    }
    match page.span_end {
        SpanEnd::Shrink(to) => batch.shrink_span(page.span_id, to)?,
        SpanEnd::Remove => batch.remove_span(page.span_id)?,
    }
    for entry in &page.activity {
        batch.log_activity(entry)?;
    }
    batch.commit()?;
    Ok(Written {
        stored: page.records.len() as u64,
        stage: page.stage,
        total: page.total,
    })
}
