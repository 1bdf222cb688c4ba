//! Placing a RingOut and following both legs until the call is final.

use serde::Serialize;
use std::sync::Arc;
use tokio::sync::watch;

use super::plan::{CallError, CallPlan};
use super::progress::{phase, CallPhase};
use crate::api::models::{RingOutStatus, RingOutStatusDetail};
use crate::api::ringout::{create_ringout, delete_ringout, read_ringout};
use crate::api::{ApiError, Client};

/// One observation of a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallProgress {
    /// Where the call stands.
    #[serde(flatten)]
    pub phase: CallPhase,
    /// RingCentral's raw status fields.
    pub status: RingOutStatusDetail,
}

impl CallProgress {
    fn from_status(status: RingOutStatusDetail) -> Self {
        Self {
            phase: phase(&status),
            status,
        }
    }
}

/// Why following a call stops before RingCentral says it is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// Keep following.
    No,
    /// The agent's cancel is on its way: keep following, but a call found gone meanwhile was
    /// cancelled (RingCentral may end it before its answer to the cancel arrives).
    Cancelling,
    /// The agent cancelled it.
    Cancelled,
    /// ringdesk stops following (signed out, connection reset): the call goes on, unknown.
    Abandoned,
}

/// How many status polls in a row may fail before the call's status counts as unknown.
pub const MAX_MISSED_POLLS: u32 = 5;

/// How many times longer the polls of a connected call are apart than those of a ringing one.
const CONNECTED_POLL_SLOWDOWN: u32 = 3;

/// A placed RingOut.
#[derive(Debug)]
pub struct RingOutCall {
    id: String,
    client: Client,
    progress: watch::Receiver<CallProgress>,
    stop: Arc<watch::Sender<Stop>>,
}

/// Places the call in `plan` and starts following it. The create request is never repeated
/// after an ambiguous failure: that is an [`ApiError::UnknownOutcome`].
pub async fn place(client: &Client, plan: &CallPlan) -> Result<RingOutCall, CallError> {
    let created = create_ringout(client, &plan.request).await?;
    tracing::info!(ringout = %created.id, "RingOut placed");
    let first = CallProgress::from_status(created.status.clone());
    let (sender, receiver) = watch::channel(first);
    let (stop, stopped) = watch::channel(Stop::No);
    let id = created.id.clone();
    tokio::spawn(follow(client.clone(), created, sender, stopped));
    Ok(RingOutCall {
        id,
        client: client.clone(),
        progress: receiver,
        stop: Arc::new(stop),
    })
}

impl RingOutCall {
    /// RingCentral's RingOut id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// A receiver of every change; the latest value is always available.
    pub fn progress(&self) -> watch::Receiver<CallProgress> {
        self.progress.clone()
    }

    /// The latest observation.
    pub fn latest(&self) -> CallProgress {
        self.progress.borrow().clone()
    }

    /// Waits until the call is final and returns the final observation (`Unknown` when the
    /// follower ended without one).
    pub async fn finished(&self) -> CallProgress {
        let mut progress = self.progress.clone();
        loop {
            let now = progress.borrow_and_update().clone();
            if now.phase.is_final() {
                return now;
            }
            if progress.changed().await.is_err() {
                let last = progress.borrow().clone();
                return if last.phase.is_final() {
                    last
                } else {
                    unknown(&last)
                };
            }
        }
    }

    /// Stops following the call (the session is going away): its last word is `Unknown` unless
    /// it was already over. RingCentral is not asked to end it.
    pub fn abandon(&self) {
        let _ = self.stop.send(Stop::Abandoned);
    }

    /// Cancels the call if it has not connected yet (RingCentral ignores it afterwards).
    pub async fn cancel(&self) -> Result<(), CallError> {
        if !self.latest().phase.is_cancellable() {
            return Ok(());
        }
        self.stop
            .send_if_modified(|stop| move_stop(stop, Stop::No, Stop::Cancelling));
        match delete_ringout(&self.client, &self.id).await {
            Ok(()) | Err(ApiError::Status { status: 404, .. }) => {}
            Err(e) => {
                self.stop
                    .send_if_modified(|stop| move_stop(stop, Stop::Cancelling, Stop::No));
                return Err(e.into());
            }
        }
        let _ = self.stop.send(Stop::Cancelled);
        Ok(())
    }
}

