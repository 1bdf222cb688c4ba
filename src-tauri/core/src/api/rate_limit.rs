//! Per-group request budgets, learned from `X-Rate-Limit-*` headers, so ringdesk waits before it
//! would exceed a limit and never sends into a penalty window.

use std::collections::VecDeque;
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;
use serde::Serialize;

use super::endpoint::{Group, Priority};
use super::server_duration::ServerDuration;
use crate::clock::{earlier, later, until, SetBack};
use crate::recovery::whole_seconds;

/// The budget of one group.
#[derive(Debug, Clone)]
struct Budget {
    limit: u32,
    window: Duration,
    /// When our own requests were admitted, within the window.
    sent: VecDeque<SystemTime>,
    /// What the server last said was used, and when.
    server_used: Option<(u32, SystemTime)>,
    /// No request before this instant (after a 429).
    penalty_until: Option<SystemTime>,
    /// Interactive requests currently waiting for this group.
    interactive_waiting: u32,
}

impl Budget {
    fn new(group: Group) -> Self {
        Self {
            limit: group.default_limit(),
            window: Duration::from_secs(60),
            sent: VecDeque::new(),
            server_used: None,
            penalty_until: None,
            interactive_waiting: 0,
        }
    }

    fn used(&mut self, now: SystemTime) -> u32 {
        while self
            .sent
            .front()
            .is_some_and(|t| later(*t, self.window) <= now)
        {
            self.sent.pop_front();
        }
        let server = match self.server_used {
            Some((used, at)) if later(at, self.window) > now => used,
            _ => 0,
        };
        (self.sent.len() as u32).max(server)
    }

    /// The wall clock went back by `by`: every stored instant goes back with it, so the window
    /// and any penalty keep their real length.
    fn set_back(&mut self, by: Duration) {
        for sent in &mut self.sent {
            *sent = earlier(*sent, by);
        }
        if let Some((_, at)) = self.server_used.as_mut() {
            *at = earlier(*at, by);
        }
        if let Some(until_at) = self.penalty_until.as_mut() {
            *until_at = earlier(*until_at, by);
        }
    }

    /// Requests a background job may use: the last fifth stays free for people.
    fn usable(&self, priority: Priority) -> u32 {
        match priority {
            Priority::Interactive => self.limit,
            Priority::Background if self.limit >= 2 => self.limit - (self.limit / 5).max(1),
            Priority::Background => self.limit,
        }
    }
}

/// A group's budget as `status` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetView {
    /// The group.
    pub group: Group,
    /// Requests allowed per window.
    pub limit: u32,
    /// Requests left in the current window (by ringdesk's count and the server's).
    pub remaining: u32,
    /// Window length in seconds.
    pub window_secs: u64,
    /// Seconds of penalty left after a 429, if any.
    pub penalty_secs: Option<u64>,
}

/// Every group's budget.
#[derive(Debug, Clone)]
pub struct Budgets {
    groups: [Budget; 4],
    clock: SetBack,
}

impl Default for Budgets {
    fn default() -> Self {
        Self {
            groups: Group::ALL.map(Budget::new),
            clock: SetBack::default(),
        }
    }
}

impl Budgets {
    /// Follows the wall clock to `now`: when it was set back, the stored instants go back too.
    fn follow(&mut self, now: SystemTime) {
        if let Some(by) = self.clock.check(now) {
            self.groups.iter_mut().for_each(|b| b.set_back(by));
        }
    }

    /// Admits a request now (and counts it), or says how long to wait.
    pub fn admit(
        &mut self,
        group: Group,
        priority: Priority,
        now: SystemTime,
    ) -> Result<(), Duration> {
        self.follow(now);
        let budget = &mut self.groups[group.index()];
        if let Some(until_at) = budget.penalty_until.filter(|t| *t > now) {
            return Err(until(now, until_at));
        }
        if priority == Priority::Background && budget.interactive_waiting > 0 {
            return Err(Duration::from_millis(250));
        }
        if budget.used(now) >= budget.usable(priority) {
            let wait = match budget.sent.front() {
                Some(oldest) => until(now, later(*oldest, budget.window)),
                None => budget.window / 4,
            };
            return Err(wait.max(Duration::from_millis(50)));
        }
        budget.sent.push_back(now);
        if let Some((used, _)) = budget.server_used.as_mut() {
            *used += 1;
        }
        Ok(())
    }

    /// Marks an interactive request of `group` as waiting (`true`) or done waiting (`false`).
    pub fn interactive_waiting(&mut self, group: Group, waiting: bool) {
        let count = &mut self.groups[group.index()].interactive_waiting;
        *count = if waiting {
            *count + 1
        } else {
            count.saturating_sub(1)
        };
    }

