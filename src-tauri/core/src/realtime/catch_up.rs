//! Catch-up: the sync engine's messages feed (`message-sync` ISync, or the first full sync),
//! run in its own task on its own cache connection so the socket keeps being served meanwhile.
//! Requests made while one runs are merged into the next run; a failed run is retried with
//! backoff, so texts that arrived during an outage are never left behind.

use std::future::pending;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::error::RealtimeError;
use crate::api::Client;
use crate::backoff::Backoff;
use crate::clock::Clock;
use crate::phone::Country;
use crate::store::{Feed, Store};
use crate::sync::{sync_all, FeedReport, RingCentral, SyncOptions};

/// Why a catch-up is wanted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Trigger {
    /// Something may have been missed (start, drop, sleep, failed run, poll): always sync.
    pub gap: bool,
    /// RingCentral said messages changed (status, read state, deletion): always sync.
    pub updated: bool,
    /// New message ids RingCentral announced: sync unless all are stored by then (the instant
    /// event usually brings them first).
    pub new_ids: Vec<i64>,
}

impl Trigger {
    fn merge(&mut self, other: Trigger) {
        self.gap |= other.gap;
        self.updated |= other.updated;
        self.new_ids.extend(other.new_ids);
    }
}

type Run = JoinHandle<Result<Option<FeedReport>, RealtimeError>>;

/// Schedules and runs catch-up syncs.
#[derive(Debug)]
pub(crate) struct CatchUp {
    client: Client,
    path: PathBuf,
    country: Country,
    clock: Arc<dyn Clock>,
    backoff: Backoff,
    task: Option<Run>,
    pending: Option<(Instant, Trigger)>,
    failures: u32,
}

impl CatchUp {
    pub fn new(
        client: Client,
        path: PathBuf,
        country: Country,
        clock: Arc<dyn Clock>,
        backoff: Backoff,
    ) -> Self {
        Self {
            client,
            path,
            country,
            clock,
            backoff,
            task: None,
            pending: None,
            failures: 0,
        }
    }

    /// Asks for a sync as soon as possible (after the running one, if any).
    pub fn gap(&mut self) {
        let trigger = Trigger {
            gap: true,
            ..Trigger::default()
        };
        self.ask(trigger, Duration::ZERO);
    }

    /// Asks for a sync `after` a while, unless `trigger` turns out to be satisfied by then.
    pub fn ask(&mut self, trigger: Trigger, after: Duration) {
        let due = Instant::now() + after;
        match &mut self.pending {
            Some((at, queued)) => {
                queued.merge(trigger);
                *at = (*at).min(due);
            }
            None => self.pending = Some((due, trigger)),
        }
    }

    /// Completes when a run ends: `Ok(Some(report))` after a sync, `Ok(None)` when the trigger
    /// needed none. Pending while there is nothing to do. Cancel-safe.
    pub async fn finished(&mut self) -> Result<Option<FeedReport>, RealtimeError> {
        loop {
            if let Some(task) = self.task.as_mut() {
                let result = task.await.unwrap_or_else(|e| {
                    Err(RealtimeError::Protocol(format!(
                        "the catch-up task failed: {e}"
                    )))
                });
                self.task = None;
                match &result {
                    Ok(_) => self.failures = 0,
                    Err(error) => {
                        self.failures += 1;
                        let wait = self.backoff.next(self.failures + 2);
                        tracing::warn!(%error, ?wait, "catch-up sync failed; retrying");
                        let retry = Trigger {
                            gap: true,
                            ..Trigger::default()
                        };
                        self.ask(retry, wait);
                    }
                }
                return result;
            }
            let Some((due, _)) = &self.pending else {
                return pending().await;
            };
            tokio::time::sleep_until(*due).await;
            if let Some((_, trigger)) = self.pending.take() {
                let now: DateTime<Utc> = self.clock.now().into();
                let run = run(
                    self.client.clone(),
                    self.path.clone(),
                    self.country,
                    trigger,
                    now,
                );
                self.task = Some(tokio::spawn(run));
            }
        }
    }
}

/// One catch-up: the messages feed of the sync engine, as `ringdesk sync` runs it.
async fn run(
    client: Client,
    path: PathBuf,
    country: Country,
    trigger: Trigger,
    now: DateTime<Utc>,
) -> Result<Option<FeedReport>, RealtimeError> {
    let mut store = Store::open(&path, country)?;
    if !trigger.gap && !trigger.updated && store.has_messages(&trigger.new_ids)? {
        return Ok(None);
    }
    let upstream = RingCentral::new(client);
    let options = SyncOptions {
        feeds: vec![Feed::Messages],
        ..SyncOptions::new(now)
    };
    let report = sync_all(&mut store, &upstream, &options, &|_| {}).await?;
    Ok(Some(report.messages))
}
