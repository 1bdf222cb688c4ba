//! The call log: FSync, ISync with its 250-change cap and forced full syncs, then spans.

use chrono::{DateTime, Duration, Utc};

use super::spans::SpanRecord;
use super::token_feed::{self, TokenFeed};
use super::{
    Change, FeedReport, ListPage, ProgressFn, SyncAnswer, SyncError, SyncOptions, Upstream,
    UpstreamError, Window,
};
use crate::store::{Batch, CallRecord, Feed, Store, StoreError};

impl SpanRecord for CallRecord {
    fn time(&self) -> DateTime<Utc> {
        self.start
    }

    fn put(&self, batch: &mut Batch<'_>) -> Result<(), StoreError> {
        batch.put_call(self)
    }
}

/// The call log as a [`TokenFeed`].
pub(super) struct CallLog;

impl TokenFeed for CallLog {
    const FEED: Feed = Feed::CallLog;
    const NAME: &'static str = "call log";
    type Item = Change<CallRecord>;
    type Record = CallRecord;

    async fn incremental(
        upstream: &impl Upstream,
        token: &str,
        _options: &SyncOptions,
    ) -> Result<SyncAnswer<Self::Item>, UpstreamError> {
        upstream.call_log_sync(Some(token)).await
    }

    async fn full(
        upstream: &impl Upstream,
        _options: &SyncOptions,
    ) -> Result<SyncAnswer<Self::Item>, UpstreamError> {
        upstream.call_log_sync(None).await
    }

    /// Just after the oldest call the FSync returned (at most 250 of the newest).
    fn covered_from(answer: &SyncAnswer<Self::Item>, _options: &SyncOptions) -> DateTime<Utc> {
        answer
            .records
            .iter()
            .filter_map(|change| match change {
                Change::Put(call) => Some(call.start),
                Change::Delete(_) => None,
            })
            .min()
            .map(|t| t + Duration::milliseconds(1))
            .unwrap_or(answer.sync_time)
    }

    fn newest_cached(store: &Store) -> Result<Option<DateTime<Utc>>, StoreError> {
        store.newest_call_time()
    }

    fn write(
        batch: &mut Batch<'_>,
        answer: &SyncAnswer<Self::Item>,
        report: &mut FeedReport,
    ) -> Result<(), SyncError> {
        for change in &answer.records {
            match change {
                Change::Put(call) => {
                    batch.put_call(call)?;
                    report.stored += 1;
                }
                Change::Delete(id) => {
                    batch.remove_call(id)?;
                    report.removed += 1;
                }
            }
        }
        Ok(())
    }

    async fn page(
        upstream: &impl Upstream,
        window: Window,
        per_page: u32,
    ) -> Result<ListPage<CallRecord>, UpstreamError> {
        upstream.call_log_page(window, per_page).await
    }
}

/// Syncs the call log; see the module docs of [`crate::sync`].
pub(super) async fn sync(
    store: &mut Store,
    upstream: &impl Upstream,
    options: &SyncOptions,
    progress: ProgressFn<'_>,
) -> Result<FeedReport, SyncError> {
    token_feed::sync::<CallLog>(store, upstream, options, progress, FeedReport::default()).await
}
