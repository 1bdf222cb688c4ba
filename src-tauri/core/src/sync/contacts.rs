//! Contacts: the personal address book (`address-book-sync`: a paged FSync resumable by page id,
//! then ISync with deletions) and the company directory (paged, fully refreshed). Each full pass
//! stamps a new generation on what it sees and sweeps the rest. Local contacts are untouched.

use chrono::{DateTime, Utc};

use super::{
    answered, log_requests, report_stage, Change, FeedReport, Progress, ProgressFn, Stage,
    SyncError, Upstream, UpstreamError,
};
use crate::store::{ContactSource, Feed, Store, SyncState};

/// Syncs personal contacts.
pub(super) async fn sync_personal(
    store: &mut Store,
    upstream: &impl Upstream,
    progress: ProgressFn<'_>,
) -> Result<FeedReport, SyncError> {
    let mut report = FeedReport::default();
    let state = store.sync_state(Feed::Contacts)?;
    if let (Some(token), None) = (&state.token, &state.page_cursor) {
        match incremental(store, upstream, token, &state, &mut report, progress).await {
            Err(SyncError::Upstream(UpstreamError::FullSyncRequired { .. })) => {}
            other => return other.map(|()| report),
        }
    }
    full(store, upstream, &state, &mut report, progress).await?;
    Ok(report)
}

async fn incremental(
    store: &mut Store,
    upstream: &impl Upstream,
    token: &str,
    state: &SyncState,
    report: &mut FeedReport,
    progress: ProgressFn<'_>,
) -> Result<(), SyncError> {
    let mut page: Option<String> = None;
    loop {
        report.requests += 1;
        let answer = upstream
            .address_book_sync(Some(token), page.as_deref())
            .await;
        let answer = answered(store, upstream, answer)?;
        let mut batch = store.batch()?;
        for change in &answer.records {
            match change {
                Change::Put(contact) => {
                    batch.put_contact(ContactSource::Personal, contact, state.generation)?;
                    report.stored += 1;
                }
                Change::Delete(id) => {
                    batch.remove_contact(ContactSource::Personal, id)?;
                    report.removed += 1;
                }
            }
        }
        if answer.next_page.is_none() {
            batch.set_sync_state(Feed::Contacts, &super::synced(&answer, state))?;
        }
        log_requests(&mut batch, upstream)?;
        batch.commit()?;
        report_stage(progress, Feed::Contacts, Stage::Incremental, report);
        match answer.next_page {
            Some(next) => page = Some(next),
            None => return Ok(()),
        }
    }
}

async fn full(
    store: &mut Store,
    upstream: &impl Upstream,
    state: &SyncState,
    report: &mut FeedReport,
    progress: ProgressFn<'_>,
) -> Result<(), SyncError> {
    report.full_sync = true;
    // Resume an interrupted full sync on its page and generation; else start a new generation.
    let (mut page, generation) = match &state.page_cursor {
        Some(cursor) if state.token.is_none() => (Some(cursor.clone()), state.generation),
        _ => (None, state.generation + 1),
    };
    loop {
        report.requests += 1;
        let answer = upstream.address_book_sync(None, page.as_deref()).await;
        let answer = answered(store, upstream, answer)?;
        let mut batch = store.batch()?;
        for change in &answer.records {
            if let Change::Put(contact) = change {
                batch.put_contact(ContactSource::Personal, contact, generation)?;
                report.stored += 1;
            }
        }
        let next = SyncState {
            token: None,
            synced_at: state.synced_at,
            page_cursor: answer.next_page.clone(),
            generation,
        };
        if answer.next_page.is_none() {
            report.removed += batch.sweep_contacts(ContactSource::Personal, generation)? as u64;
            let done = SyncState {
                generation,
                ..super::synced(&answer, state)
            };
            batch.set_sync_state(Feed::Contacts, &done)?;
        } else {
            batch.set_sync_state(Feed::Contacts, &next)?;
        }
        log_requests(&mut batch, upstream)?;
        batch.commit()?;
        report_stage(progress, Feed::Contacts, Stage::Full, report);
        match answer.next_page {
            Some(next) => page = Some(next),
            None => return Ok(()),
        }
    }
}

/// Refreshes the company directory page by page (resuming an interrupted pass).
pub(super) async fn sync_directory(
    store: &mut Store,
    upstream: &impl Upstream,
    now: DateTime<Utc>,
    progress: ProgressFn<'_>,
) -> Result<FeedReport, SyncError> {
    let mut report = FeedReport {
        full_sync: true,
        ..FeedReport::default()
    };
    let state = store.sync_state(Feed::Directory)?;
    let resume = state
        .page_cursor
        .as_deref()
        .and_then(|p| p.parse::<u32>().ok());
    let (mut page, generation) = match resume {
        Some(page) => (page, state.generation),
        None => (1, state.generation + 1),
    };
    loop {
        report.requests += 1;
        let answer = upstream.directory_page(page).await;
        let answer = answered(store, upstream, answer)?;
        let mut batch = store.batch()?;
        for entry in &answer.records {
            batch.put_contact(ContactSource::Directory, entry, generation)?;
        }
        report.stored += answer.records.len() as u64;
        let more = answer.more && !answer.records.is_empty();
        if more {
            let next = SyncState {
                page_cursor: Some((page + 1).to_string()),
                generation,
                ..state.clone()
            };
            batch.set_sync_state(Feed::Directory, &next)?;
        } else {
            report.removed += batch.sweep_contacts(ContactSource::Directory, generation)? as u64;
            let done = SyncState {
                token: None,
                synced_at: Some(now),
                page_cursor: None,
                generation,
            };
            batch.set_sync_state(Feed::Directory, &done)?;
        }
        log_requests(&mut batch, upstream)?;
        batch.commit()?;
        progress(&Progress {
            feed: Feed::Directory,
            stage: if more { Stage::Full } else { Stage::Done },
            done: report.stored,
            total: answer.total,
        });
        if !more {
            return Ok(report);
        }
        page += 1;
    }
}
