//! Follow-ups promised in wrap-ups: listed due today, overdue and upcoming (History's
//! *Follow-ups*, `ringdesk followups`), and each handed over once when its time comes — by the
//! desk's clock, claimed in the cache so no two processes remind of the same promise.

use chrono::{DateTime, Duration, Local, Utc};
use serde::Serialize;

use super::{Desk, Error, WrapUpView};

/// Follow-ups, as the *Follow-ups* list groups them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpsView {
    /// Past their time.
    pub overdue: Vec<WrapUpView>,
    /// Due later today.
    pub today: Vec<WrapUpView>,
    /// Due after today (the next 30 days).
    pub upcoming: Vec<WrapUpView>,
}

impl Desk {
    /// Follow-ups: overdue (the last 30 days), due later today, upcoming (the next 30 days).
    pub fn follow_ups(&self) -> Result<FollowUpsView, Error> {
        let now = self.now();
        let end_of_today = now
            .with_timezone(&Local)
            .date_naive()
            .succ_opt()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .and_then(|t| t.and_local_timezone(Local).earliest())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(now + Duration::hours(12));
        let all = self.with_cache(|store| {
            Ok(store.follow_ups(now - Duration::days(30), now + Duration::days(30))?)
        })?;
        let mut view = FollowUpsView::default();
        for wrapup in &all {
            let at = wrapup.follow_up_at.unwrap_or(now);
            let shown = self.wrapup_view(wrapup);
            if at <= now {
                view.overdue.push(shown);
            } else if at < end_of_today {
                view.today.push(shown);
            } else {
                view.upcoming.push(shown);
            }
        }
        Ok(view)
    }

    /// The follow-ups whose time has come, claimed: each is answered once, ever, whichever
    /// process asks (the window's reminder loop, [`Desk::remind_follow_ups`]).
    pub fn due_follow_ups(&self) -> Result<Vec<WrapUpView>, Error> {
        let now = self.now();
        let due = self.with_cache(|store| Ok(store.claim_due_follow_ups(now)?))?;
        Ok(due.iter().map(|w| self.wrapup_view(w)).collect())
    }

    /// Hands each follow-up to `take` when its time comes (checked every `every`, and only
    /// while `wanted` says so: under Do not disturb they wait, unclaimed), until the desk's
    /// event stream ends. Run it in its own task.
    pub async fn remind_follow_ups(
        self: std::sync::Arc<Self>,
        every: std::time::Duration,
        wanted: impl Fn() -> bool + Send,
        mut take: impl FnMut(&WrapUpView) + Send,
    ) {
        let mut events = self.subscribe();
        loop {
            if wanted() {
                match self.due_follow_ups() {
                    Ok(due) => due.iter().for_each(&mut take),
                    Err(error) => tracing::warn!(%error, "follow-ups could not be read"),
                }
            }
            let tick = self.sleep(every);
            tokio::pin!(tick);
            loop {
                tokio::select! {
                    _ = &mut tick => break,
                    event = events.recv() => {
                        if matches!(event, Err(tokio::sync::broadcast::error::RecvError::Closed)) {
                            return;
                        }
                    }
                }
            }
        }
    }

    /// Now, by the desk's clock (follow-ups come due by it).
    fn now(&self) -> DateTime<Utc> {
        match &self.options.clock {
            Some(clock) => clock.now_utc(),
            None => Utc::now(),
        }
    }

    /// Waits `every` of the desk's clock.
    fn sleep(&self, every: std::time::Duration) -> ringdesk_clock::Sleep {
        match &self.options.clock {
            Some(clock) => clock.sleep(every),
            None => Box::pin(tokio::time::sleep(every)),
        }
    }
}
