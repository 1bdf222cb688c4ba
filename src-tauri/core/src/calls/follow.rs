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

/// A placed RingOut.
#[derive(Debug)]
pub struct RingOutCall {
    id: String,
    client: Client,
    progress: watch::Receiver<CallProgress>,
    cancel: Arc<watch::Sender<bool>>,
}

/// Places the call in `plan` and starts following it. The create request is never repeated
/// after an ambiguous failure: that is an [`ApiError::UnknownOutcome`].
pub async fn place(client: &Client, plan: &CallPlan) -> Result<RingOutCall, CallError> {
    let created = create_ringout(client, &plan.request).await?;
    tracing::info!(ringout = %created.id, "RingOut placed");
    let first = CallProgress::from_status(created.status.clone());
    let (sender, receiver) = watch::channel(first);
    let (cancel, cancelled) = watch::channel(false);
    let id = created.id.clone();
    tokio::spawn(follow(client.clone(), created, sender, cancelled));
    Ok(RingOutCall {
        id,
        client: client.clone(),
        progress: receiver,
        cancel: Arc::new(cancel),
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

    /// Waits until the call is final and returns the final observation.
    pub async fn finished(&self) -> CallProgress {
        let mut progress = self.progress.clone();
        loop {
            let now = progress.borrow_and_update().clone();
            if now.phase.is_final() || progress.changed().await.is_err() {
                return progress.borrow().clone();
            }
        }
    }

    /// Cancels the call if it has not connected yet (RingCentral ignores it afterwards).
    pub async fn cancel(&self) -> Result<(), CallError> {
        if !self.latest().phase.is_cancellable() {
            return Ok(());
        }
        match delete_ringout(&self.client, &self.id).await {
            Ok(()) | Err(ApiError::Status { status: 404, .. }) => {}
            Err(e) => return Err(e.into()),
        }
        let _ = self.cancel.send(true);
        Ok(())
    }
}

/// Polls the status until final, publishing changes; a cancel ends it as `Cancelled`.
async fn follow(
    client: Client,
    created: RingOutStatus,
    sender: watch::Sender<CallProgress>,
    mut cancelled: watch::Receiver<bool>,
) {
    let poll = client.transport().options().ringout_poll;
    let clock = client.transport().options().clock.clone();
    let mut misses = 0;
    let mut can_cancel = true;
    loop {
        if sender.borrow().phase.is_final() || sender.is_closed() {
            return;
        }
        tokio::select! {
            _ = clock.sleep(poll) => {}
            changed = cancelled.changed(), if can_cancel => can_cancel = changed.is_ok(),
        }
        if *cancelled.borrow() {
            publish(&sender, cancelled_progress(&sender));
            return;
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
                publish(
                    &sender,
                    if *cancelled.borrow() {
                        cancelled_progress(&sender)
                    } else {
                        progress
                    },
                );
                return;
            }
            Err(error) => {
                misses += 1;
                tracing::warn!(%error, misses, "RingOut status poll failed");
                if misses >= 5 {
                    return;
                }
            }
        }
    }
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
