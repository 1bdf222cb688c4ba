//! Whether and when to repeat a request: a pure function of what happened, the attempt number,
//! the time and a jitter sample, so every rule is unit-tested without a network or a real clock.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER};

use super::server_duration::ServerDuration;
use crate::backoff::Backoff;
use crate::clock::until;

/// How hard to try.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in total, the first included.
    pub max_attempts: u32,
    /// The first backoff (RingCentral suggests 2 s, doubling).
    pub base: Duration,
    /// The longest backoff.
    pub cap: Duration,
    /// The longest `Retry-After` worth waiting for inside one call; longer ones are reported.
    pub max_rate_wait: Duration,
    /// The same for a request the agent is waiting on (a call, a text): longer than this, they
    /// see "rate limited, retrying in 40 s" at once instead of a frozen button.
    pub interactive_rate_wait: Duration,
}

impl RetryPolicy {
    /// The backoff between attempts.
    pub fn backoff(&self) -> Backoff {
        Backoff {
            base: self.base,
            cap: self.cap,
        }
    }

    /// The policy for a request of `priority`.
    pub fn for_priority(&self, priority: super::endpoint::Priority) -> Self {
        match priority {
            super::endpoint::Priority::Interactive => Self {
                max_rate_wait: self.interactive_rate_wait.min(self.max_rate_wait),
                ..self.clone()
            },
            _ => self.clone(),
        }
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base: Duration::from_secs(2),
            cap: Duration::from_secs(60),
            max_rate_wait: Duration::from_secs(60),
            interactive_rate_wait: Duration::from_secs(5),
        }
    }
}

/// `Retry-After` when a 429 comes without one (RingCentral's documented advice).
pub const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(30);

/// What one attempt came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome<'a> {
    /// The server answered.
    Answered {
        /// HTTP status.
        status: u16,
        /// Response headers.
        headers: &'a HeaderMap,
    },
    /// The connection could not be made: nothing was sent.
    NotSent,
    /// Sent, but no answer in time.
    TimedOut,
    /// Sent, then the connection broke.
    Lost,
}

/// The decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Use this answer (success or an error to report).
    Accept,
    /// Wait this long, then try again.
    RetryAfter(Duration),
    /// Stop: report the failure.
    GiveUp,
}

/// Decides what to do after attempt number `attempt` (1-based) of a request.
///
/// A request that is not `idempotent` (a RingOut, a text) is repeated only when it provably was
/// not processed: the connection was never made, or a 429 (RingCentral documents it as not
/// processed). Any other failure — a 5xx (a proxy may answer 503 after forwarding), a timeout, a
/// lost connection — may hide a request that happened: give up, and let the caller reconcile.
///
/// `jitter` is a sample in `0.0..1.0`; `now` reads HTTP-date `Retry-After` values.
pub fn decide(
    outcome: Outcome<'_>,
    attempt: u32,
    idempotent: bool,
    now: SystemTime,
    policy: &RetryPolicy,
    jitter: f64,
) -> Decision {
    let last = attempt >= policy.max_attempts;
    let backoff = || Decision::RetryAfter(backoff(attempt, policy, jitter));
    match outcome {
        Outcome::Answered { status, headers } => match status {
            429 => {
                let wait = retry_after(headers, now).unwrap_or(DEFAULT_RETRY_AFTER);
                if last || wait > policy.max_rate_wait {
                    Decision::GiveUp
                } else {
                    Decision::RetryAfter(wait)
                }
            }
            503 if idempotent && !last => match retry_after(headers, now) {
                Some(wait) if wait <= policy.max_rate_wait => Decision::RetryAfter(wait),
                Some(_) => Decision::GiveUp,
                None => backoff(),
            },
            500..=599 if idempotent && !last => backoff(),
            500..=599 => Decision::GiveUp,
            _ => Decision::Accept,
        },
        Outcome::NotSent if !last => backoff(),
        Outcome::TimedOut | Outcome::Lost if idempotent && !last => backoff(),
        Outcome::NotSent | Outcome::TimedOut | Outcome::Lost => Decision::GiveUp,
    }
}

/// The wait before attempt `attempt + 1` (`attempt` is 1-based): the policy's [`Backoff`] —
/// `base · 2^(attempt-1)`, capped, then between half and all of it.
pub fn backoff(attempt: u32, policy: &RetryPolicy, jitter: f64) -> Duration {
    policy.backoff().delay(attempt.saturating_sub(1), jitter)
}

