//! Messages: queued read-state changes go up first, then FSync / ISync (overlap de-duplicated by
//! id, `MSG-333` handled with a full sync and a gap frame), then frames of older SMS.

use chrono::{DateTime, Duration, Utc};

use super::frames::{self, FrameRecord};
use super::{
    log_failures, log_requests, synced, FeedReport, Progress, ProgressFn, Stage, SyncAnswer,
    SyncError, SyncOptions, Upstream, UpstreamError,
};
use crate::store::{Batch, Feed, FramePurpose, MessageRecord, Store, StoreError, SyncState};

/// Messages asked for in one full sync; older ones are backfilled page by page.
const FULL_SYNC_RECORDS: u32 = 1000;

/// Bulk read-state updates carry at most this many ids.
const READ_BATCH: usize = 50;

impl FrameRecord for MessageRecord {
    fn time(&self) -> DateTime<Utc> {
        self.created
    }

    fn put(&self, batch: &mut Batch<'_>) -> Result<(), StoreError> {
        batch.put_message(self)
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
    let state = store.sync_state(Feed::Messages)?;
    match &state.token {
        Some(token) => {
            report.requests += 1;
            match upstream.message_sync(Some(token), options.now, 0).await {
                Ok(answer) => {
                    let mut batch = store.batch()?;
                    write(&mut batch, &answer, &mut report)?;
                    batch.set_sync_state(Feed::Messages, &synced(&answer, &state))?;
                    log_requests(&mut batch, upstream)?;
                    batch.commit()?;
                    progress(&Progress {
                        feed: Feed::Messages,
                        stage: Stage::Incremental,
                        done: report.stored,
                        total: None,
                    });
                }
                Err(UpstreamError::FullSyncRequired { .. }) => {
                    log_failures(store, upstream)?;
                    full(store, upstream, options, &state, &mut report, progress).await?;
                }
                Err(error) => {
                    log_failures(store, upstream)?;
                    return Err(error.into());
                }
            }
        }
        None => full(store, upstream, options, &state, &mut report, progress).await?,
    }
    let per_page = options.per_page;
    frames::drain(
        store,
        upstream,
        Feed::Messages,
        |window| upstream.message_page(window, per_page),
        &mut report,
        progress,
    )
    .await?;
    progress(&Progress {
        feed: Feed::Messages,
        stage: Stage::Done,
        done: report.stored,
        total: Some(report.stored),
    });
    Ok(report)
}

async fn full(
    store: &mut Store,
    upstream: &impl Upstream,
    options: &SyncOptions,
    state: &SyncState,
    report: &mut FeedReport,
    progress: ProgressFn<'_>,
) -> Result<(), SyncError> {
    report.full_sync = true;
    report.requests += 1;
    let date_from = options.now - options.message_window;
    let answer = match upstream
        .message_sync(None, date_from, FULL_SYNC_RECORDS)
        .await
    {
        Ok(answer) => answer,
        Err(UpstreamError::FullSyncRequired { .. }) => {
            log_failures(store, upstream)?;
            return Err(SyncError::FullSyncLoop { feed: "messages" });
        }
        Err(error) => {
            log_failures(store, upstream)?;
            return Err(error.into());
        }
    };
    let previous_newest = store.newest_message_time()?;
    let frames = store.frames(Feed::Messages)?;
    let truncated = answer.records.len() >= FULL_SYNC_RECORDS as usize;
    let boundary = match answer.records.iter().map(|m| m.created).min() {
        Some(oldest) if truncated => oldest,
        _ => date_from,
    } + Duration::milliseconds(1);
    let mut batch = store.batch()?;
    write(&mut batch, &answer, report)?;
    let first_sync = previous_newest.is_none() && frames.is_empty() && state.token.is_none();
    if first_sync {
        batch.add_frame(
            Feed::Messages,
            FramePurpose::Backfill,
            options.horizon,
            boundary,
        )?;
    } else {
        let since = previous_newest
            .or_else(|| frames.iter().map(|f| f.to).max())
            .unwrap_or(options.horizon);
        batch.add_frame(
            Feed::Messages,
            FramePurpose::Gap,
            since - Duration::minutes(1),
            boundary,
        )?;
    }
    batch.set_sync_state(Feed::Messages, &synced(&answer, state))?;
    log_requests(&mut batch, upstream)?;
    batch.commit()?;
    progress(&Progress {
        feed: Feed::Messages,
        stage: Stage::Full,
        done: report.stored,
        total: None,
    });
    Ok(())
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
