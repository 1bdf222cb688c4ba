//! The local cache for the window: history and contacts pages (keyset cursors as opaque
//! strings), a contact's page, and the background sync that keeps the cache current.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use serde::Serialize;
use tokio::sync::Notify;

use crate::config::Profile;
use crate::error::Error;
use crate::phone::Country;
use crate::store::{
    CallEntry, CallFilter, ContactCursor, ContactEntry, ContactQuery, HistoryCursor, HistoryQuery,
    Store, TimelineItem,
};
use crate::sync::{flush_outbox, sync_all, Progress, RingCentral, SyncOptions};

use super::dialing::format_key;
use super::{Desk, DeskEvent, ProblemView, SyncView};

/// How often the cache syncs by itself while signed in.
pub const SYNC_EVERY: Duration = Duration::from_secs(300);

/// A call in the History list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallRow {
    /// RingCentral's record id.
    pub id: String,
    /// ISO 8601.
    pub start_time: String,
    /// `Inbound` or `Outbound`.
    pub direction: &'static str,
    /// RingCentral's result (`Missed`, `Call connected` …).
    pub result: String,
    /// An inbound call nobody took.
    pub missed: bool,
    /// RingCentral's action (`RingOut Web` …).
    pub action: String,
    /// Contact or caller-ID name.
    pub name: Option<String>,
    /// The number, formatted.
    pub display: String,
    /// What Call back dials.
    pub dial: String,
    /// Seconds.
    pub duration: u32,
}

/// A page of History.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallsPage {
    /// Newest first.
    pub rows: Vec<CallRow>,
    /// Pass back as `after` for the next page; `None` at the end.
    pub next: Option<String>,
}

/// A contact in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRow {
    /// Id in the cache.
    pub id: i64,
    /// Name (or company).
    pub name: String,
    /// Company.
    pub company: String,
    /// The first number, formatted.
    pub display: String,
    /// `personal`, `directory` or `local`.
    pub source: String,
}

/// A page of contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactsPage {
    /// Alphabetical (or best match first for a search).
    pub rows: Vec<ContactRow>,
    /// Pass back as `after`; `None` at the end.
    pub next: Option<String>,
}

/// One entry on a contact's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineView {
    /// `call` or `message`.
    pub kind: &'static str,
    /// ISO 8601.
    pub time: String,
    /// `Inbound` or `Outbound`.
    pub direction: &'static str,
    /// A missed call.
    pub missed: bool,
    /// Call seconds.
    pub duration: u32,
    /// Message text.
    pub text: String,
}

/// A number on a contact's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberView {
    /// `mobile`, `business` …
    pub label: String,
    /// Formatted.
    pub display: String,
    /// What Call and Text use.
    pub dial: String,
}

