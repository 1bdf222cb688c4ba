//! Sending a connector's queue: each due item is claimed (durably, by one process), sent, and
//! settled — delivered, retried after a backoff (from a few seconds up to 15 minutes, or what
//! the receiver's `Retry-After` asks, within that), or failed for good on a refusal. Every
//! attempt is written to the activity log: operation, request id, outcome, HTTP status,
//! duration, error code.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use futures_util::future::BoxFuture;
use serde::Serialize;

use super::IntegrationError;
use crate::backoff::Backoff;
use crate::clock::Clock;
use crate::store::{ActivityEntry, ActivityOutcome, QueuedItem, Settled, Store, StoreError};

/// The first retry waits 2.5–5 s; the wait doubles up to 7.5–15 minutes.
pub const RETRY: Backoff = Backoff {
    base: Duration::from_secs(5),
    cap: Duration::from_secs(15 * 60),
};

/// The longest one request may take; a claim not renewed for [`STALE_AFTER`] is taken for a
/// dead sender's, so this must stay well below it.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

/// A `sending` item not heard of for this long belonged to a process that died mid-request: it
/// is sent again (delivery is at least once; the event id lets the receiver drop the repeat).
pub const STALE_AFTER: Duration = Duration::from_secs(30);

/// The most items one run sends.
const MOST_PER_RUN: usize = 200;

/// The HTTP client a connector sends with: bounded in time, never following a redirect (the
/// body, or a secret header, would go somewhere else).
pub(crate) fn http_client(connector: &'static str) -> Result<reqwest::Client, IntegrationError> {
    reqwest::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .connect_timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|error| IntegrationError::Unreachable {
            connector,
            message: error.to_string(),
        })
}

/// Reads at most `limit` bytes of an answer's body, chunk by chunk: `Ok(None)` when it is longer
/// (a server's answer never decides how much memory ringdesk spends).
pub(crate) async fn read_bounded(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Option<Vec<u8>>, reqwest::Error> {
    if response
        .content_length()
        .is_some_and(|length| length > limit as u64)
    {
        return Ok(None);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > limit {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(body))
}

/// What a connector can bring in and send out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Capabilities {
    /// What it pulls into the cache (`contacts`, `companies`).
    pub pulls: &'static [&'static str],
    /// What it sends (event types, or pushes such as `contact.create`).
    pub pushes: &'static [&'static str],
}

/// How one attempt went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The receiver took it.
    Delivered,
    /// Try again later (a network failure, a timeout, 408, 429, 5xx).
    Retry,
    /// Refused for good (another 4xx): shown, not retried unless replayed.
    Refused,
}

/// One attempt's result, as a connector reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// Its verdict.
    pub verdict: Verdict,
    /// The answer's HTTP status, when one came.
    pub http_status: Option<u16>,
    /// The receiver's request id, when it gave one.
    pub request_id: Option<String>,
    /// A short error code (`timeout`, `http_503` …) on failure.
    pub error_code: Option<String>,
    /// What went wrong, in words (bounded), on failure.
    pub message: String,
    /// How long the receiver asked to be left alone.
    pub retry_after: Option<Duration>,
    /// What the receiver called the item (a created contact's id).
    pub remote_id: Option<String>,
}

impl Attempt {
    /// A delivery with `status`.
    pub fn delivered(status: u16) -> Self {
        Self {
            verdict: Verdict::Delivered,
            http_status: Some(status),
            request_id: None,
            error_code: None,
            message: String::new(),
            retry_after: None,
            remote_id: None,
        }
    }

    /// A failure: `Retry` or `Refused`, with a code and words.
    pub fn failed(
        verdict: Verdict,
        http_status: Option<u16>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            verdict,
            http_status,
            request_id: None,
            error_code: Some(code.into()),
            message: message.into(),
            retry_after: None,
            remote_id: None,
        }
    }
}

/// The verdict an HTTP status earns: 2xx delivered; 408, 425, 429 and 5xx retried; any other
/// status refused (a redirect is never followed: the body would go elsewhere).
pub fn verdict_of(status: u16) -> Verdict {
    match status {
        200..=299 => Verdict::Delivered,
        408 | 425 | 429 | 500..=599 => Verdict::Retry,
        _ => Verdict::Refused,
    }
}

