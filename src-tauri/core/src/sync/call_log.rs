//! The call log: FSync, ISync with its 250-change cap and forced full syncs, then frames.

use chrono::{DateTime, Duration, Utc};

use super::frames::{self, FrameRecord};
use super::synced;
use super::{
    log_failures, log_requests, Change, FeedReport, Progress, ProgressFn, Stage, SyncAnswer,
    SyncError, SyncOptions, Upstream, UpstreamError,
};
use crate::store::{Batch, CallRecord, Feed, FramePurpose, Store, StoreError, SyncState};

impl FrameRecord for CallRecord {
    fn time(&self) -> DateTime<Utc> {
        self.start
    }

    fn put(&self, batch: &mut Batch<'_>) -> Result<(), StoreError> {
        batch.put_call(self)
    }
}

/// Syncs the call log; see the module docs of [`crate::sync`].
pub(super) async fn sync(
    store: &mut Store,
    upstream: &impl Upstream,
    options: &SyncOptions,
    progress: ProgressFn<'_>,
) -> Result<FeedReport, SyncError> {
    let mut report = FeedReport::default();
    let state = store.sync_state(Feed::CallLog)?;
    match &state.token {
        Some(token) => {
            report.requests += 1;
            match upstream.call_log_sync(Some(token)).await {
                Ok(answer) => {
                    let mut batch = store.batch()?;
                    write(&mut batch, &answer, &mut report)?;
                    batch.set_sync_state(Feed::CallLog, &synced(&answer, &state))?;
                    log_requests(&mut batch, upstream)?;
                    batch.commit()?;
                    progress(&Progress {
                        feed: Feed::CallLog,
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
        Feed::CallLog,
        |window| upstream.call_log_page(window, per_page),
        &mut report,
        progress,
    )
    .await?;
    progress(&Progress {
        feed: Feed::CallLog,
        stage: Stage::Done,
        done: report.stored,
        total: Some(report.stored),
    });
    Ok(report)
}

/// FSync: the newest records and a new token, plus the frame that covers what it left out —
/// all history before it on a first sync, or the gap since the last stored call on a forced one.
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
    let answer = match upstream.call_log_sync(None).await {
        Ok(answer) => answer,
        Err(UpstreamError::FullSyncRequired { .. }) => {
            log_failures(store, upstream)?;
            return Err(SyncError::FullSyncLoop { feed: "call log" });
        }
        Err(error) => {
            log_failures(store, upstream)?;
            return Err(error.into());
        }
    };
    let previous_newest = store.newest_call_time()?;
    let frames = store.frames(Feed::CallLog)?;
    let oldest = answer
        .records
        .iter()
        .filter_map(|change| match change {
            Change::Put(call) => Some(call.start),
            Change::Delete(_) => None,
        })
        .min();
    let boundary = oldest
        .map(|t| t + Duration::milliseconds(1))
        .unwrap_or(answer.sync_time);
    let mut batch = store.batch()?;
    write(&mut batch, &answer, report)?;
    let first_sync = previous_newest.is_none() && frames.is_empty() && state.token.is_none();
    if first_sync {
        batch.add_frame(
            Feed::CallLog,
            FramePurpose::Backfill,
            options.horizon,
            boundary,
        )?;
    } else {
        let since = previous_newest
            .or_else(|| frames.iter().map(|f| f.to).max())
            .unwrap_or(options.horizon);
        batch.add_frame(
            Feed::CallLog,
            FramePurpose::Gap,
            since - Duration::minutes(1),
            boundary,
        )?;
    }
    batch.set_sync_state(Feed::CallLog, &synced(&answer, state))?;
    log_requests(&mut batch, upstream)?;
    batch.commit()?;
    progress(&Progress {
        feed: Feed::CallLog,
        stage: Stage::Full,
        done: report.stored,
        total: None,
    });
    Ok(())
}

fn write(
    batch: &mut Batch<'_>,
    answer: &SyncAnswer<Change<CallRecord>>,
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
