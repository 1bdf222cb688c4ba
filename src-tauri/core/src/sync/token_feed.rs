//! What the call log and messages share: a full sync (FSync) that returns the newest records and
//! a token, incremental syncs (ISync) with that token, a full sync again when RingCentral refuses
//! the token (expired, too many changes) — leaving a *gap span* for what happened in between —
//! and older history drained span by span.

use chrono::{DateTime, Duration, Utc};

use super::spans::{self, SpanRecord};
use super::{
    log_failures, log_requests, report_stage, synced, FeedReport, ListPage, Progress, ProgressFn,
    Stage, SyncAnswer, SyncError, SyncOptions, Upstream, UpstreamError, Window,
};
use crate::store::{Batch, Feed, SpanPurpose, Store, StoreError, SyncState};

/// A feed RingCentral syncs with tokens and lists page by page.
#[allow(async_fn_in_trait)]
pub(super) trait TokenFeed {
    /// The feed in the cache.
    const FEED: Feed;
    /// Its name in messages.
    const NAME: &'static str;
    /// What a sync answer carries.
    type Item;
    /// What a page of older history carries.
    type Record: SpanRecord + Send + 'static;

    /// ISync: the changes since `token`.
    async fn incremental(
        upstream: &impl Upstream,
        token: &str,
        options: &SyncOptions,
    ) -> Result<SyncAnswer<Self::Item>, UpstreamError>;

    /// FSync: the newest records and a new token.
    async fn full(
        upstream: &impl Upstream,
        options: &SyncOptions,
    ) -> Result<SyncAnswer<Self::Item>, UpstreamError>;

    /// Just after the oldest moment a full sync's answer covers: the span of older history
    /// ends here.
    fn covered_from(answer: &SyncAnswer<Self::Item>, options: &SyncOptions) -> DateTime<Utc>;

    /// The time of the newest record already cached.
    fn newest_cached(store: &Store) -> Result<Option<DateTime<Utc>>, StoreError>;

    /// Writes an answer's records, counting them in `report`.
    fn write(
        batch: &mut Batch<'_>,
        answer: &SyncAnswer<Self::Item>,
        report: &mut FeedReport,
    ) -> Result<(), SyncError>;

    /// One page of older records.
    async fn page(
        upstream: &impl Upstream,
        window: Window,
        per_page: u32,
    ) -> Result<ListPage<Self::Record>, UpstreamError>;
}

/// Syncs feed `F`, adding to `report`: ISync when there is a token (FSync when RingCentral
/// asks for one), FSync otherwise, then the spans of older history.
pub(super) async fn sync<F: TokenFeed>(
    store: &mut Store,
    upstream: &impl Upstream,
    options: &SyncOptions,
    progress: ProgressFn<'_>,
    mut report: FeedReport,
) -> Result<FeedReport, SyncError> {
    let state = store.sync_state(F::FEED)?;
    match &state.token {
        Some(token) => {
            report.requests += 1;
            match F::incremental(upstream, token, options).await {
                Ok(answer) => {
                    let mut batch = store.batch()?;
                    F::write(&mut batch, &answer, &mut report)?;
                    batch.set_sync_state(F::FEED, &synced(&answer, &state))?;
                    log_requests(&mut batch, upstream)?;
                    batch.commit()?;
                    report_stage(progress, F::FEED, Stage::Incremental, &report);
                }
                Err(UpstreamError::FullSyncRequired { .. }) => {
                    log_failures(store, upstream)?;
                    full::<F>(store, upstream, options, &state, &mut report, progress).await?;
                }
                Err(error) => {
                    log_failures(store, upstream)?;
                    return Err(error.into());
                }
            }
        }
        None => full::<F>(store, upstream, options, &state, &mut report, progress).await?,
    }
    let per_page = options.per_page;
    spans::drain(
        store,
        upstream,
        F::FEED,
        |window| F::page(upstream, window, per_page),
        &mut report,
        progress,
    )
    .await?;
    progress(&Progress {
        feed: F::FEED,
        stage: Stage::Done,
        done: report.stored,
        total: Some(report.stored),
    });
    Ok(report)
}

/// FSync, plus the span that covers what it left out: all history before it on a first sync,
/// or the gap since the newest cached record on a forced one.
async fn full<F: TokenFeed>(
    store: &mut Store,
    upstream: &impl Upstream,
    options: &SyncOptions,
    state: &SyncState,
    report: &mut FeedReport,
    progress: ProgressFn<'_>,
) -> Result<(), SyncError> {
    report.full_sync = true;
    report.requests += 1;
    let answer = match F::full(upstream, options).await {
        Ok(answer) => answer,
        Err(UpstreamError::FullSyncRequired { .. }) => {
            log_failures(store, upstream)?;
            return Err(SyncError::FullSyncLoop { feed: F::NAME });
        }
        Err(error) => {
            log_failures(store, upstream)?;
            return Err(error.into());
        }
    };
    let previous_newest = F::newest_cached(store)?;
    let spans = store.spans(F::FEED)?;
    let boundary = F::covered_from(&answer, options);
    let mut batch = store.batch()?;
    F::write(&mut batch, &answer, report)?;
    let first_sync = previous_newest.is_none() && spans.is_empty() && state.token.is_none();
    if first_sync {
        batch.add_span(F::FEED, SpanPurpose::Backfill, options.horizon, boundary)?;
    } else {
        let since = previous_newest
            .or_else(|| spans.iter().map(|f| f.to).max())
            .unwrap_or(options.horizon);
        batch.add_span(
            F::FEED,
            SpanPurpose::Gap,
            since - Duration::minutes(1),
            boundary,
        )?;
    }
    batch.set_sync_state(F::FEED, &synced(&answer, state))?;
    log_requests(&mut batch, upstream)?;
    batch.commit()?;
    report_stage(progress, F::FEED, Stage::Full, report);
    Ok(())
}
