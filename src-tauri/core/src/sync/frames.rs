//! Fetching frames — time windows of older history, or the gap a forced full sync left — page by
//! page, newest first, each page committed with the frame's new end (by the
//! [writer](super::writer), while the next page is fetched).

use std::future::Future;

use chrono::{DateTime, Duration, Utc};

use super::writer::{FrameEnd, Page, PageWriter};
use super::{FeedReport, ListPage, ProgressFn, Stage, SyncError, Upstream, UpstreamError, Window};
use crate::store::{Batch, Feed, Frame, FramePurpose, Store, StoreError};

/// How a feed's records are written and dated.
pub(super) trait FrameRecord {
    /// When the record happened (the listing's order).
    fn time(&self) -> DateTime<Utc>;
    /// Writes it.
    fn put(&self, batch: &mut Batch<'_>) -> Result<(), StoreError>;
}

/// Fetches every frame of `feed` until none is left. Pages are written by a [`PageWriter`]
/// while the next one is fetched; the frames are followed in memory as the writer changes them
/// in the cache (the same order as reading them back after each page: newest end first).
pub(super) async fn drain<R, F, Fut>(
    store: &mut Store,
    upstream: &impl Upstream,
    feed: Feed,
    fetch: F,
    report: &mut FeedReport,
    progress: ProgressFn<'_>,
) -> Result<(), SyncError>
where
    R: FrameRecord + Send + 'static,
    F: Fn(Window) -> Fut,
    Fut: Future<Output = Result<ListPage<R>, UpstreamError>>,
{
    let mut frames = store.frames(feed)?;
    if frames.is_empty() {
        return Ok(());
    }
    let mut writer = PageWriter::start(feed, store.open_writer()?)?;
    let mut fetched = Ok(());
    while let Some(frame) = next_frame(&frames) {
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
                fetched = Err(error);
                break;
            }
        };
        let oldest = page.records.iter().map(FrameRecord::time).min();
        let frame_end = match oldest.filter(|_| page.more) {
            None => FrameEnd::Remove,
            Some(oldest) => {
                // Fetch the oldest millisecond again (ties at the cut); ids de-duplicate it.
                let mut to = oldest + Duration::milliseconds(1);
                if to >= frame.to {
                    // A whole page in one millisecond: step past it rather than loop.
                    to = oldest;
                }
                FrameEnd::Shrink(to)
            }
        };
        follow(&mut frames, frame.id, frame_end);
        let page = Page {
            records: page.records,
            frame_id: frame.id,
            frame_end,
            activity: upstream.take_activity(),
            stage,
            total: page.total,
        };
        if !writer.queue(page, &mut report.stored, progress).await {
            break;
        }
    }
    writer.finish(&mut report.stored, progress).await?;
    super::answered(store, upstream, fetched)?;
    Ok(())
}

/// The frame to fetch next: the one ending last (ties: the older frame).
fn next_frame(frames: &[Frame]) -> Option<Frame> {
    frames
        .iter()
        .min_by_key(|f| (std::cmp::Reverse(f.to), f.id))
        .cloned()
}

/// Applies a page's `end` to the frames in memory, as the writer applies it in the cache.
fn follow(frames: &mut Vec<Frame>, id: i64, end: FrameEnd) {
    match end {
        FrameEnd::Remove => frames.retain(|f| f.id != id),
        FrameEnd::Shrink(to) => {
            for frame in frames.iter_mut().filter(|f| f.id == id) {
                frame.to = frame.to.min(to);
            }
            frames.retain(|f| f.to > f.from);
        }
    }
}
