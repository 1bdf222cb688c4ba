//! Pulling SuiteDash's contacts and companies into the cache: every page of both lists, then one
//! transaction that stores them (a contact source of its own) and removes the ones SuiteDash no
//! longer has. A pull that fails half-way stores nothing and removes nothing.

use serde::Serialize;
use serde_json::Value;

use super::assumptions::{COMPANIES_PATH, CONTACTS_PATH, MOST_PAGES};
use super::quota::Spend;
use super::{records, SuiteDash, SUITEDASH};
use crate::integrations::IntegrationError;
use crate::store::{ContactRecord, ContactSource};

/// The mark: the generation the last complete pull stamped on its contacts.
const GENERATION: &str = "generation";
/// The mark: when the last complete pull ended, ms.
pub const LAST_PULL: &str = "last_pull";

/// What a pull did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PullReport {
    /// Contacts stored.
    pub contacts: u64,
    /// Companies stored.
    pub companies: u64,
    /// Contacts and companies removed (gone from SuiteDash).
    pub removed: u64,
    /// Pages read (requests spent).
    pub pages: u32,
}

impl SuiteDash {
    /// Reads every contact and company and replaces SuiteDash's contacts in the cache with them.
    pub async fn pull(&self, who: Spend) -> Result<PullReport, IntegrationError> {
        let mut report = PullReport::default();
        let contacts = self
            .read_all(CONTACTS_PATH, who, records::contact, &mut report.pages)
            .await?;
        let companies = self
            .read_all(COMPANIES_PATH, who, records::company, &mut report.pages)
            .await?;
        report.contacts = contacts.len() as u64;
        report.companies = companies.len() as u64;
        let now = self.clock.now_utc().timestamp_millis();
        report.removed = self.with_cache(|cache| {
            let generation = cache.integration_mark(SUITEDASH, GENERATION)?.unwrap_or(0) + 1;
            let mut batch = cache.batch()?;
            for contact in contacts.iter().chain(&companies) {
                batch.put_contact(ContactSource::SuiteDash, contact, generation)?;
            }
            let removed = batch.sweep_contacts(ContactSource::SuiteDash, generation)?;
            batch.set_integration_mark(SUITEDASH, GENERATION, generation)?;
            batch.set_integration_mark(SUITEDASH, LAST_PULL, now)?;
            batch.commit()?;
            Ok(removed as u64)
        })?;
        Ok(report)
    }

    /// Stores one contact SuiteDash just created, stamped with the last pull's generation (the
    /// next pull brings it again).
    pub(crate) fn keep_created(&self, contact: &ContactRecord) -> Result<(), IntegrationError> {
        self.with_cache(|cache| {
            let generation = cache.integration_mark(SUITEDASH, GENERATION)?.unwrap_or(0);
            let mut batch = cache.batch()?;
            batch.put_contact(ContactSource::SuiteDash, contact, generation)?;
            batch.commit()?;
            Ok(())
        })
    }

    async fn read_all(
        &self,
        path: &str,
        who: Spend,
        convert: fn(&Value) -> Option<ContactRecord>,
        pages: &mut u32,
    ) -> Result<Vec<ContactRecord>, IntegrationError> {
        let mut found = Vec::new();
        for page in 1..=MOST_PAGES {
            let answer = self.list_page(path, page, who).await?;
            *pages += 1;
            found.extend(answer.data.iter().filter_map(convert));
            if !answer.has_more(page) {
                return Ok(found);
            }
        }
        Err(IntegrationError::BadAnswer {
            connector: SUITEDASH,
            message: format!("{path} did not end within {MOST_PAGES} pages"),
        })
    }
}