/// A connector that sends queued items.
pub trait Connector: Send + Sync {
    /// `webhook` or `suitedash`: its queue and its entries in the activity log.
    fn name(&self) -> &'static str;
    /// What it can pull and push.
    fn capabilities(&self) -> Capabilities;
    /// Sends one claimed item (at most [`REQUEST_TIMEOUT`]).
    fn send<'a>(&'a self, item: &'a QueuedItem) -> BoxFuture<'a, Attempt>;
    /// The connector writes each of its requests to the activity log itself (an attempt may
    /// take several); otherwise each attempt is logged as one request.
    fn logs_its_requests(&self) -> bool {
        false
    }
}

/// What one run of [`deliver_due`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DeliveryReport {
    /// Delivered now.
    pub delivered: u32,
    /// Failed now and kept for a retry.
    pub retried: u32,
    /// Refused now (kept as failed).
    pub failed: u32,
}

/// Sends the connector's due items, oldest first, each claimed before it leaves; answers what
/// happened. Items of one contact go in order: a later one waits while an earlier one is open.
pub async fn deliver_due(
    store: &mut Store,
    connector: &dyn Connector,
    clock: &dyn Clock,
) -> Result<DeliveryReport, StoreError> {
    let mut report = DeliveryReport::default();
    let mut sent = 0;
    while sent < MOST_PER_RUN {
        let now = clock.now_utc();
        let stale = now - STALE_AFTER;
        // One at a time: the next due item depends on how the last one settled.
        let Some(read) = store.queue_due(connector.name(), now, stale, 1)?.pop() else {
            break;
        };
        let Some(claim) = store.queue_claim(&read, clock.now_utc())? else {
            continue; // Another process took it.
        };
        sent += 1;
        let started = Instant::now();
        let at = clock.now_utc();
        let attempt = connector.send(&claim).await;
        let settled = settle(&claim, &attempt, clock.now_utc());
        let entry = ActivityEntry {
            at,
            action: format!("{}:{}", connector.name(), claim.kind),
            request_id: attempt
                .request_id
                .clone()
                .or_else(|| Some(claim.event_id.clone())),
            outcome: match attempt.verdict {
                Verdict::Delivered => ActivityOutcome::Ok,
                _ => ActivityOutcome::Error,
            },
            http_status: attempt.http_status,
            duration_ms: started.elapsed().as_millis() as u64,
            error_code: attempt.error_code.clone(),
        };
        let logged = !connector.logs_its_requests();
        let won = store.durable_batch(|batch| {
            let won = batch.queue_settle(&claim, &settled)?;
            if logged {
                batch.log_activity(&entry)?;
            }
            Ok::<_, StoreError>(won)
        })?;
        if !won {
            continue;
        }
        match attempt.verdict {
            Verdict::Delivered => report.delivered += 1,
            Verdict::Retry => {
                report.retried += 1;
                // The receiver is failing: the rest would fail the same way now.
                break;
            }
            Verdict::Refused => report.failed += 1,
        }
    }
    Ok(report)
}

fn settle(claim: &QueuedItem, attempt: &Attempt, now: DateTime<Utc>) -> Settled {
    match attempt.verdict {
        Verdict::Delivered => Settled::Delivered {
            http_status: attempt.http_status.unwrap_or(200),
            remote_id: attempt.remote_id.clone(),
        },
        Verdict::Retry => {
            let backoff = RETRY.next(claim.attempts.saturating_sub(1));
            let asked = attempt.retry_after.unwrap_or_default().min(RETRY.cap);
            let wait = chrono::Duration::from_std(backoff.max(asked))
                .unwrap_or_else(|_| chrono::Duration::minutes(15));
            Settled::Retry {
                next_at: now + wait,
                http_status: attempt.http_status,
                error: attempt.message.clone(),
            }
        }
        Verdict::Refused => Settled::Failed {
            http_status: attempt.http_status,
            error: attempt.message.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_earn_their_verdicts() {
        assert_eq!(verdict_of(200), Verdict::Delivered);
        assert_eq!(verdict_of(204), Verdict::Delivered);
        for retried in [408, 425, 429, 500, 502, 503, 504] {
            assert_eq!(verdict_of(retried), Verdict::Retry, "{retried}");
        }
        for refused in [301, 302, 400, 401, 403, 404, 410, 422] {
            assert_eq!(verdict_of(refused), Verdict::Refused, "{refused}");
        }
    }

    #[test]
    fn retries_start_within_five_seconds_and_stop_growing_at_fifteen_minutes() {
        assert!(RETRY.delay(0, 1.0) <= Duration::from_secs(5));
        assert!(RETRY.delay(0, 0.0) >= Duration::from_secs(2));
        assert_eq!(RETRY.delay(30, 1.0), Duration::from_secs(15 * 60));
    }
}
