//! Posting to a team chat exactly once, through the outbox texts use (`store/outbox_moves.rs`):
//! the post is stored first, claimed (committed durably) before the request leaves, recorded
//! `sent` with RingCentral's post in one transaction. Nothing sent (offline, rate limited) →
//! pending again; an unknown outcome (timeout, lost or unreadable answer) → `unknown`, and —
//! like a `sending` item whose sender died — looked up once the grace has passed since its
//! sender last renewed the claim: among the cached posts (the WebSocket's `PostAdded` echo of the
//! agent's own post) and the chat's newest page, a post by the agent with the same text, made
//! since the attempt, is it; none → pending again and posted.

use chrono::Duration;

use super::convert;
use super::TeamError;
use crate::api::team::{self, PostRecord};
use crate::api::{Client, Priority};
use crate::clock::Clock;
use crate::sms::renewing;
use crate::store::{OutboxItem, OutboxState, Store, TeamPost};
use crate::sync::ringcentral::classify;
use crate::sync::UpstreamError;

/// The longest post RingCentral takes, in characters.
pub const MOST_POST_CHARS: usize = 10_000;
/// Posts read from the chat to look an unknown outcome up.
const LOOKUP_PAGE: u32 = 50;

/// What a flush of posts did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostOutboxReport {
    /// Posts sent now.
    pub sent: u32,
    /// Posts found already sent by an earlier, ambiguous attempt.
    pub reconciled: u32,
    /// Posts RingCentral refused, with why, by outbox id.
    pub refused: Vec<(i64, String)>,
    /// Posts still waiting (offline, or an unknown outcome to settle).
    pub waiting: u32,
}

/// Whether `post` is the agent's `item`: by the agent (`me`), the same text, made since the
/// attempt began (five minutes of clock difference allowed).
fn is_the_item(post: &TeamPost, item: &OutboxItem, me: &str) -> bool {
    let started = item.last_attempt.unwrap_or(item.created);
    post.creator == me
        && post.text == item.text
        && item.chat_id.as_deref() == Some(post.chat_id.as_str())
        && post.created >= started - Duration::minutes(5)
}

/// Stores `post` and records `item` (as read) sent as it; `false` when the item moved on or
/// another item already stands for that post.
fn record(store: &mut Store, item: &OutboxItem, post: &TeamPost) -> Result<bool, TeamError> {
    Ok(store.durable_batch(|batch| {
        if batch.outbox_claims_post(&post.remote_id)? {
            return Ok::<_, crate::store::StoreError>(false);
        }
        batch.put_posts(std::slice::from_ref(post))?;
        batch.outbox_post_sent(item, &post.remote_id)
    })?)
}

/// What looking an unsettled post up did.
enum Looked {
    /// Found: recorded sent.
    Sent,
    /// Not found: pending again (as returned), to be posted.
    Reopened(Box<OutboxItem>),
    /// Its sender may still be waiting for the answer, or another flush moved it.
    Waiting,
}

/// Looks an item (`sending` or `unknown`, as read) up once the grace has passed.
async fn reconcile(
    store: &mut Store,
    client: &Client,
    item: &OutboxItem,
    me: &str,
    clock: &dyn Clock,
    grace: Duration,
) -> Result<Looked, TeamError> {
    let now = clock.now_utc();
    let alive = item.alive_at.or(item.last_attempt).unwrap_or(item.created);
    if now - alive < grace {
        return Ok(Looked::Waiting);
    }
    let chat = item.chat_id.clone().unwrap_or_default();
    let mut candidates = store.chat_posts(&chat, None, LOOKUP_PAGE as usize)?;
    let page = team::posts(client, &chat, LOOKUP_PAGE, None, Priority::Interactive).await?;
    candidates.extend(
        page.records
            .iter()
            .filter_map(|r: &PostRecord| convert::post(r, Some(&chat))),
    );
    for post in candidates.iter().filter(|p| is_the_item(p, item, me)) {
        if record(store, item, post)? {
            return Ok(Looked::Sent);
        }
    }
    let reopened = store.outbox_move(item, OutboxState::Pending, Some("not found upstream"))?;
    Ok(match reopened {
        true => Looked::Reopened(Box::new(OutboxItem {
            state: OutboxState::Pending,
            ..item.clone()
        })),
        false => Looked::Waiting,
    })
}

