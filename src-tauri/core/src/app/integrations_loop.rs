//! The window's loop for the CRM connectors: it runs them at start, whenever something is queued
//! or set up (it is woken), at the next due item, and every few seconds to collect new events. A
//! problem that lasts is logged once, not at every run.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio::sync::Notify;

use crate::integrations::{SUITEDASH, WEBHOOK};

use super::Desk;

/// How often the window's loop looks for due work when nothing woke it.
const LOOK_EVERY: Duration = Duration::from_secs(15);

/// The window's loop: woken when work may be due.
#[derive(Default)]
pub(crate) struct IntegrationsControl {
    wake: Notify,
    generation: AtomicU64,
}

impl Desk {
    /// Wakes the window's loop (something was queued or set up).
    pub(super) fn wake_integrations(&self) {
        self.integrations.wake.notify_one();
    }

    /// Starts the window's loop: runs the connectors now, then whenever woken, or at the next
    /// due item, or every few seconds to collect new events.  A later start ends an earlier loop.
    pub(crate) fn start_integrations(self: &Arc<Self>) {
        let generation = self.integrations.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let desk = self.clone();
        tokio::spawn(async move {
            // A problem that lasts (no secret yet, the CRM down) is logged once, not every run.
            let mut told = Vec::new();
            while desk.integrations.generation.load(Ordering::SeqCst) == generation {
                if !desk.integration_settings().is_empty() {
                    let outcome = desk.run_integrations().await;
                    let problems: Vec<String> =
                        outcome.problems.iter().map(|p| p.message.clone()).collect();
                    for problem in problems.iter().filter(|p| !told.contains(*p)) {
                        tracing::warn!(%problem, "CRM connector");
                    }
                    told = problems;
                }
                let wait = desk.next_integration_wait();
                let _ = tokio::time::timeout(wait, desk.integrations.wake.notified()).await;
            }
        });
    }

    fn next_integration_wait(&self) -> Duration {
        let next = self.with_cache(|store| {
            let mut next = None;
            for connector in [WEBHOOK, SUITEDASH] {
                if let Some(due) = store.queue_next_due(connector)? {
                    next = Some(next.map_or(due, |n: chrono::DateTime<Utc>| n.min(due)));
                }
            }
            Ok(next)
        });
        match next {
            Ok(Some(due)) => (due - Utc::now())
                .to_std()
                .unwrap_or(Duration::from_millis(200))
                .clamp(Duration::from_millis(200), LOOK_EVERY),
            _ => LOOK_EVERY,
        }
    }
}
