//! The CRM connectors at work: what Settings → Integrations and `ringdesk integrations status`
//! show, *Test connection*, a replay, and the run that collects events from the cache, pulls
//! SuiteDash when due and sends each connector's queue — at every `ringdesk sync`, and in the
//! window from a loop that wakes when something is due.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serde::Serialize;
use tokio::sync::Notify;

use crate::config::{SuiteDashSettings, WebhookSettings};
use crate::integrations::suitedash::quota::Spend;
use crate::integrations::suitedash::{QuotaView, SuiteDashAccount, CAPABILITIES as SUITEDASH_CAN};
use crate::integrations::webhook::{CAPABILITIES as WEBHOOK_CAN, TEST_EVENT};
use crate::integrations::{
    collect_events, deliver_due, Capabilities, DeliveryReport, IntegrationError, SuiteDash,
    Webhook, SUITEDASH, WEBHOOK,
};
use crate::store::{ActivityEntry, ActivityOutcome, QueueCounts, QueueState, QueuedItem};

use super::{Desk, Error, Problem};

/// How often the window's loop looks for due work when nothing woke it.
const LOOK_EVERY: Duration = Duration::from_secs(15);
/// The failed items a view lists.
const FAILED_SHOWN: usize = 20;
/// The mark: background pulls that failed in a row.
const PULL_FAILURES: &str = "pull_failures";
/// The mark: when the last background pull failed, ms.
const PULL_FAILED_AT: &str = "pull_failed_at";

/// One queued event or push, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventView {
    /// Its id (what a replay names).
    pub event_id: String,
    /// `sms.sent`, `contact.create` …
    pub kind: String,
    /// Where it stands.
    pub state: QueueState,
    /// Attempts so far.
    pub attempts: u32,
    /// When it happened.
    pub created: String,
    /// When it goes (again).
    pub next_at: String,
    /// The last answer's HTTP status.
    pub http_status: Option<u16>,
    /// The last failure, in words.
    pub error: Option<String>,
}

impl From<QueuedItem> for EventView {
    fn from(item: QueuedItem) -> Self {
        Self {
            event_id: item.event_id,
            kind: item.kind,
            state: item.state,
            attempts: item.attempts,
            created: item.created.to_rfc3339(),
            next_at: item.next_at.to_rfc3339(),
            http_status: item.http_status,
            error: item.error,
        }
    }
}

/// One connector as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectorView {
    /// `webhook` or `suitedash`.
    pub name: &'static str,
    /// What it pulls and pushes.
    pub capabilities: Capabilities,
    /// The receiver's or the API's address.
    pub url: String,
    /// SuiteDash's Public ID (empty for the webhook).
    pub public_id: String,
    /// Its secret is in the keychain (the secret itself is never shown).
    pub secret_set: bool,
    /// Its queue.
    pub queue: QueueCounts,
    /// The latest refused items.
    pub failed: Vec<EventView>,
    /// SuiteDash's monthly quota count.
    pub quota: Option<QuotaView>,
    /// When SuiteDash was last pulled.
    pub last_pull: Option<String>,
}

/// Settings → Integrations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationsView {
    /// The webhook, when set up.
    pub webhook: Option<ConnectorView>,
    /// SuiteDash, when set up.
    pub suitedash: Option<ConnectorView>,
    /// Import mode's export history, newest first.
    pub exports: Vec<super::ExportView>,
}

/// What *Test connection* found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "connector")]
pub enum TestView {
    /// The receiver took a signed test event.
    Webhook {
        /// Its HTTP status.
        http_status: u16,
    },
    /// SuiteDash answered with the account's contacts.
    Suitedash(SuiteDashAccount),
}

/// What one run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationsOutcome {
    /// Events queued from the cache now.
    pub events_queued: usize,
    /// The webhook's deliveries.
    pub webhook: Option<DeliveryReport>,
    /// SuiteDash's pushes.
    pub suitedash: Option<DeliveryReport>,
    /// SuiteDash's pull, when one ran.
    pub pulled: Option<crate::integrations::suitedash::PullReport>,
    /// What failed, connector by connector (the rest went on).
    pub problems: Vec<Problem>,
}

/// The window's loop: woken when work may be due.
#[derive(Default)]
pub(crate) struct IntegrationsControl {
    wake: Notify,
    generation: AtomicU64,
}

