//! Catch-up: the sync engine's messages feed (`message-sync` ISync, or the first full sync),
//! a fresh read of detailed presence (the live calls) and, when Team Messaging is followed, the
//! chats (recent chats and their new posts), run in its own task on its own
//! cache connection so the socket keeps being served meanwhile.
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
use crate::api::models::Presence;
use crate::api::presence::read_presence;
use crate::api::Client;
use crate::backoff::Backoff;
use crate::clock::Clock;
use crate::phone::Country;
use crate::store::{Feed, Store, TeamPost};
use crate::sync::{sync_all, FeedReport, RingCentral, SyncOptions};
use crate::team::sync_chats;

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
    /// A presence event's list of calls was cut: read presence again (a gap always does).
    pub presence: bool,
    /// A chat event asked for its posts: read the chats again (a gap does too, when followed).
    pub chats: bool,
}

impl Trigger {
    fn merge(&mut self, other: Trigger) {
        self.gap |= other.gap;
        self.updated |= other.updated;
        self.presence |= other.presence;
        self.chats |= other.chats;
        self.new_ids.extend(other.new_ids);
    }
}

/// What one catch-up brought.
#[derive(Debug, Default)]
pub(crate) struct CaughtUp {
    /// The messages feed's report, when it ran.
    pub report: Option<FeedReport>,
    /// Detailed presence, when it was read, and when the read started.
    pub presence: Option<(Presence, std::time::Instant)>,
    /// Posts new to the cache the chats' catch-up brought, when it ran.
    pub new_posts: Option<Vec<TeamPost>>,
}

type Run = JoinHandle<Result<CaughtUp, RealtimeError>>;

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
    /// Team Messaging is followed: a gap reads the chats again too.
    pub chats: bool,
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
            chats: false,
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

    /// Asks for presence to be read again (a presence event's list was cut).
    pub fn presence(&mut self) {
        let trigger = Trigger {
            presence: true,
            ..Trigger::default()
        };
        self.ask(trigger, Duration::ZERO);
    }

    /// Asks for the chats to be read again (a chat was joined or changed).
    pub fn chats(&mut self) {
        let trigger = Trigger {
            chats: true,
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

    /// Completes when a run ends, with what it brought. Pending while there is nothing to do.
    /// Cancel-safe.
    pub async fn finished(&mut self) -> Result<CaughtUp, RealtimeError> {
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
            if let Some((_, mut trigger)) = self.pending.take() {
                trigger.chats |= trigger.gap && self.chats;
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

/// One catch-up: presence read again after a gap or a cut list, then the messages feed of the
/// sync engine, as `ringdesk sync` runs it, unless the trigger needs no sync.
async fn run(
    client: Client,
    path: PathBuf,
    country: Country,
    trigger: Trigger,
    now: DateTime<Utc>,
) -> Result<CaughtUp, RealtimeError> {
    // Live calls never hold up texts: a presence that cannot be read is read at the next gap.
    let presence = match trigger.gap || trigger.presence {
        true => {
            let read_at = std::time::Instant::now();
            read_presence(&client)
                .await
                .inspect_err(|error| tracing::warn!(%error, "presence could not be read"))
                .ok()
                .map(|presence| (presence, read_at))
        }
        false => None,
    };
    let mut store = Store::open(&path, country)?;
    // Chats never hold up texts either: a failed read is tried at the next gap.
    let new_posts = match trigger.chats {
        true => sync_chats(&mut store, &client)
            .await
            .inspect_err(|error| tracing::warn!(%error, "chats could not be caught up"))
            .ok()
            .map(|report| report.new_posts),
        false => None,
    };
    let needs_sync = trigger.gap
        || trigger.updated
        || (!trigger.new_ids.is_empty() && !store.has_messages(&trigger.new_ids)?);
    if !needs_sync {
        return Ok(CaughtUp {
            report: None,
            presence,
            new_posts,
        });
    }
    let upstream = RingCentral::new(client);
    let options = SyncOptions {
        feeds: vec![Feed::Messages],
        ..SyncOptions::new(now)
    };
    let report = sync_all(&mut store, &upstream, &options, &|_| {}).await?;
    Ok(CaughtUp {
        report: Some(report.messages),
        presence,
        new_posts,
    })
}
