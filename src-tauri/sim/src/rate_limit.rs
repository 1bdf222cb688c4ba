//! RingCentral's per-user, per-app, per-group rate limits: a sliding window, and a penalty
//! interval after a 429 that every further request restarts (the "429 trap").

use crate::config::RateLimitConfig;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::collections::{HashMap, VecDeque};

/// A rate-limit group (`x-throttling-group`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Group {
    /// 50 requests / minute by default.
    Light,
    /// 40 requests / minute by default.
    Medium,
    /// 10 requests / minute by default.
    Heavy,
    /// 5 requests / minute by default.
    Auth,
}

impl Group {
    /// The header and spec spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Light => "Light",
            Group::Medium => "Medium",
            Group::Heavy => "Heavy",
            Group::Auth => "Auth",
        }
    }

    /// This group's limit under `config`.
    pub fn limit(self, config: &RateLimitConfig) -> u32 {
        match self {
            Group::Light => config.light,
            Group::Medium => config.medium,
            Group::Heavy => config.heavy,
            Group::Auth => config.auth,
        }
    }
}

/// The outcome of one request against its bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The group.
    pub group: Group,
    /// Its limit.
    pub limit: u32,
    /// Requests left in the window.
    pub remaining: u32,
    /// Window length in seconds.
    pub window: u64,
    /// `Some(seconds)` when the request is refused.
    pub retry_after: Option<u64>,
}

#[derive(Debug, Default)]
struct Bucket {
    hits: VecDeque<DateTime<Utc>>,
    penalty_until: Option<DateTime<Utc>>,
}

/// All buckets.
#[derive(Debug, Default)]
pub struct RateLimiter {
    buckets: HashMap<(String, Group), Bucket>,
}

fn dur(d: std::time::Duration) -> Duration {
    Duration::from_std(d).unwrap_or_else(|_| Duration::zero())
}

impl RateLimiter {
    /// Counts a request by `key` (user and app) in `group` at `now`.
    pub fn check(
        &mut self,
        key: &str,
        group: Group,
        config: &RateLimitConfig,
        now: DateTime<Utc>,
    ) -> Verdict {
        let limit = group.limit(config);
        let (window, penalty) = (dur(config.window), dur(config.penalty));
        let bucket = self.buckets.entry((key.to_owned(), group)).or_default();
        let mut verdict = Verdict {
            group,
            limit,
            remaining: 0,
            window: config.window.as_secs(),
            retry_after: None,
        };
        if bucket.penalty_until.is_some_and(|until| until > now) {
            bucket.penalty_until = Some(now + penalty);
            verdict.retry_after = Some(config.penalty.as_secs().max(1));
            return verdict;
        }
        bucket.penalty_until = None;
        while bucket.hits.front().is_some_and(|t| *t <= now - window) {
            bucket.hits.pop_front();
        }
        if bucket.hits.len() >= limit as usize {
            bucket.penalty_until = Some(now + penalty);
            verdict.retry_after = Some(config.penalty.as_secs().max(1));
            return verdict;
        }
        bucket.hits.push_back(now);
        verdict.remaining = limit.saturating_sub(bucket.hits.len() as u32);
        verdict
    }

    /// Forgets all counts and penalties.
    pub fn clear(&mut self) {
        self.buckets.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_then_penalty_that_restarts() {
        let config = RateLimitConfig::default();
        let mut limiter = RateLimiter::default();
        let now = Utc::now();
        for i in 0..5 {
            let v = limiter.check("u", Group::Auth, &config, now);
            assert_eq!(
                (v.retry_after, v.remaining),
                (None, 4 - i),
                "request {i} within the Auth limit of 5"
            );
        }
        assert_eq!(
            limiter.check("u", Group::Auth, &config, now).retry_after,
            Some(60),
            "the 6th is refused"
        );
        let later = now + Duration::seconds(59);
        assert!(
            limiter
                .check("u", Group::Auth, &config, later)
                .retry_after
                .is_some(),
            "a request in the penalty restarts it"
        );
        let after_first_penalty = now + Duration::seconds(61);
        assert!(
            limiter
                .check("u", Group::Auth, &config, after_first_penalty)
                .retry_after
                .is_some(),
            "the restarted penalty still holds"
        );
        assert!(
            limiter
                .check(
                    "u",
                    Group::Auth,
                    &config,
                    after_first_penalty + Duration::seconds(61)
                )
                .retry_after
                .is_none(),
            "quiet for a full penalty: allowed again"
        );
        assert!(
            limiter
                .check("other", Group::Auth, &config, now)
                .retry_after
                .is_none(),
            "buckets are per user and app"
        );
        assert!(
            limiter
                .check("u", Group::Light, &config, now)
                .retry_after
                .is_none(),
            "and per group"
        );
    }
}
