//! Fetching spans — time windows of older history, or the gap a forced full sync left — page by
//! page, newest first, each page committed with the span's new end (by the
//! [writer](super::writer), while the next page is fetched).

use std::future::Future;

use chrono::{DateTime, Duration, Utc};

use super::writer::{Page, PageWriter, SpanEnd};
use super::{FeedReport, ListPage, ProgressFn, Stage, SyncError, Upstream, UpstreamError, Window};
use crate::store::{Batch, Feed, Span, SpanPurpose, Store, StoreError};

/// How a feed's records are written and dated.
pub(super) trait SpanRecord {
    /// When the record happened (the listing's order).
    fn time(&self) -> DateTime<Utc>;
    /// Writes it.
    fn put(&self, batch: &mut Batch<'_>) -> Result<(), StoreError>;
}

/// Fetches every span of `feed` until none is left. Pages are written by a [`PageWriter`]
/// while the next one is fetched; the spans are followed in memory as the writer changes them
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
    R: SpanRecord + Send + 'static,
    F: Fn(Window) -> Fut,
    Fut: Future<Output = Result<ListPage<R>, UpstreamError>>,
{
    let mut spans = store.spans(feed)?;
    if spans.is_empty() {
        return Ok(());
    }
    let mut writer = PageWriter::start(feed, store.open_writer()?)?;
    let mut fetched = Ok(());
    while let Some(span) = next_span(&spans) {
        let stage = match span.purpose {
            SpanPurpose::Backfill => Stage::Backfill,
            SpanPurpose::Gap => Stage::Gap,
        };
        report.requests += 1;
        let page = match fetch(Window {
            from: span.from,
            to: span.to,
        })
        .await
        {
            Ok(page) => page,
            Err(error) => {
                fetched = Err(error);
                break;
            }
        };
        let oldest = page.records.iter().map(SpanRecord::time).min();
        let span_end = match oldest.filter(|_| page.more) {
            None => SpanEnd::Remove,
            Some(oldest) => {
                // Fetch the oldest millisecond again (ties at the cut); ids de-duplicate it.
                let mut to = oldest + Duration::milliseconds(1);
                if to >= span.to {
                    // A whole page in one millisecond: step past it rather than loop.
                    to = oldest;
                }
                SpanEnd::Shrink(to)
            }
        };
        follow(&mut spans, span.id, span_end);
        let page = Page {
            records: page.records,
            span_id: span.id,
            span_end,
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

/// The span to fetch next: the one ending last (ties: the older span).
fn next_span(spans: &[Span]) -> Option<Span> {
    spans
        .iter()
        .min_by_key(|f| (std::cmp::Reverse(f.to), f.id))
        .cloned()
}

/// Applies a page's `end` to the spans in memory, as the writer applies it in the cache.
fn follow(spans: &mut Vec<Span>, id: i64, end: SpanEnd) {
    match end {
        SpanEnd::Remove => spans.retain(|f| f.id != id),
        SpanEnd::Shrink(to) => {
            for span in spans.iter_mut().filter(|f| f.id == id) {
                span.to = span.to.min(to);
            }
            spans.retain(|f| f.to > f.from);
        }
    }
}
