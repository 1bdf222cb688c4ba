//! Sending the SMS outbox exactly once, whoever flushes it.
//!
//! Several flushes may run at once — the window's background sync, its Send, `ringdesk sms` or
//! `ringdesk sync` in another process — so a flush trusts no list it read earlier: it re-reads
//! each item just before acting on it, and every change is a compare-and-set on the state and
//! attempt it read (`store/outbox_moves.rs`).
//!
//! - A pending item is *claimed* — pending → sending, one more attempt, stamped with the clock's
//!   time — and the claim committed durably before the request leaves. A flush sends only what
//!   it claimed itself.
//! - While the request is out, the claim is renewed every quarter of the grace, so no other
//!   flush takes a slow answer for a lost one.
//! - RingCentral's answer is stored with the item as `sent` in one transaction. Nothing sent
//!   (offline, rate limited) → pending again; an unknown outcome (timeout, lost or unreadable
//!   answer) → `unknown`; a refusal → `failed` for good.
//! - An `unknown` item, or a `sending` one whose sender stopped renewing its claim (it was
//!   killed), is looked up in the message store once the grace has passed since the claim was
//!   last renewed ([`reconcile`](super::reconcile)): found, it is `sent`; not found, it is
//!   pending again and sent.

use chrono::Duration;
use serde::Serialize;

use super::reconcile::{reconcile, Reconciled};
use super::renewing;
use crate::clock::Clock;
use crate::store::{MessageRecord, OutboxItem, OutboxState, Store};
use crate::sync::{log_failures, log_requests, SyncError, Upstream, UpstreamError};

/// What a flush did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OutboxReport {
    /// Items sent now.
    pub sent: u32,
    /// Items found already sent by a previous, ambiguous attempt.
    pub reconciled: u32,
    /// Items RingCentral refused.
    pub failed: u32,
    /// Items still waiting (offline, an unknown outcome to settle, or another flush's send).
    pub waiting: u32,
    /// Why each refused item was refused, by outbox id (for the sender's error; the JSON
    /// report counts them in `failed`).
    #[serde(skip)]
    pub refusals: Vec<(i64, UpstreamError)>,
}

/// How long an unknown outcome is left to settle on the server before it is looked up, counted
/// from when its sender was last known to wait for the answer. Several renewal periods long, and
/// longer than RingCentral takes to show a text it accepted in the message store.
pub const RECONCILE_GRACE_SECS: i64 = 30;

/// Sends what the outbox holds, reading the time from `clock` at each step. `grace` is how long
/// an unknown outcome is left to settle on the server before it is looked up. Stops early (items
/// stay queued) when RingCentral is not reachable.
pub async fn flush_outbox(
    store: &mut Store,
    upstream: &impl Upstream,
    clock: &dyn Clock,
    grace: Duration,
) -> Result<OutboxReport, SyncError> {
    let mut report = OutboxReport::default();
    let open: Vec<i64> = store.open_outbox()?.iter().map(|item| item.id).collect();
    for (index, id) in open.iter().enumerate() {
        let remaining = (open.len() - index) as u32;
        // Another flush may have moved it since the list was read.
        let item = store.outbox_item(*id)?;
        let item = match item.state {
            OutboxState::Sent | OutboxState::Failed => continue,
            OutboxState::Pending => item,
            OutboxState::Sending | OutboxState::Unknown => {
                match reconcile(store, upstream, &item, clock, grace).await {
                    Ok(Reconciled::Reopened(item)) => *item,
                    Ok(Reconciled::Sent) => {
                        report.reconciled += 1;
                        continue;
                    }
                    Ok(Reconciled::TooEarly) => {
                        report.waiting += 1;
                        continue;
                    }
                    Ok(Reconciled::Moved) => continue,
                    Err(SyncError::Upstream(UpstreamError::NotSent { .. })) => {
                        report.waiting += remaining;
                        return Ok(report);
                    }
                    Err(error) => return Err(error),
                }
            }
        };
        let Some(claim) = store.outbox_claim(&item, clock.now_utc())? else {
            continue; // Another flush claimed it, or the agent cancelled it.
        };
        let error = match send_claimed(store, upstream, &claim, clock, grace).await {
            Ok(message) => {
                if record_sent(store, upstream, &claim, &message)? {
                    report.sent += 1;
                }
                continue;
            }
            Err(error) => error,
        };
        log_failures(store, upstream)?;
        let (state, stop) = match &error {
            UpstreamError::Refused { .. } | UpstreamError::FullSyncRequired { .. } => {
                (OutboxState::Failed, false)
            }
            UpstreamError::Ambiguous { .. } => (OutboxState::Unknown, true),
            UpstreamError::NotSent { .. } | UpstreamError::SignedOut { .. } => {
                (OutboxState::Pending, true)
            }
        };
        if !store.outbox_move(&claim, state, Some(&error.to_string()))? {
            tracing::warn!(
                id = claim.id,
                "an outbox item changed hands during its send"
            );
            continue;
        }
        if state == OutboxState::Failed {
            report.failed += 1;
            report.refusals.push((claim.id, error));
            continue;
        }
        report.waiting += remaining;
        if let UpstreamError::SignedOut { .. } = error {
            return Err(error.into());
        }
        if stop {
            return Ok(report);
        }
    }
    Ok(report)
}

