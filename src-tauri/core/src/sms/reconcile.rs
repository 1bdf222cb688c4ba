//! Settling an outbox item whose send had an unknown outcome — or whose sender died while
//! `sending` — against the messages RingCentral holds, once the grace has passed.

use chrono::Duration;

use crate::clock::Clock;
use crate::store::{Direction, OutboxItem, OutboxState, Store};
use crate::sync::{answered, log_requests, SyncError, Upstream, Window};

/// What looking an item up did.
pub(super) enum Reconciled {
    /// Found upstream: the item is sent.
    Sent,
    /// Not found: the item is pending again (as returned) and may be claimed.
    Reopened(Box<OutboxItem>),
    /// Its sender may still be waiting for the answer: not looked up yet.
    TooEarly,
    /// Another flush moved the item meanwhile; nothing was changed.
    Moved,
}

/// Looks `item` (as read, `sending` or `unknown`) up among the texts RingCentral holds, when
/// `grace` has passed since its sender was last known to wait for the answer (`now` read from
/// `clock` at this moment).
pub(super) async fn reconcile(
    store: &mut Store,
    upstream: &impl Upstream,
    item: &OutboxItem,
    clock: &dyn Clock,
    grace: Duration,
) -> Result<Reconciled, SyncError> {
    let now = clock.now_utc();
    let started = item.last_attempt.unwrap_or(item.created);
    let alive = item.alive_at.unwrap_or(started);
    if now - alive < grace {
        return Ok(Reconciled::TooEarly);
    }
    let window = Window {
        from: started - Duration::minutes(5),
        to: now + Duration::minutes(5),
    };
    let candidates = upstream.sent_messages(&item.to_number, window).await;
    let candidates = answered(store, upstream, candidates)?;
    // The choice of a message and the move are one transaction: two flushes never link one
    // message to two items, and a move that lost to another flush changes nothing.
    store.durable_batch(|batch| {
        log_requests(batch, upstream)?;
        for message in &candidates {
            let same = message.direction == Direction::Outbound && message.text == item.text;
            if same && !batch.outbox_claims(message.id)? {
                batch.put_message(message)?;
                let sent = batch.outbox_sent(item, message.id)?;
                return Ok(if sent {
                    Reconciled::Sent
                } else {
                    Reconciled::Moved
                });
            }
        }
        let reopened = batch.outbox_move(item, OutboxState::Pending, Some(NOT_FOUND))?;
        Ok(if reopened {
            Reconciled::Reopened(Box::new(OutboxItem {
                state: OutboxState::Pending,
                error: Some(NOT_FOUND.to_owned()),
                ..item.clone()
            }))
        } else {
            Reconciled::Moved
        })
    })
}

/// The note on an item looked up and not found.
const NOT_FOUND: &str = "not found upstream";
