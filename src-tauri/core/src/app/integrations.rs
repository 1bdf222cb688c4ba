//! The CRM connectors at work: what Settings → Integrations and `ringdesk integrations status`
//! show, *Test connection*, a replay, and the run that collects events from the cache, pulls
//! SuiteDash when due and sends each connector's queue — at every `ringdesk sync`, and in the
//! window from its loop (`integrations_loop`).

use std::sync::Arc;

use crate::config::SuiteDashSettings;
use crate::integrations::suitedash::quota::Spend;
use crate::integrations::suitedash::{CAPABILITIES as SUITEDASH_CAN, LAST_PULL};
use crate::integrations::webhook::{CAPABILITIES as WEBHOOK_CAN, TEST_EVENT};
use crate::integrations::{
    collect_events, deliver_due, DeliveryReport, IntegrationError, SuiteDash, Webhook, SUITEDASH,
    WEBHOOK,
};
use crate::store::{ActivityEntry, ActivityOutcome, QueueState};

use super::integration_views::{
    ConnectorView, EventView, IntegrationsOutcome, IntegrationsView, TestView,
};
use super::{Desk, Error, Problem};

/// The failed items a view lists.
const FAILED_SHOWN: usize = 20;
/// The mark: background pulls that failed in a row.
const PULL_FAILURES: &str = "pull_failures";
/// The mark: when the last background pull failed, ms.
const PULL_FAILED_AT: &str = "pull_failed_at";

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
                        .integration_mark(SUITEDASH, LAST_PULL)?
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
        if settings.webhook.is_some() {
            match self.run_webhook(&mut outcome).await {
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
        let last = store.integration_mark(SUITEDASH, LAST_PULL)?;
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
}