/// Sends a claimed item, renewing the claim while the answer is awaited.
async fn send_claimed(
    store: &mut Store,
    upstream: &impl Upstream,
    claim: &OutboxItem,
    clock: &dyn Clock,
    grace: Duration,
) -> Result<MessageRecord, UpstreamError> {
    let send = upstream.send_sms(&claim.from_number, &claim.to_number, &claim.text);
    renewing(store, claim, clock, grace, send).await
}

/// Stores RingCentral's answer with the item as sent; `false` when the item changed hands during
/// the send (the message is stored all the same).
fn record_sent(
    store: &mut Store,
    upstream: &impl Upstream,
    claim: &OutboxItem,
    message: &MessageRecord,
) -> Result<bool, SyncError> {
    let recorded = store.durable_batch(|batch| {
        batch.put_message(message)?;
        log_requests(batch, upstream)?;
        Ok::<_, SyncError>(batch.outbox_sent(claim, message.id)?)
    })?;
    if !recorded {
        tracing::warn!(
            id = claim.id,
            "a text was sent after its item changed hands"
        );
    }
    Ok(recorded)
}

/// Puts a text in the outbox and sends what the outbox holds, this text included: the one way
/// both the window and `ringdesk sms` send, so a text is stored before it leaves, goes once, and
/// waits for the next flush when RingCentral cannot be reached. Returns the item as it stands
/// (`Sent` with its message id, `Pending`/`Unknown` while waiting, `Failed` when refused).
pub async fn send_through_outbox(
    store: &mut Store,
    upstream: &impl Upstream,
    to: &str,
    from: &str,
    text: &str,
    clock: &dyn Clock,
) -> Result<OutboxItem, SyncError> {
    let item = store.queue_sms(to, from, text, clock.now_utc())?;
    let flushed = flush_outbox(
        store,
        upstream,
        clock,
        Duration::seconds(RECONCILE_GRACE_SECS),
    )
    .await;
    let item = store.outbox_item(item.id)?;
    match flushed {
        // RingCentral refused this text: say why, with RingCentral's code (the recovery differs
        // between "pick another sender" and "this recipient cannot be texted").
        Ok(mut report) if item.state == OutboxState::Failed => {
            match report.refusals.iter().position(|(id, _)| *id == item.id) {
                Some(at) => Err(report.refusals.swap_remove(at).1.into()),
                None => Ok(item),
            }
        }
        // Not reaching RingCentral leaves the text queued: that is an answer, not an error.
        Err(error) if item.state == OutboxState::Pending => {
            tracing::info!(%error, "text kept in the outbox");
            Ok(item)
        }
        Err(error) => Err(error),
        Ok(_) => Ok(item),
    }
}
