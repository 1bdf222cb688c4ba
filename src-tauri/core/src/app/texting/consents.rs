//! RingCentral's SMS consent records, read at each sync into the cache, so a customer who
//! opted out is marked (thread, contact) and refused before any text is sent — even when no text
//! to them has failed yet.

use chrono::{DateTime, Utc};

use crate::api::consents::{all_consents, ConsentRecord};
use crate::api::Client;
use crate::store::{Consent, Store};

use super::Desk;

/// A record as the cache keeps it; `None` for one without a status ringdesk knows.
fn consent(record: &ConsentRecord) -> Option<Consent> {
    let opted_out = match record.opt_status.as_str() {
        "OptOut" => true,
        "OptIn" => false,
        _ => return None,
    };
    let modified = record
        .last_modified_time
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    Some(Consent {
        own_number: record.from.clone().unwrap_or_else(|| "*".into()),
        peer: record.to.clone(),
        opted_out,
        source: record.source.clone(),
        modified,
    })
}

impl Desk {
    /// Reads the account's consent records into `store`. Never fails the sync: an account or
    /// app that cannot read them (403, 404) keeps what the messages show; other failures are
    /// logged and tried at the next sync.
    pub(crate) async fn refresh_consents(&self, client: &Client, store: &mut Store) {
        match all_consents(client).await {
            Ok(records) => {
                let kept: Vec<Consent> = records.iter().filter_map(consent).collect();
                match store.replace_consents(&kept) {
                    Ok(count) => tracing::debug!(count, "SMS consent records read"),
                    Err(error) => tracing::warn!(%error, "SMS consent records not stored"),
                }
            }
            Err(error) if matches!(error.status(), Some(403 | 404)) => {
                tracing::debug!(%error, "SMS consent records are not readable here")
            }
            Err(error) => tracing::warn!(%error, "SMS consent records could not be read"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_become_cache_rows_and_unknown_statuses_are_dropped() {
        let record = ConsentRecord {
            from: Some("+16505550100".into()),
            to: "+14155550177".into(),
            opt_status: "OptOut".into(),
            source: Some("Recipient".into()),
            last_modified_time: Some("2026-12-01T10:00:00Z".into()),
        };
        let row = consent(&record).expect("an opt-out");
        assert!(row.opted_out);
        assert_eq!(row.modified.to_rfc3339(), "2026-12-01T10:00:00+00:00");
        let every_number = consent(&ConsentRecord {
            from: None,
            opt_status: "OptIn".into(),
            ..record.clone()
        })
        .expect("an opt-in");
        assert_eq!(
            (every_number.own_number.as_str(), every_number.opted_out),
            ("*", false)
        );
        assert!(consent(&ConsentRecord {
            opt_status: "Maybe".into(),
            ..record
        })
        .is_none());
    }
}