/// Polls the status until final, publishing changes; a cancel ends it as `Cancelled` (also when
/// a poll finds the call gone while the cancel is on its way), being abandoned or
/// [`MAX_MISSED_POLLS`] failed polls in a row as `Unknown`. A rate-limited poll is not a failed
/// one: the next poll waits as RingCentral asked (up to the client's longest rate-limit wait).
async fn follow(
    client: Client,
    created: RingOutStatus,
    sender: watch::Sender<CallProgress>,
    mut stopped: watch::Receiver<Stop>,
) {
    let options = client.transport().options();
    let poll = options.ringout_poll;
    let patience = options.retry.max_rate_wait;
    let clock = options.clock.clone();
    let mut misses = 0;
    let mut pause = None;
    let mut can_stop = true;
    loop {
        if sender.borrow().phase.is_final() || sender.is_closed() {
            return;
        }
        // Only a stop cuts the wait short: a cancel still on its way changes nothing yet.
        let stop = stopped.wait_for(|stop| matches!(stop, Stop::Cancelled | Stop::Abandoned));
        // A connected call changes only when it ends: polled at a third of the pace, which
        // leaves RingCentral's Light group (50 a minute, shared with every other read) for the
        // next call of a list and the rest of the app.
        let every = if sender.borrow().phase.is_success() {
            poll * CONNECTED_POLL_SLOWDOWN
        } else {
            poll
        };
        tokio::select! {
            _ = clock.sleep(pause.take().unwrap_or(every)) => {}
            stopped = stop, if can_stop => can_stop = stopped.is_ok(),
        }
        match *stopped.borrow() {
            Stop::No | Stop::Cancelling => {}
            Stop::Cancelled => {
                publish(&sender, cancelled_progress(&sender));
                return;
            }
            Stop::Abandoned => {
                publish(&sender, unknown_progress(&sender));
                return;
            }
        }
        match read_ringout(&client, &created.id).await {
            Ok(status) => {
                misses = 0;
                publish(&sender, CallProgress::from_status(status.status));
            }
            Err(ApiError::Status { status: 404, .. }) => {
                let progress = CallProgress {
                    phase: CallPhase::Failed {
                        leg: super::Leg::Them,
                        status: "NoSessionFound".into(),
                    },
                    status: sender.borrow().status.clone(),
                };
                let cancelled = matches!(*stopped.borrow(), Stop::Cancelling | Stop::Cancelled);
                publish(
                    &sender,
                    if cancelled {
                        cancelled_progress(&sender)
                    } else {
                        progress
                    },
                );
                return;
            }
            // RingCentral asked for a pause, which is no failure to read the status: the last
            // phase stands until the wait is over (one longer than the client ever waits is).
            Err(ApiError::RateLimited { retry_after, .. }) if retry_after <= patience => {
                tracing::info!(?retry_after, "RingOut status polls wait for the rate limit");
                pause = Some(retry_after);
            }
            Err(error) => {
                misses += 1;
                tracing::warn!(%error, misses, "RingOut status poll failed");
                if misses >= MAX_MISSED_POLLS {
                    publish(&sender, unknown_progress(&sender));
                    return;
                }
            }
        }
    }
}

/// Moves `stop` from `from` to `to`; whether it moved (a stop that changed meanwhile stays).
fn move_stop(stop: &mut Stop, from: Stop, to: Stop) -> bool {
    let moved = *stop == from;
    if moved {
        *stop = to;
    }
    moved
}

/// The last observation, with its status now unknown.
fn unknown(last: &CallProgress) -> CallProgress {
    CallProgress {
        phase: CallPhase::Unknown,
        status: last.status.clone(),
    }
}

fn unknown_progress(sender: &watch::Sender<CallProgress>) -> CallProgress {
    unknown(&sender.borrow())
}

fn cancelled_progress(sender: &watch::Sender<CallProgress>) -> CallProgress {
    CallProgress {
        phase: CallPhase::Cancelled,
        status: sender.borrow().status.clone(),
    }
}

fn publish(sender: &watch::Sender<CallProgress>, progress: CallProgress) {
    sender.send_if_modified(|current| {
        let changed = *current != progress;
        *current = progress.clone();
        changed
    });
}