/// Sends the posts the outbox holds, as the agent `me`. Stops early (posts stay queued) when
/// RingCentral cannot be reached.
pub async fn flush_posts(
    store: &mut Store,
    client: &Client,
    me: &str,
    clock: &dyn Clock,
    grace: Duration,
) -> Result<PostOutboxReport, TeamError> {
    let mut report = PostOutboxReport::default();
    let open: Vec<i64> = store.open_posts()?.iter().map(|item| item.id).collect();
    for (index, id) in open.iter().enumerate() {
        let remaining = (open.len() - index) as u32;
        // Another flush may have moved it since the list was read.
        let item = store.outbox_item(*id)?;
        let item = match item.state {
            OutboxState::Sent | OutboxState::Failed => continue,
            OutboxState::Pending => item,
            OutboxState::Sending | OutboxState::Unknown => {
                match reconcile(store, client, &item, me, clock, grace).await? {
                    Looked::Sent => {
                        report.reconciled += 1;
                        continue;
                    }
                    Looked::Reopened(reopened) => *reopened,
                    Looked::Waiting => {
                        report.waiting += 1;
                        continue;
                    }
                }
            }
        };
        let Some(claim) = store.outbox_claim(&item, clock.now_utc())? else {
            continue; // Another flush claimed it, or the agent cancelled it.
        };
        let chat = claim.chat_id.clone().unwrap_or_default();
        let send = team::create_post(client, &chat, &claim.text);
        let error = match renewing(store, &claim, clock, grace, send).await {
            Ok(record) => {
                if let Some(post) = convert::post(&record, Some(&chat)) {
                    if record_sent(store, &claim, &post)? {
                        report.sent += 1;
                    }
                }
                continue;
            }
            Err(error) => error,
        };
        let outcome = classify(&error, false);
        let (state, stop) = match &outcome {
            UpstreamError::Refused { .. } | UpstreamError::FullSyncRequired { .. } => {
                (OutboxState::Failed, false)
            }
            UpstreamError::Ambiguous { .. } => (OutboxState::Unknown, true),
            UpstreamError::NotSent { .. } | UpstreamError::SignedOut { .. } => {
                (OutboxState::Pending, true)
            }
        };
        if !store.outbox_move(&claim, state, Some(&outcome.to_string()))? {
            continue;
        }
        if state == OutboxState::Failed {
            report.refused.push((claim.id, outcome.to_string()));
            continue;
        }
        report.waiting += remaining;
        if let UpstreamError::SignedOut { .. } = outcome {
            return Err(error.into());
        }
        if stop {
            return Ok(report);
        }
    }
    Ok(report)
}

/// Records the answer's post with the claim as sent.
fn record_sent(store: &mut Store, claim: &OutboxItem, post: &TeamPost) -> Result<bool, TeamError> {
    let recorded = record(store, claim, post)?;
    if !recorded {
        tracing::warn!(
            id = claim.id,
            "a post was sent after its item changed hands"
        );
    }
    Ok(recorded)
}

/// Puts a post in the outbox and sends what the outbox holds, this post included: stored
/// before it leaves, posted once, kept for the next flush when RingCentral cannot be reached.
/// Answers the item as it stands; a post RingCentral refused is an error.
pub async fn send_post(
    store: &mut Store,
    client: &Client,
    chat: &str,
    text: &str,
    me: &str,
    clock: &dyn Clock,
    grace: Duration,
) -> Result<OutboxItem, TeamError> {
    if text.chars().count() > MOST_POST_CHARS {
        return Err(TeamError::TooLong {
            chars: text.chars().count(),
            most: MOST_POST_CHARS,
        });
    }
    let item = store.queue_post(chat, text, clock.now_utc())?;
    let flushed = flush_posts(store, client, me, clock, grace).await;
    let item = store.outbox_item(item.id)?;
    match flushed {
        Ok(report) if item.state == OutboxState::Failed => {
            let reason = report
                .refused
                .into_iter()
                .find(|(id, _)| *id == item.id)
                .map(|(_, why)| why)
                .unwrap_or_default();
            Err(TeamError::Refused(reason))
        }
        Err(error) if item.state == OutboxState::Pending => {
            tracing::info!(%error, "post kept in the outbox");
            Ok(item)
        }
        Err(error) => Err(error),
        Ok(_) => Ok(item),
    }
}