impl Desk {
    /// The connectors set up for this profile, their queues and the export history.
    pub async fn integrations(&self) -> Result<IntegrationsView, Error> {
        let settings = self.integration_settings();
        let now = self.clock().now_utc();
        let webhook = match &settings.webhook {
            Some(hook) => Some(self.connector_view(WEBHOOK, hook.url.clone(), "")?),
            None => None,
        };
        let suitedash = match &settings.suitedash {
            Some(sd) => {
                let mut view = self.connector_view(SUITEDASH, sd.api_url.clone(), &sd.public_id)?;
                self.with_cache(|store| {
                    view.quota = Some(crate::integrations::suitedash::quota::quota_view(
                        store,
                        sd.monthly_quota,
                        now,
                    )?);
                    view.last_pull = store
                        .integration_mark(SUITEDASH, "last_pull")?
                        .and_then(chrono::DateTime::from_timestamp_millis)
                        .map(|t| t.to_rfc3339());
                    Ok(())
                })?;
                Some(view)
            }
            None => None,
        };
        let mut with_secrets = IntegrationsView {
            webhook,
            suitedash,
            exports: self.contact_exports()?,
        };
        if let Some(view) = with_secrets.webhook.as_mut() {
            view.secret_set = self.has_integration_secret(WEBHOOK).await;
        }
        if let Some(view) = with_secrets.suitedash.as_mut() {
            view.secret_set = self.has_integration_secret(SUITEDASH).await;
        }
        Ok(with_secrets)
    }

    fn connector_view(
        &self,
        name: &'static str,
        url: String,
        public_id: &str,
    ) -> Result<ConnectorView, Error> {
        self.with_cache(|store| {
            Ok(ConnectorView {
                name,
                capabilities: if name == WEBHOOK {
                    WEBHOOK_CAN
                } else {
                    SUITEDASH_CAN
                },
                url,
                public_id: public_id.to_string(),
                secret_set: false,
                queue: store.queue_counts(name)?,
                failed: store
                    .queue_items(name, QueueState::Failed, FAILED_SHOWN)?
                    .into_iter()
                    .map(EventView::from)
                    .collect(),
                quota: None,
                last_pull: None,
            })
        })
    }

    /// Tests a connector: the webhook gets a signed `ringdesk.test` event; SuiteDash is asked
    /// for its first page of contacts.
    pub async fn test_integration(&self, connector: &str) -> Result<TestView, Error> {
        match connector {
            WEBHOOK => {
                let hook = self.webhook().await?;
                let (at, started) = (self.clock().now_utc(), std::time::Instant::now());
                let tested = hook.test().await;
                let entry = ActivityEntry {
                    at,
                    action: format!("{WEBHOOK}:{TEST_EVENT}"),
                    request_id: None,
                    outcome: match tested {
                        Ok(_) => ActivityOutcome::Ok,
                        Err(_) => ActivityOutcome::Error,
                    },
                    http_status: match &tested {
                        Ok(status) | Err(IntegrationError::Refused { status, .. }) => Some(*status),
                        Err(_) => None,
                    },
                    duration_ms: started.elapsed().as_millis() as u64,
                    error_code: tested.as_ref().err().map(|_| "test_failed".to_string()),
                };
                self.with_cache(|store| Ok(store.log_activity(&entry)?))?;
                Ok(TestView::Webhook {
                    http_status: tested?,
                })
            }
            SUITEDASH => Ok(TestView::Suitedash(self.suitedash().await?.test().await?)),
            other => Err(IntegrationError::BadSetting {
                setting: "connector",
                reason: format!("{other:?} is not a connector (webhook, suitedash)"),
            }
            .into()),
        }
    }

    /// Sends an event or push again (a failed one, or a delivered one the receiver lost).
    pub fn replay_event(&self, event_id: &str) -> Result<EventView, Error> {
        let now = self.clock().now_utc();
        let item = self.with_cache(|store| Ok(store.queue_replay(event_id.trim(), now)?))?;
        let item = item.ok_or_else(|| IntegrationError::UnknownEvent(event_id.to_string()))?;
        self.wake_integrations();
        Ok(item.into())
    }

    /// The latest `limit` entries of the activity log (RingCentral's requests and the
    /// connectors' alike), newest first.
    pub fn activity(&self, limit: usize) -> Result<Vec<crate::store::ActivityEntry>, Error> {
        self.with_cache(|store| Ok(store.activity(limit)?))
    }

    /// The connectors' latest `limit` requests from the activity log, newest first.
    pub fn integration_log(&self, limit: usize) -> Result<Vec<ActivityEntry>, Error> {
        self.with_cache(|store| Ok(store.connector_activity(limit.clamp(1, 1000))?))
    }

    /// One queued event or push by its id.
    pub fn integration_event(&self, event_id: &str) -> Result<EventView, Error> {
        self.with_cache(|store| Ok(store.queue_item(event_id.trim())?))?
            .map(EventView::from)
            .ok_or_else(|| IntegrationError::UnknownEvent(event_id.to_string()).into())
    }