/// A contact's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactView {
    /// Id in the cache.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Company.
    pub company: String,
    /// E-mail.
    pub email: String,
    /// `personal`, `directory` or `local`.
    pub source: String,
    /// Numbers.
    pub numbers: Vec<NumberView>,
    /// Calls and messages, newest first.
    pub timeline: Vec<TimelineView>,
}

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
    /// A page of History: newest first, `filter` (`all`, `missed`, `inbound`, `outbound`),
    /// `search` over names and numbers, continuing `after` a cursor from the previous page.
    pub fn calls(
        &self,
        filter: &str,
        search: Option<&str>,
        after: Option<&str>,
        limit: usize,
    ) -> Result<CallsPage, Error> {
        let query = HistoryQuery {
            filter: match filter {
                "missed" => CallFilter::Missed,
                "inbound" => CallFilter::Inbound,
                "outbound" => CallFilter::Outbound,
                _ => CallFilter::All,
            },
            search: search
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            after: after.and_then(parse_history_cursor),
            limit,
            ..HistoryQuery::default()
        };
        let page = self.with_cache(|store| Ok(store.history(&query)?))?;
        Ok(CallsPage {
            rows: page.calls.iter().map(call_row).collect(),
            next: page.next.map(|c| format!("{}:{}", c.start_ms, c.row)),
        })
    }

    /// A page of contacts, alphabetical, or the matches for `search`.
    pub fn contacts(
        &self,
        search: Option<&str>,
        after: Option<&str>,
        limit: usize,
    ) -> Result<ContactsPage, Error> {
        let query = ContactQuery {
            search: search
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            after: after.and_then(|a| serde_json::from_str::<ContactCursor>(a).ok()),
            limit,
            ..ContactQuery::default()
        };
        let page = self.with_cache(|store| Ok(store.contacts(&query)?))?;
        Ok(ContactsPage {
            rows: page.contacts.iter().map(contact_row).collect(),
            next: page.next.and_then(|c| serde_json::to_string(&c).ok()),
        })
    }

    /// One contact with its numbers and the timeline of calls and messages.
    pub fn contact(&self, id: i64) -> Result<ContactView, Error> {
        let detail = self.with_cache(|store| Ok(store.contact(id, 200)?))?;
        let c = &detail.contact;
        Ok(ContactView {
            id: c.id,
            name: c.display_name(),
            company: c.company.clone(),
            email: c.email.clone(),
            source: c.source.as_str().to_string(),
            numbers: c
                .numbers
                .iter()
                .map(|n| NumberView {
                    label: n.label.clone(),
                    display: format_key(&n.key),
                    dial: n.key.strip_prefix("ext:").unwrap_or(&n.key).to_string(),
                })
                .collect(),
            timeline: detail.timeline.iter().map(timeline_view).collect(),
        })
    }

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
        let profile = self.profile();
        Ok(Store::open(
            &self.paths.cache(&profile.name, profile.mode),
            self.home(),
        )?)
    }

    async fn sync_once(&self) {
        let Ok(live) = self.live().await else { return };
        self.set_sync(SyncView {
            running: true,
            ..self.sync_view()
        });
        let upstream = RingCentral::new(live.connection.client().clone());
        let result = async {
            let mut store = self.open_store()?;
            let progress = |p: &Progress| self.progress(p);
            let report = sync_all(
                &mut store,
                &upstream,
                &SyncOptions::new(Utc::now()),
                &progress,
            )
            .await?;
            flush_outbox(
                &mut store,
                &upstream,
                Utc::now(),
                chrono::Duration::seconds(30),
            )
            .await?;
            Ok::<_, Error>(report)
        }
        .await;
        let previous = self.sync_view();
        let view = match result {
            Ok(report) => {
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
                error: Some(ProblemView {
                    message: error.to_string(),
                    hint: error.hint(),
                }),
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
        let feed = format!("{:?}", progress.feed);
        if !progress.done.is_multiple_of(500) && view.feed.as_deref() == Some(feed.as_str()) {
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

fn parse_history_cursor(text: &str) -> Option<HistoryCursor> {
    let (start, row) = text.split_once(':')?;
    Some(HistoryCursor {
        start_ms: start.parse().ok()?,
        row: row.parse().ok()?,
    })
}

fn direction(d: crate::store::Direction) -> &'static str {
    match d {
        crate::store::Direction::Inbound => "Inbound",
        crate::store::Direction::Outbound => "Outbound",
    }
}

fn call_row(call: &CallEntry) -> CallRow {
    let name = call.peer.display_name();
    CallRow {
        id: call.id.clone(),
        start_time: call.start.to_rfc3339(),
        direction: direction(call.direction),
        result: call.result.clone(),
        missed: call.missed,
        action: call.action.clone(),
        name: (!name.is_empty() && name != call.peer.number).then(|| name.to_string()),
        display: call
            .peer
            .key
            .as_deref()
            .map(format_key)
            .unwrap_or_else(|| call.peer.number.clone()),
        dial: call
            .peer
            .key
            .clone()
            .unwrap_or_else(|| call.peer.number.clone()),
        duration: call.duration_secs,
    }
}

fn contact_row(c: &ContactEntry) -> ContactRow {
    ContactRow {
        id: c.id,
        name: c.display_name(),
        company: c.company.clone(),
        display: c
            .numbers
            .first()
            .map(|n| format_key(&n.key))
            .unwrap_or_default(),
        source: c.source.as_str().to_string(),
    }
}

fn timeline_view(item: &TimelineItem) -> TimelineView {
    match item {
        TimelineItem::Call(call) => TimelineView {
            kind: "call",
            time: call.start.to_rfc3339(),
            direction: direction(call.direction),
            missed: call.missed,
            duration: call.duration_secs,
            text: String::new(),
        },
        TimelineItem::Message(m) => TimelineView {
            kind: "message",
            time: m.created.to_rfc3339(),
            direction: direction(m.direction),
            missed: false,
            duration: 0,
            text: m.text.clone(),
        },
    }
}
