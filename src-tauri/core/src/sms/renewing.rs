//! Keeping an outbox claim alive while its request is out: renewed every quarter of the grace,
//! so no other flush takes a slow answer for a lost one. Texts and team chat posts share it.

use std::future::Future;
use std::time::Duration as StdDuration;

use chrono::Duration;

use crate::clock::Clock;
use crate::store::{OutboxItem, Store};

/// Awaits `request` (the claimed item's send), renewing `claim` in `store` meanwhile.
pub async fn renewing<T>(
    store: &mut Store,
    claim: &OutboxItem,
    clock: &dyn Clock,
    grace: Duration,
    request: impl Future<Output = T>,
) -> T {
    let every = (grace / 4)
        .to_std()
        .unwrap_or_default()
        .max(StdDuration::from_millis(50));
    let mut request = std::pin::pin!(request);
    loop {
        tokio::select! {
            answer = &mut request => return answer,
            () = clock.sleep(every) => match store.outbox_renew(claim, clock.now_utc()) {
                Ok(true) => {}
                Ok(false) => tracing::warn!(id = claim.id, "an outbox claim was taken over"),
                Err(error) => tracing::warn!(%error, id = claim.id, "an outbox claim was not renewed"),
            },
        }
    }
}
