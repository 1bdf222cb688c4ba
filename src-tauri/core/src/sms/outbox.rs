//! Sending the SMS outbox exactly once.
//!
//! A pending item is marked `sending` (committed) before the request goes out. RingCentral's
//! answer is stored with the item as `sent` in one transaction. If nothing was sent (offline,
//! rate limited) the item is pending again; if the outcome is unknown (timeout, lost answer, a
//! crash while `sending`) it becomes `unknown`, and the next flush looks for it in the message
//! store — found, it is `sent`; not found, it is sent again. A refusal is `failed` for good.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::store::{Direction, OutboxItem, OutboxState, Store};
use crate::sync::{
    answered, log_failures, log_requests, SyncError, Upstream, UpstreamError, Window,
};

/// What a flush did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OutboxReport {
    /// Items sent now.
    pub sent: u32,
    /// Items found already sent by a previous, ambiguous attempt.
    pub reconciled: u32,
    /// Items RingCentral refused.
    pub failed: u32,
    /// Items still waiting (offline, or an unknown outcome to settle).
    pub waiting: u32,
    /// Why each refused item was refused, by outbox id (for the sender's error; the JSON
    /// report counts them in `failed`).
    #[serde(skip)]
    pub refusals: Vec<(i64, UpstreamError)>,
}

/// Sends what the outbox holds. `grace` is how long an unknown outcome is left to settle on the
/// server before it is looked up. Stops early (items stay queued) when RingCentral is not
/// reachable.
pub async fn flush_outbox(
    store: &mut Store,
    upstream: &impl Upstream,
    now: DateTime<Utc>,
    grace: Duration,
) -> Result<OutboxReport, SyncError> {
    let mut report = OutboxReport::default();
    let items = store.open_outbox()?;
    for (index, item) in items.iter().enumerate() {
        let send = match item.state {
            OutboxState::Sending | OutboxState::Unknown => {
                match reconcile(store, upstream, item, now, grace).await {
                    Ok(Reconciled::Sent) => {
                        report.reconciled += 1;
                        false
                    }
                    Ok(Reconciled::NotSent) => true,
                    Ok(Reconciled::TooEarly) => {
                        report.waiting += 1;
                        false
                    }
                    Err(SyncError::Upstream(UpstreamError::NotSent { .. })) => {
                        report.waiting += (items.len() - index) as u32;
                        return Ok(report);
                    }
                    Err(error) => return Err(error),
                }
            }
            _ => true,
        };
        if !send || !store.outbox_begin_send(item.id, now)? {
            continue;
        }
        match upstream
            .send_sms(&item.from_number, &item.to_number, &item.text)
            .await
        {
            Ok(message) => {
                let mut batch = store.batch()?;
                batch.put_message(&message)?;
                batch.outbox_sent(item.id, message.id)?;
                log_requests(&mut batch, upstream)?;
                batch.commit()?;
                report.sent += 1;
            }
            Err(error) => {
                log_failures(store, upstream)?;
                let note = error.to_string();
                let (state, stop) = match &error {
                    UpstreamError::Refused { .. } | UpstreamError::FullSyncRequired { .. } => {
                        (OutboxState::Failed, false)
                    }
                    UpstreamError::Ambiguous { .. } => (OutboxState::Unknown, true),
                    UpstreamError::NotSent { .. } | UpstreamError::SignedOut { .. } => {
                        (OutboxState::Pending, true)
                    }
                };
                store.outbox_set_state(item.id, state, Some(&note))?;
                if state == OutboxState::Failed {
                    report.failed += 1;
                    report.refusals.push((item.id, error));
                    continue;
                }
                report.waiting += (items.len() - index) as u32;
                if let UpstreamError::SignedOut { .. } = error {
                    return Err(error.into());
                }
                if stop {
                    return Ok(report);
                }
            }
        }
    }
    Ok(report)
}

/// How long an ambiguous send is left to settle on the server before it is looked up.
pub const RECONCILE_GRACE_SECS: i64 = 30;

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
    now: DateTime<Utc>,
) -> Result<OutboxItem, SyncError> {
    let item = store.queue_sms(to, from, text, now)?;
    let flushed = flush_outbox(
        store,
        upstream,
        now,
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

enum Reconciled {
    Sent,
    NotSent,
    TooEarly,
}

/// Looks for an item whose send had an unknown outcome among the messages RingCentral holds.
async fn reconcile(
    store: &mut Store,
    upstream: &impl Upstream,
    item: &OutboxItem,
    now: DateTime<Utc>,
    grace: Duration,
) -> Result<Reconciled, SyncError> {
    let attempt = item.last_attempt.unwrap_or(item.created);
    if now - attempt < grace {
        return Ok(Reconciled::TooEarly);
    }
    let window = Window {
        from: attempt - Duration::minutes(5),
        to: now.max(attempt) + Duration::minutes(5),
    };
    let candidates = upstream.sent_messages(&item.to_number, window).await;
    let candidates = answered(store, upstream, candidates)?;
    let mut found = None;
    for message in candidates {
        let same = message.direction == Direction::Outbound && message.text == item.text;
        if same && !store.outbox_claims(message.id)? {
            found = Some(message);
            break;
        }
    }
    let mut batch = store.batch()?;
    log_requests(&mut batch, upstream)?;
    let outcome = match &found {
        Some(message) => {
            batch.put_message(message)?;
            batch.outbox_sent(item.id, message.id)?;
            Reconciled::Sent
        }
        None => Reconciled::NotSent,
    };
    batch.commit()?;
    if let Reconciled::NotSent = outcome {
        store.outbox_set_state(item.id, OutboxState::Pending, Some("not found upstream"))?;
    }
    Ok(outcome)
}
