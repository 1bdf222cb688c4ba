//! SuiteDash's monthly request quota (Free Trial 80, Start 400, Thrive 2 000, Pinnacle 20 000):
//! SuiteDash does not say what is left, so ringdesk counts every request it sends, per calendar
//! month (UTC), durably, before the request leaves. At 80 % the agent is warned; background
//! pulls never spend the last 5 %, which stays for what the agent asks (a new lead, *Test
//! connection*, *Pull now*); at 100 % nothing more is sent until the month turns.

use chrono::{DateTime, Datelike, Utc};
use serde::Serialize;

use super::SUITEDASH;
use crate::integrations::IntegrationError;
use crate::store::Store;

/// Who a request is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spend {
    /// Work nobody is waiting for (the periodic pull).
    Background,
    /// What the agent asked for.
    Asked,
}

/// The month's count against the quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuotaView {
    /// `2026-12`.
    pub month: String,
    /// Requests sent this month.
    pub used: u32,
    /// The plan's monthly quota.
    pub quota: u32,
    /// 80 % or more is spent.
    pub warning: bool,
    /// 95 % or more: background pulls wait for next month.
    pub reserved: bool,
}

fn month(now: DateTime<Utc>) -> String {
    format!("{:04}-{:02}", now.year(), now.month())
}

fn mark(now: DateTime<Utc>) -> String {
    format!("requests:{}", month(now))
}

fn view(used: u32, quota: u32, now: DateTime<Utc>) -> QuotaView {
    let share = |percent: u64| u64::from(used) * 100 >= u64::from(quota) * percent;
    QuotaView {
        month: month(now),
        used,
        quota,
        warning: share(80),
        reserved: share(95),
    }
}

/// The month's count.
pub fn quota_view(
    store: &Store,
    quota: u32,
    now: DateTime<Utc>,
) -> Result<QuotaView, IntegrationError> {
    let used = store.integration_mark(SUITEDASH, &mark(now))?.unwrap_or(0);
    Ok(view(used.clamp(0, i64::from(u32::MAX)) as u32, quota, now))
}

/// Counts one request about to leave, or refuses it: a background request once 95 % is spent,
/// any request once the quota is.
pub fn spend(
    store: &mut Store,
    quota: u32,
    who: Spend,
    now: DateTime<Utc>,
) -> Result<QuotaView, IntegrationError> {
    let before = quota_view(store, quota, now)?;
    if before.used >= quota {
        return Err(IntegrationError::QuotaSpent {
            used: before.used,
            quota,
        });
    }
    if who == Spend::Background && before.reserved {
        return Err(IntegrationError::QuotaReserved {
            used: before.used,
            quota,
        });
    }
    let used = store.count_integration_request(SUITEDASH, &mark(now))?;
    let after = view(used.clamp(0, i64::from(u32::MAX)) as u32, quota, now);
    if after.warning && !before.warning {
        tracing::warn!(
            used = after.used,
            quota,
            "SuiteDash's monthly quota is 80 % spent"
        );
    }
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phone::Country;
    use chrono::TimeZone;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("dir");
        let store =
            Store::open(&dir.path().join("cache.db"), Country::united_states()).expect("store");
        (dir, store)
    }

    #[test]
    fn warns_at_80_keeps_the_last_5_for_the_agent_and_stops_at_100() {
        let (_dir, mut store) = store();
        let now = Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap();
        for n in 1..=79 {
            let view = spend(&mut store, 100, Spend::Background, now).expect("spend");
            assert_eq!(view.used, n);
            assert!(!view.warning);
        }
        assert!(
            spend(&mut store, 100, Spend::Background, now)
                .expect("80th")
                .warning
        );
        for _ in 81..=95 {
            spend(&mut store, 100, Spend::Background, now).expect("spend");
        }
        assert!(matches!(
            spend(&mut store, 100, Spend::Background, now),
            Err(IntegrationError::QuotaReserved {
                used: 95,
                quota: 100
            })
        ));
        for _ in 96..=100 {
            spend(&mut store, 100, Spend::Asked, now).expect("the agent's requests still go");
        }
        assert!(matches!(
            spend(&mut store, 100, Spend::Asked, now),
            Err(IntegrationError::QuotaSpent {
                used: 100,
                quota: 100
            })
        ));
        let next_month = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(
            spend(&mut store, 100, Spend::Background, next_month)
                .expect("new month")
                .used,
            1
        );
    }
}