/// `Retry-After` as seconds or an HTTP date, relative to `now`, at most an hour
/// ([`ServerDuration::RetryAfter`]).
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    let wait = match value.parse::<u64>() {
        Ok(seconds) => Duration::from_secs(seconds),
        Err(_) => until(now, httpdate::parse_http_date(value).ok()?),
    };
    Some(ServerDuration::RetryAfter.bound(wait))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_the_agent_waits_on_holds_only_briefly() {
        let policy = RetryPolicy::default();
        let interactive = policy.for_priority(super::super::endpoint::Priority::Interactive);
        let background = policy.for_priority(super::super::endpoint::Priority::Background);
        assert_eq!(
            interactive.max_rate_wait,
            Duration::from_secs(5),
            "a click waits 5 s at most"
        );
        assert_eq!(
            background.max_rate_wait,
            Duration::from_secs(60),
            "a sync may wait a minute"
        );
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, "40".parse().expect("header"));
        let now = SystemTime::UNIX_EPOCH;
        assert_eq!(
            decide(answered(429, &h), 1, true, now, &interactive, 0.5),
            Decision::GiveUp,
            "40 s is reported to the agent, not waited out behind a frozen button"
        );
        assert_eq!(
            decide(answered(429, &h), 1, true, now, &background, 0.5),
            Decision::RetryAfter(Duration::from_secs(40)),
            "the sync waits it out"
        );
    }
    use reqwest::header::HeaderValue;

    fn headers(retry_after: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(v) = retry_after {
            h.insert(RETRY_AFTER, HeaderValue::from_str(v).expect("header"));
        }
        h
    }

    fn policy() -> RetryPolicy {
        RetryPolicy::default()
    }

    fn answered(status: u16, h: &HeaderMap) -> Outcome<'_> {
        Outcome::Answered { status, headers: h }
    }

    #[test]
    fn rate_limits_honour_retry_after_or_thirty_seconds() {
        let now = SystemTime::UNIX_EPOCH;
        let h = headers(Some("40"));
        assert_eq!(
            decide(answered(429, &h), 1, false, now, &policy(), 0.5),
            Decision::RetryAfter(Duration::from_secs(40)),
            "Retry-After is obeyed, even for a send: a 429 was not processed"
        );
        let none = headers(None);
        assert_eq!(
            decide(answered(429, &none), 1, true, now, &policy(), 0.5),
            Decision::RetryAfter(DEFAULT_RETRY_AFTER),
            "no header means 30 s"
        );
        let long = headers(Some("600"));
        assert_eq!(
            decide(answered(429, &long), 1, true, now, &policy(), 0.5),
            Decision::GiveUp,
            "a ten-minute penalty is reported, not slept through"
        );
        let date = headers(Some("Thu, 01 Jan 1970 00:00:45 GMT"));
        assert_eq!(
            retry_after(&date, now),
            Some(Duration::from_secs(45)),
            "HTTP dates count from now"
        );
    }

    #[test]
    fn server_errors_back_off_only_when_repeating_is_safe() {
        let now = SystemTime::UNIX_EPOCH;
        let h = headers(None);
        assert!(
            matches!(
                decide(answered(500, &h), 1, true, now, &policy(), 0.0),
                Decision::RetryAfter(_)
            ),
            "a GET is repeated after a 500"
        );
        assert_eq!(
            decide(answered(500, &h), 1, false, now, &policy(), 0.0),
            Decision::GiveUp,
            "a RingOut or SMS may have happened: never repeat it blindly"
        );
        assert_eq!(
            decide(Outcome::TimedOut, 1, false, now, &policy(), 0.0),
            Decision::GiveUp
        );
        assert!(
            matches!(
                decide(Outcome::NotSent, 1, false, now, &policy(), 0.0),
                Decision::RetryAfter(_)
            ),
            "nothing left the machine, so even a send may be repeated"
        );
        assert_eq!(
            decide(answered(404, &h), 1, true, now, &policy(), 0.0),
            Decision::Accept
        );
        assert_eq!(
            decide(answered(502, &h), 4, true, now, &policy(), 0.0),
            Decision::GiveUp,
            "attempts are bounded"
        );
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let p = policy();
        assert_eq!(backoff(1, &p, 1.0), Duration::from_secs(2), "starts at 2 s");
        assert_eq!(backoff(3, &p, 1.0), Duration::from_secs(8), "doubles");
        assert_eq!(
            backoff(3, &p, 0.0),
            Duration::from_secs(4),
            "jitter takes up to half off"
        );
        assert_eq!(
            backoff(30, &p, 1.0),
            Duration::from_secs(60),
            "capped at a minute"
        );
    }
}

#[cfg(test)]
mod unknown_outcome;

#[cfg(test)]
mod absurd_waits;