    /// Pulls SuiteDash's contacts and companies now (the agent asked: it may spend the month's
    /// reserve).
    pub async fn pull_suitedash(
        &self,
    ) -> Result<crate::integrations::suitedash::PullReport, Error> {
        Ok(self.suitedash().await?.pull(Spend::Asked).await?)
    }

    /// Collects new events, pulls SuiteDash when its time has come, and sends every queue's due
    /// items. A connector that fails is reported; the others go on.
    pub async fn run_integrations(&self) -> IntegrationsOutcome {
        let settings = self.integration_settings();
        let mut outcome = IntegrationsOutcome::default();
        if let Some(hook) = &settings.webhook {
            match self.run_webhook(hook, &mut outcome).await {
                Ok(report) => outcome.webhook = Some(report),
                Err(error) => outcome.problems.push(Problem::of(&error)),
            }
        }
        if let Some(sd) = &settings.suitedash {
            match self.run_suitedash(sd, &mut outcome).await {
                Ok(report) => outcome.suitedash = Some(report),
                Err(error) => outcome.problems.push(Problem::of(&error)),
            }
        }
        outcome
    }

    async fn run_webhook(
        &self,
        _hook: &WebhookSettings,
        outcome: &mut IntegrationsOutcome,
    ) -> Result<DeliveryReport, Error> {
        let webhook = self.webhook().await?;
        let mut store = self.open_store()?;
        outcome.events_queued += collect_events(&mut store, WEBHOOK, self.clock().now_utc())?;
        Ok(deliver_due(&mut store, &webhook, self.clock().as_ref()).await?)
    }

    async fn run_suitedash(
        &self,
        settings: &SuiteDashSettings,
        outcome: &mut IntegrationsOutcome,
    ) -> Result<DeliveryReport, Error> {
        let suitedash = self.suitedash().await?;
        let mut store = self.open_store()?;
        let now = self.clock().now_utc().timestamp_millis();
        let every = i64::from(settings.pull_every_hours) * 3_600_000;
        let last = store.integration_mark(SUITEDASH, "last_pull")?;
        // A failing pull waits 1, 2, 4 … minutes (up to the pull interval) before the next:
        // every request counts against the month's quota, failed or not.
        let failures = store
            .integration_mark(SUITEDASH, PULL_FAILURES)?
            .unwrap_or(0);
        let failed_at = store.integration_mark(SUITEDASH, PULL_FAILED_AT)?;
        let pause = (60_000_i64 << failures.clamp(0, 20)).min(every);
        let due = settings.pull_every_hours > 0
            && last.is_none_or(|last| now - last >= every)
            && failed_at.is_none_or(|at| now - at >= pause);
        if due {
            match suitedash.pull(Spend::Background).await {
                Ok(report) => {
                    outcome.pulled = Some(report);
                    store.set_integration_mark(SUITEDASH, PULL_FAILURES, 0)?;
                }
                Err(IntegrationError::QuotaReserved { .. }) => {}
                Err(error) => {
                    store.set_integration_mark(SUITEDASH, PULL_FAILURES, failures + 1)?;
                    store.set_integration_mark(SUITEDASH, PULL_FAILED_AT, now)?;
                    outcome.problems.push(Problem::of(&Error::from(error)));
                }
            }
        }
        Ok(deliver_due(&mut store, &suitedash, self.clock().as_ref()).await?)
    }

    pub(super) async fn webhook(&self) -> Result<Webhook, Error> {
        let settings = self.integration_settings();
        let hook = settings
            .webhook
            .ok_or(IntegrationError::NotConfigured { connector: WEBHOOK })?;
        let secret = self.integration_secret(WEBHOOK).await?;
        Ok(Webhook::new(
            &hook.url,
            secret,
            &self.profile().name,
            self.clock(),
        )?)
    }

    pub(super) async fn suitedash(&self) -> Result<SuiteDash, Error> {
        let settings = self.integration_settings();
        let sd = settings.suitedash.ok_or(IntegrationError::NotConfigured {
            connector: SUITEDASH,
        })?;
        let secret = self.integration_secret(SUITEDASH).await?;
        Ok(SuiteDash::new(
            &sd,
            secret,
            self.open_store()?,
            self.clock(),
        )?)
    }

    /// The clock connectors stamp and schedule by.
    pub(super) fn clock(&self) -> Arc<dyn ringdesk_clock::Clock> {
        self.options
            .clock
            .clone()
            .unwrap_or_else(|| Arc::new(ringdesk_clock::SystemClock))
    }

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
