//! The background sync that keeps the cache current while signed in: a loop per session, woken
//! on demand, telling the window its progress; and the cache connections it works with.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use serde::Serialize;
use tokio::sync::Notify;

use crate::config::Profile;
use crate::phone::Country;
use crate::sms::{flush_outbox, OutboxReport, RECONCILE_GRACE_SECS};
use crate::store::{Counts, Store};
use crate::sync::{sync_all, Progress, RingCentral, SyncOptions, SyncReport};

use super::{Desk, DeskEvent, Error, Problem, SyncView};

/// What one sync did: each feed's report, the outbox flush after it, and the cache now.
#[derive(Debug, Clone, Serialize)]
pub struct SyncOutcome {
    /// Records stored and removed per feed.
    pub report: SyncReport,
    /// Team Messaging posts new since the last sync — a chat's first fill is not counted
    /// (`None`: no TeamMessaging permission, or the chats could not be read this time).
    pub chats: Option<usize>,
    /// Queued team chat posts sent now (or found sent).
    pub posts_sent: u32,
    /// Texts the outbox sent (or found sent, or keeps waiting).
    pub outbox: OutboxReport,
    /// What the cache holds now.
    pub cache: Counts,
    /// The cache file.
    pub path: std::path::PathBuf,
    /// The CRM connectors' run after it: events queued, deliveries, SuiteDash's pull.
    pub integrations: super::IntegrationsOutcome,
}

/// How often the cache syncs by itself while signed in.
pub const SYNC_EVERY: Duration = Duration::from_secs(300);

/// Runs the background sync: one loop per signed-in session, woken on demand.
#[derive(Default)]
pub(crate) struct SyncControl {
    wake: Notify,
    generation: AtomicU64,
    last: Mutex<SyncView>,
}

impl SyncControl {
    /// Ends the current loop (signed out, reset).
    pub(crate) fn stop(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.wake.notify_waiters();
    }
}

impl Desk {
    /// Asks the background sync to run now; returns what it is doing.
    pub fn sync_now(&self) -> SyncView {
        self.request_sync();
        self.sync_view()
    }

    /// The last sync's progress or result.
    pub fn sync_view(&self) -> SyncView {
        self.sync.last.lock().map(|v| v.clone()).unwrap_or_default()
    }

    /// Wakes the background sync.
    pub(crate) fn request_sync(&self) {
        self.sync.wake.notify_one();
    }

    /// Starts the background sync loop for the current session (ending any earlier one).
    pub(crate) fn start_sync(self: &Arc<Self>) {
        let generation = self.sync.generation.fetch_add(1, Ordering::SeqCst) + 1;
        self.sync.wake.notify_waiters();
        let desk = self.clone();
        tokio::spawn(async move {
            while desk.sync.generation.load(Ordering::SeqCst) == generation {
                desk.sync_once().await;
                let _ = tokio::time::timeout(SYNC_EVERY, desk.sync.wake.notified()).await;
            }
        });
    }

    /// A fresh connection to the cache for background work (WAL: readers are not blocked).
    pub(crate) fn open_store(&self) -> Result<Store, Error> {
        Ok(Store::open(&self.cache_path(), self.home())?)
    }

    /// Brings the cache up to date (call log, messages, contacts, directory, SMS consent
    /// records, team chats), then sends the outbox (texts and posts); `progress` hears every stage and page. The background
    /// sync runs this; so does `ringdesk sync`.
    pub async fn sync_cache(
        &self,
        progress: &(dyn Fn(&Progress) + Sync),
    ) -> Result<SyncOutcome, Error> {
        let live = self.live().await?;
        let client = live.connection.client();
        let upstream = RingCentral::new(client.clone());
        let mut store = self.open_store()?;
        let report = sync_all(
            &mut store,
            &upstream,
            &SyncOptions::new(Utc::now()),
            progress,
        )
        .await?;
        self.refresh_consents(client, &mut store).await;
        let chats = self.sync_chats(client, &mut store).await;
        let outbox = flush_outbox(
            &mut store,
            &upstream,
            client.transport().clock(),
            chrono::Duration::seconds(RECONCILE_GRACE_SECS),
        )
        .await?;
        let posts_sent = self.flush_chat_posts(client, &mut store).await;
        let integrations = self.run_integrations().await;
        Ok(SyncOutcome {
            integrations,
            report,
            chats,
            posts_sent,
            outbox,
            cache: store.counts()?,
            path: self.cache_path(),
        })
    }

    async fn sync_once(&self) {
        if self.live().await.is_err() {
            return;
        }
        self.set_sync(SyncView {
            running: true,
            ..self.sync_view()
        });
        let result = self.sync_cache(&|p: &Progress| self.progress(p)).await;
        let result = self.reported(result);
        let previous = self.sync_view();
        let view = match result {
            Ok(SyncOutcome { report, .. }) => {
                let changed = [
                    &report.call_log,
                    &report.messages,
                    &report.contacts,
                    &report.directory,
                ]
                .iter()
                .any(|f| f.stored > 0 || f.removed > 0);
                SyncView {
                    finished: true,
                    changed,
                    last_synced_at: Some(Utc::now().to_rfc3339()),
                    ..SyncView::default()
                }
            }
            Err(error) => SyncView {
                finished: true,
                last_synced_at: previous.last_synced_at,
                error: Some(Problem::of(&error)),
                ..SyncView::default()
            },
        };
        let changed = view.changed;
        self.set_sync(view);
        if changed {
            self.announce_messages(None);
        }
    }

    fn progress(&self, progress: &Progress) {
        // Every record would flood the window: tell it every 500 and at each stage change.
        let view = self.sync_view();
        let feed = progress.feed;
        if !progress.done.is_multiple_of(500) && view.feed == Some(feed) {
            return;
        }
        self.set_sync(SyncView {
            running: true,
            done: progress.done,
            total: progress.total,
            feed: Some(feed),
            ..view
        });
    }

    fn set_sync(&self, view: SyncView) {
        if let Ok(mut last) = self.sync.last.lock() {
            *last = view.clone();
        }
        self.emit(DeskEvent::Sync(view));
    }
}

/// The profile's country for numbers without `+`, or the US.
pub(crate) fn profile_country(profile: &Profile) -> Country {
    profile
        .settings
        .country
        .as_deref()
        .and_then(|code| Country::from_iso_code(code).ok())
        .unwrap_or_else(Country::united_states)
}
