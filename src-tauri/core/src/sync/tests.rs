//! Sync engine tests with a scripted upstream: canned `call-log-sync` answers in order, and a
//! paged call-log listing served from a fixed history, against a real SQLite file.

use std::cell::RefCell;
use std::collections::VecDeque;

use chrono::Duration;

use super::*;
use crate::store::tests::fixtures::{call, store, t0};
use crate::store::{ActivityEntry, CallRecord, ContactRecord, Direction, MessageRecord};

type CallLogAnswer = Result<SyncAnswer<Change<CallRecord>>, UpstreamError>;

/// RingCentral's call log as a script. Only the call log is scripted: the other feeds are not
/// synced by these tests, and any request for them fails the test.
#[derive(Default)]
struct Scripted {
    /// What `call-log-sync` answers, in order.
    syncs: RefCell<VecDeque<CallLogAnswer>>,
    /// Every call the paged listing knows, in any order.
    history: Vec<CallRecord>,
    /// The tokens `call-log-sync` was asked with, in order.
    tokens: RefCell<Vec<Option<String>>>,
    /// The windows the paged listing was asked for, in order.
    windows: RefCell<Vec<Window>>,
}

impl Scripted {
    fn new(history: &[&CallRecord]) -> Self {
        Self {
            history: history.iter().map(|&c| c.clone()).collect(),
            ..Self::default()
        }
    }

    /// Queues the next `call-log-sync` answer.
    fn then(&self, answer: CallLogAnswer) -> &Self {
        self.syncs.borrow_mut().push_back(answer);
        self
    }
}

impl Upstream for Scripted {
    async fn call_log_sync(&self, token: Option<&str>) -> CallLogAnswer {
        self.tokens.borrow_mut().push(token.map(str::to_owned));
        let next = self.syncs.borrow_mut().pop_front();
        next.expect("a scripted call-log-sync answer")
    }

    async fn call_log_page(
        &self,
        window: Window,
        per_page: u32,
    ) -> Result<ListPage<CallRecord>, UpstreamError> {
        self.windows.borrow_mut().push(window);
        let mut inside: Vec<CallRecord> = self
            .history
            .iter()
            .filter(|c| window.from <= c.start && c.start < window.to)
            .cloned()
            .collect();
        inside.sort_by_key(|c| std::cmp::Reverse(c.start));
        let more = inside.len() > per_page as usize;
        inside.truncate(per_page as usize);
        Ok(ListPage {
            records: inside,
            total: None,
            more,
        })
    }

    async fn message_sync(
        &self,
        _: Option<&str>,
        _: DateTime<Utc>,
        _: u32,
    ) -> Result<SyncAnswer<MessageRecord>, UpstreamError> {
        unreachable!("messages are not scripted")
    }

    async fn message_page(
        &self,
        _: Window,
        _: u32,
    ) -> Result<ListPage<MessageRecord>, UpstreamError> {
        unreachable!("messages are not scripted")
    }

    async fn address_book_sync(
        &self,
        _: Option<&str>,
        _: Option<&str>,
    ) -> Result<SyncAnswer<Change<ContactRecord>>, UpstreamError> {
        unreachable!("contacts are not scripted")
    }

    async fn directory_page(&self, _: u32) -> Result<ListPage<ContactRecord>, UpstreamError> {
        unreachable!("the directory is not scripted")
    }

    async fn send_sms(&self, _: &str, _: &str, _: &str) -> Result<MessageRecord, UpstreamError> {
        unreachable!("texts are not scripted")
    }

    async fn sent_messages(&self, _: &str, _: Window) -> Result<Vec<MessageRecord>, UpstreamError> {
        unreachable!("texts are not scripted")
    }

    async fn mark_read(&self, _: &[i64], _: bool) -> Result<(), UpstreamError> {
        unreachable!("read states are not scripted")
    }

    fn take_activity(&self) -> Vec<ActivityEntry> {
        Vec::new()
    }
}

/// An inbound call `minutes_ago` before [`t0`].
fn at(id: &str, minutes_ago: i64) -> CallRecord {
    call(id, minutes_ago, Direction::Inbound, "+14155550123", "Ada")
}

/// A sync answer with token `token` putting `calls`, and deleting `deleted`.
fn answer(token: &str, calls: &[&CallRecord], deleted: &[&str]) -> CallLogAnswer {
    let puts = calls.iter().map(|&c| Change::Put(c.clone()));
    let deletes = deleted.iter().map(|id| Change::Delete((*id).to_owned()));
    Ok(SyncAnswer {
        records: puts.chain(deletes).collect(),
        token: token.to_owned(),
        sync_time: t0(),
        older_records_exist: false,
        next_page: None,
    })
}

/// `CLG-102`: the token is no longer usable.
fn expired() -> CallLogAnswer {
    Err(UpstreamError::FullSyncRequired {
        code: "CLG-102".into(),
        message: "Sync token expired".into(),
    })
}