    /// Learns limits from a response's `X-Rate-Limit-*` headers (the window within
    /// [`ServerDuration::RateWindow`]'s bounds).
    pub fn observe(&mut self, group: Group, headers: &HeaderMap, now: SystemTime) {
        self.follow(now);
        let number = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        let group = headers
            .get("x-rate-limit-group")
            .and_then(|v| v.to_str().ok())
            .and_then(Group::parse)
            .unwrap_or(group);
        let budget = &mut self.groups[group.index()];
        if let Some(limit) = number("x-rate-limit-limit").filter(|l| *l > 0) {
            budget.limit = limit.min(u64::from(u32::MAX)) as u32;
        }
        if let Some(window) = number("x-rate-limit-window").filter(|w| *w > 0) {
            budget.window = ServerDuration::RateWindow.from_secs(window);
        }
        if let Some(remaining) = number("x-rate-limit-remaining") {
            let used = u64::from(budget.limit).saturating_sub(remaining) as u32;
            budget.server_used = Some((used, now));
        }
    }

    /// A 429: nothing goes to `group` until `retry_after` (at most an hour) has passed.
    pub fn penalise(&mut self, group: Group, retry_after: Duration, now: SystemTime) {
        self.follow(now);
        let budget = &mut self.groups[group.index()];
        let retry_after = ServerDuration::RetryAfter.bound(retry_after);
        budget.penalty_until = Some(later(now, retry_after));
    }

    /// Every group's state at `now`.
    pub fn view(&mut self, now: SystemTime) -> Vec<BudgetView> {
        self.follow(now);
        Group::ALL
            .into_iter()
            .map(|group| {
                let budget = &mut self.groups[group.index()];
                let used = budget.used(now);
                BudgetView {
                    group,
                    limit: budget.limit,
                    remaining: budget.limit.saturating_sub(used),
                    window_secs: budget.window.as_secs(),
                    penalty_secs: budget
                        .penalty_until
                        .filter(|t| *t > now)
                        .map(|t| whole_seconds(until(now, t))),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn rate_headers(limit: u32, remaining: u32, window: u32) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-rate-limit-group", HeaderValue::from_static("heavy"));
        h.insert("x-rate-limit-limit", HeaderValue::from(limit));
        h.insert("x-rate-limit-remaining", HeaderValue::from(remaining));
        h.insert("x-rate-limit-window", HeaderValue::from(window));
        h
    }

    #[test]
    fn waits_before_exceeding_a_learned_limit() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1000);
        let mut budgets = Budgets::default();
        budgets.observe(Group::Heavy, &rate_headers(3, 2, 10), t0);
        for _ in 0..2 {
            assert!(budgets
                .admit(Group::Heavy, Priority::Interactive, t0)
                .is_ok());
        }
        let wait = budgets
            .admit(Group::Heavy, Priority::Interactive, t0)
            .expect_err("the server said one was used already: 1 + 2 = 3 = the limit");
        assert_eq!(
            wait,
            Duration::from_secs(10),
            "until our oldest request leaves the window"
        );
        assert!(
            budgets
                .admit(
                    Group::Heavy,
                    Priority::Interactive,
                    t0 + Duration::from_secs(10)
                )
                .is_ok(),
            "a new window"
        );
    }

    #[test]
    fn penalties_block_and_background_leaves_room_for_people() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1000);
        let mut budgets = Budgets::default();
        budgets.penalise(Group::Light, Duration::from_secs(40), t0);
        assert_eq!(
            budgets.admit(
                Group::Light,
                Priority::Interactive,
                t0 + Duration::from_secs(10)
            ),
            Err(Duration::from_secs(30)),
            "nothing is sent into a penalty window"
        );
        for _ in 0..8 {
            assert!(budgets
                .admit(Group::Heavy, Priority::Background, t0)
                .is_ok());
        }
        assert!(
            budgets
                .admit(Group::Heavy, Priority::Background, t0)
                .is_err(),
            "sync stops at 8 of 10"
        );
        assert!(
            budgets
                .admit(Group::Heavy, Priority::Interactive, t0)
                .is_ok(),
            "a call still goes"
        );
        budgets.interactive_waiting(Group::Medium, true);
        assert!(
            budgets
                .admit(Group::Medium, Priority::Background, t0)
                .is_err(),
            "sync yields while a person waits"
        );
    }

    #[test]
    fn a_clock_set_back_keeps_windows_and_penalties_their_real_length() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(100_000);
        let mut budgets = Budgets::default();
        budgets.observe(Group::Heavy, &rate_headers(5, 0, 60), t0);
        budgets.penalise(Group::Light, Duration::from_secs(40), t0);
        let back = t0 - Duration::from_secs(2 * 3600);
        assert_eq!(
            budgets.admit(Group::Light, Priority::Interactive, back),
            Err(Duration::from_secs(40)),
            "the penalty's 40 s, not two hours more"
        );
        let wait = budgets
            .admit(Group::Heavy, Priority::Interactive, back)
            .expect_err("the window is still used up");
        assert!(wait <= Duration::from_secs(60), "{wait:?}");
        let later = back + Duration::from_secs(60);
        assert!(
            budgets
                .admit(Group::Heavy, Priority::Interactive, later)
                .is_ok(),
            "a new window a minute after the last request, by the clock as it is now"
        );
    }
}

#[cfg(test)]
mod absurd_headers;
