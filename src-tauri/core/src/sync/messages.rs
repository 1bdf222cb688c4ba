//! Messages: queued read-state changes go up first, then FSync / ISync (overlap de-duplicated by
//! id, `MSG-333` handled with a full sync and a gap span), then spans of older SMS.

use chrono::{DateTime, Duration, Utc};

use super::spans::SpanRecord;
use super::token_feed::{self, TokenFeed};
use super::{
    log_failures, FeedReport, ListPage, ProgressFn, SyncAnswer, SyncError, SyncOptions, Upstream,
    UpstreamError, Window,
};
use crate::store::{Batch, Feed, MessageRecord, Store, StoreError};

/// Messages asked for in one full sync; older ones are backfilled page by page.
const FULL_SYNC_RECORDS: u32 = 1000;

/// Bulk read-state updates carry at most this many ids.
const READ_BATCH: usize = 50;

impl SpanRecord for MessageRecord {
    fn time(&self) -> DateTime<Utc> {
        self.created
    }

    fn put(&self, batch: &mut Batch<'_>) -> Result<(), StoreError> {
        batch.put_message(self)
    }
}

/// Messages as a [`TokenFeed`].
pub(super) struct Messages;

impl TokenFeed for Messages {
    const FEED: Feed = Feed::Messages;
    const NAME: &'static str = "messages";
    type Item = MessageRecord;
    type Record = MessageRecord;

    async fn incremental(
        upstream: &impl Upstream,
        token: &str,
        options: &SyncOptions,
    ) -> Result<SyncAnswer<MessageRecord>, UpstreamError> {
        upstream.message_sync(Some(token), options.now, 0).await
    }

    /// The last `message_window` (a week), at most [`FULL_SYNC_RECORDS`] messages.
    async fn full(
        upstream: &impl Upstream,
        options: &SyncOptions,
    ) -> Result<SyncAnswer<MessageRecord>, UpstreamError> {
        upstream
            .message_sync(None, full_sync_from(options), FULL_SYNC_RECORDS)
            .await
    }

    /// The start of the window, or the oldest message when the answer was cut at
    /// [`FULL_SYNC_RECORDS`].
    fn covered_from(answer: &SyncAnswer<MessageRecord>, options: &SyncOptions) -> DateTime<Utc> {
        let truncated = answer.records.len() >= FULL_SYNC_RECORDS as usize;
        let from = match answer.records.iter().map(|m| m.created).min() {
            Some(oldest) if truncated => oldest,
            _ => full_sync_from(options),
        };
        from + Duration::milliseconds(1)
    }

    fn newest_cached(store: &Store) -> Result<Option<DateTime<Utc>>, StoreError> {
        store.newest_message_time()
    }

    fn write(
        batch: &mut Batch<'_>,
        answer: &SyncAnswer<MessageRecord>,
        report: &mut FeedReport,
    ) -> Result<(), SyncError> {
        for message in &answer.records {
            batch.put_message(message)?;
            if message.deleted {
                report.removed += 1;
            } else {
                report.stored += 1;
            }
        }
        Ok(())
    }

    async fn page(
        upstream: &impl Upstream,
        window: Window,
        per_page: u32,
    ) -> Result<ListPage<MessageRecord>, UpstreamError> {
        upstream.message_page(window, per_page).await
    }
}

/// Syncs messages; see the module docs of [`crate::sync`].
pub(super) async fn sync(
    store: &mut Store,
    upstream: &impl Upstream,
    options: &SyncOptions,
    progress: ProgressFn<'_>,
) -> Result<FeedReport, SyncError> {
    let mut report = FeedReport::default();
    push_read_state(store, upstream, &mut report).await?;
    token_feed::sync::<Messages>(store, upstream, options, progress, report).await
}

fn full_sync_from(options: &SyncOptions) -> DateTime<Utc> {
    options.now - options.message_window
}

/// Sends read-state changes made here; offline, they stay queued for the next sync.
async fn push_read_state(
    store: &mut Store,
    upstream: &impl Upstream,
    report: &mut FeedReport,
) -> Result<(), SyncError> {
    loop {
        let queued = store.queued_read_changes(READ_BATCH)?;
        let Some(&(_, read)) = queued.first() else {
            return Ok(());
        };
        let same: Vec<(i64, bool)> = queued.into_iter().filter(|(_, r)| *r == read).collect();
        let ids: Vec<i64> = same.iter().map(|(id, _)| *id).collect();
        report.requests += 1;
        match upstream.mark_read(&ids, read).await {
            // A refusal (a message deleted meanwhile) will not change on retry: drop it too.
            Ok(()) | Err(UpstreamError::Refused { .. }) => {
                log_failures(store, upstream)?;
                store.clear_read_changes(&same)?;
            }
            Err(UpstreamError::NotSent { .. } | UpstreamError::Ambiguous { .. }) => {
                return log_failures(store, upstream);
            }
            Err(error) => {
                log_failures(store, upstream)?;
                return Err(error.into());
            }
        }
    }
}
