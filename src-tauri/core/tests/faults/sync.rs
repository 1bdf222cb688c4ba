//! The sync rows: one feed synced into an empty cache under the fault; after it, one more sync,
//! and the cache holds exactly the records RingCentral holds — none lost, none twice.

use ringcentral_sim::SimConfig;
use ringdesk_core::store::{Feed, Store};
use ringdesk_core::sync::{sync_all, RingCentral, SyncError, SyncOptions, SyncReport};
use ringdesk_testkit::fixtures::us;
use ringdesk_testkit::oracle::{cached_ids, upstream_ids};

use crate::cell::Cell;
use crate::operations::Operation;
use crate::outcome::Outcome;
use crate::runner::{play_row, Drill};

/// One feed's sync.
pub struct SyncFeed {
    feed: Feed,
    store: Store,
    upstream: RingCentral,
}

impl SyncFeed {
    /// Syncs the feed, with "now" read from the client's clock (as the app does).
    async fn sync(&mut self, cell: &Cell) -> Result<SyncReport, SyncError> {
        let options = SyncOptions {
            feeds: vec![self.feed],
            ..SyncOptions::new(ringdesk_core::clock::Clock::now_utc(cell.clock.as_ref()))
        };
        sync_all(&mut self.store, &self.upstream, &options, &|_| {}).await
    }
}

impl Drill for SyncFeed {
    /// More call-log records than one full sync brings (250) and messages older than its week,
    /// so the listings that backfill them run too.
    fn simulator(config: &mut SimConfig) {
        config.call_log = 400;
        config.contacts = 40;
        config.messages = 60;
    }

    async fn prepare(cell: &Cell) -> Self {
        let feed = match cell.operation {
            Operation::SyncCallLog => Feed::CallLog,
            Operation::SyncMessages => Feed::Messages,
            Operation::SyncContacts => Feed::Contacts,
            _ => Feed::Directory,
        };
        Self {
            feed,
            store: Store::open(&cell.cache(), us()).expect("the cache opens"),
            upstream: RingCentral::new(cell.client.client()),
        }
    }

    async fn act(&mut self, cell: &Cell) -> Outcome {
        cell.inject().await;
        match self.sync(cell).await {
            Ok(_) => Outcome::Succeeds,
            Err(error) => Outcome::Fails(error.recovery().into()),
        }
    }

    async fn settle(mut self, cell: &Cell, _: Outcome) {
        self.sync(cell).await.expect("the sync after the fault");
        let cached = cached_ids(&self.store, self.feed);
        let upstream = upstream_ids(&cell.bench.oracle, self.feed).await;
        assert!(!upstream.is_empty(), "RingCentral holds {:?}", self.feed);
        let lost: Vec<_> = upstream.difference(&cached).collect();
        let extra: Vec<_> = cached.difference(&upstream).collect();
        assert!(
            lost.is_empty() && extra.is_empty(),
            "the cache is RingCentral's {:?}: lost {lost:?}, extra {extra:?}",
            self.feed
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_call_log() {
    play_row::<SyncFeed>(Operation::SyncCallLog).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_messages() {
    play_row::<SyncFeed>(Operation::SyncMessages).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_contacts() {
    play_row::<SyncFeed>(Operation::SyncContacts).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_directory() {
    play_row::<SyncFeed>(Operation::SyncDirectory).await;
}
