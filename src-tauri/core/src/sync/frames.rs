//! Fetching frames — time windows of older history, or the gap a forced full sync left — page by
//! page, newest first, each page committed with the frame's new end.

use std::future::Future;

use chrono::{DateTime, Duration, Utc};

use super::SyncError;
use super::{
    log_requests, FeedReport, ListPage, Progress, ProgressFn, Stage, Upstream, UpstreamError,
    Window,
};
use crate::store::{Batch, Feed, FramePurpose, Store, StoreError};

/// How a feed's records are written and dated.
pub(super) trait FrameRecord {
    /// When the record happened (the listing's order).
    fn time(&self) -> DateTime<Utc>;
    /// Writes it.
    fn put(&self, batch: &mut Batch<'_>) -> Result<(), StoreError>;
}

/// Fetches every frame of `feed` until none is left.
pub(super) async fn drain<R, F, Fut>(
    store: &mut Store,
    upstream: &impl Upstream,
    feed: Feed,
    fetch: F,
    report: &mut FeedReport,
    progress: ProgressFn<'_>,
) -> Result<(), SyncError>
where
    R: FrameRecord,
    F: Fn(Window) -> Fut,
    Fut: Future<Output = Result<ListPage<R>, UpstreamError>>,
{
    loop {
        let frames = store.frames(feed)?;
        let Some(frame) = frames.first() else {
            return Ok(());
        };
        let stage = match frame.purpose {
            FramePurpose::Backfill => Stage::Backfill,
            FramePurpose::Gap => Stage::Gap,
        };
        report.requests += 1;
        let page = match fetch(Window {
            from: frame.from,
            to: frame.to,
        })
        .await
        {
            Ok(page) => page,
            Err(error) => {
                super::log_failures(store, upstream)?;
                return Err(error.into());
            }
        };
        let mut batch = store.batch()?;
        for record in &page.records {
            record.put(&mut batch)?;
        }
        let oldest = page.records.iter().map(FrameRecord::time).min();
        match oldest.filter(|_| page.more) {
            None => batch.remove_frame(frame.id)?,
            Some(oldest) => {
                // Fetch the oldest millisecond again (ties at the cut); ids de-duplicate it.
                let mut to = oldest + Duration::milliseconds(1);
                if to >= frame.to {
                    // A whole page in one millisecond: step past it rather than loop.
                    to = oldest;
                }
                batch.shrink_frame(frame.id, to)?;
            }
        }
        log_requests(&mut batch, upstream)?;
        batch.commit()?;
        let stored = page.records.len() as u64;
        report.stored += stored;
        progress(&Progress {
            feed,
            stage,
            done: report.stored,
            total: page.total.map(|t| report.stored - stored + t),
        });
    }
}