/// The call log only, `per_page` records a page, at [`t0`].
fn options(per_page: u32) -> SyncOptions {
    SyncOptions {
        per_page,
        feeds: vec![Feed::CallLog],
        ..SyncOptions::new(t0())
    }
}

async fn sync(store: &mut Store, upstream: &Scripted, options: &SyncOptions) -> FeedReport {
    let report = sync_all(store, upstream, options, &|_| {})
        .await
        .expect("the sync completes");
    report.call_log
}

fn ids(store: &Store) -> Vec<String> {
    store.call_ids().expect("call ids")
}

/// The call log's stored sync token.
fn token(store: &Store) -> Option<String> {
    store.sync_state(Feed::CallLog).expect("state").token
}

#[tokio::test]
async fn a_full_sync_backfills_page_by_page_then_an_incremental_one_applies_changes() {
    let (_dir, mut store) = store();
    let (c1, c2) = (at("c1", 10), at("c2", 20));
    let (o1, o2, o3) = (at("o1", 30), at("o2", 40), at("o3", 50));
    let upstream = Scripted::new(&[&c2, &o1, &o2, &o3]);
    upstream.then(answer("t1", &[&c1, &c2], &[]));
    let options = options(2);

    let full = sync(&mut store, &upstream, &options).await;
    assert!(full.full_sync, "a first sync is full");
    assert_eq!(
        ids(&store),
        ["c1", "c2", "o1", "o2", "o3"],
        "every call once"
    );
    assert!(
        store.spans(Feed::CallLog).expect("spans").is_empty(),
        "the backfill is done"
    );
    let windows = upstream.windows.borrow().clone();
    let ends: Vec<_> = windows.iter().map(|w| w.to).collect();
    let ms = Duration::milliseconds(1);
    assert_eq!(
        ends,
        [c2.start + ms, o1.start + ms, o2.start + ms],
        "older history newest first, each page ending just after the last one's oldest call"
    );
    assert!(windows.iter().all(|w| w.from == options.horizon));
    assert_eq!(full.requests, 4, "the FSync and three pages");

    let new = at("n1", 5);
    upstream.then(answer("t2", &[&new], &["o3"]));
    let incremental = sync(&mut store, &upstream, &options).await;
    assert!(!incremental.full_sync);
    assert_eq!((incremental.stored, incremental.removed), (1, 1));
    assert_eq!(incremental.requests, 1, "one ISync, no page");
    assert_eq!(ids(&store), ["c1", "c2", "n1", "o1", "o2"]);
    assert_eq!(
        *upstream.tokens.borrow(),
        [None, Some("t1".to_owned())],
        "FSync without a token, ISync with the one it gave"
    );
    assert_eq!(token(&store), Some("t2".into()), "the newest token is kept");
}

#[tokio::test]
async fn an_expired_token_forces_a_full_sync_whose_gap_is_fetched() {
    let (_dir, mut store) = store();
    let old = at("old", 60);
    let (g1, g2) = (at("g1", 30), at("g2", 45));
    let (n1, n2) = (at("n1", 5), at("n2", 10));
    let upstream = Scripted::new(&[&old, &g1, &g2, &n2]);
    upstream
        .then(answer("t1", &[&old], &[]))
        .then(expired())
        .then(answer("t2", &[&n1, &n2], &[]));
    let options = options(1000);
    sync(&mut store, &upstream, &options).await;
    let backfill = upstream.windows.borrow().len();

    let forced = sync(&mut store, &upstream, &options).await;
    assert!(forced.full_sync, "CLG-102 means a new FSync");
    assert_eq!(
        *upstream.tokens.borrow(),
        [None, Some("t1".to_owned()), None]
    );
    let gap = upstream.windows.borrow()[backfill..].to_vec();
    let expected = Window {
        from: old.start - Duration::minutes(1),
        to: n2.start + Duration::milliseconds(1),
    };
    assert_eq!(
        gap,
        [expected],
        "one page for the gap: from the newest cached call (less a minute) to the FSync's oldest"
    );
    assert_eq!(ids(&store), ["g1", "g2", "n1", "n2", "old"], "nothing lost");
    assert!(store.spans(Feed::CallLog).expect("spans").is_empty());
}

#[tokio::test]
async fn a_full_sync_refused_right_after_one_stops_and_keeps_the_cache() {
    let (_dir, mut store) = store();
    let c1 = at("c1", 10);
    let upstream = Scripted::new(&[&c1]);
    upstream
        .then(answer("t1", &[&c1], &[]))
        .then(expired())
        .then(expired());
    let options = options(1000);
    sync(&mut store, &upstream, &options).await;

    let looped = sync_all(&mut store, &upstream, &options, &|_| {}).await;
    assert!(
        matches!(looped, Err(SyncError::FullSyncLoop { feed: "call log" })),
        "{looped:?}"
    );
    assert_eq!(
        token(&store),
        Some("t1".into()),
        "the last good token stays"
    );
    assert_eq!(ids(&store), ["c1"]);
    assert!(store.spans(Feed::CallLog).expect("spans").is_empty());
}
