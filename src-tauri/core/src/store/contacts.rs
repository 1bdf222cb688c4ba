//! Contacts as the cache stores them — RingCentral personal contacts, the company directory,
//! SuiteDash's contacts and companies, and local contacts (CSV import) — and how a batch writes them. Local contacts are never touched
//! by a sync.

use std::fmt;
use std::str::FromStr;

use chrono::Utc;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::time::to_millis;
use super::{Batch, StoreError};

/// Where a contact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactSource {
    /// The agent's RingCentral personal address book.
    Personal,
    /// The company directory (colleagues).
    Directory,
    /// Added on this machine (CSV import); never synced.
    Local,
    /// SuiteDash's contacts and companies (the SuiteDash connector's pull).
    SuiteDash,
}

impl ContactSource {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Personal => "personal",
            Self::Directory => "directory",
            Self::Local => "local",
            Self::SuiteDash => "suitedash",
        }
    }
}

impl fmt::Display for ContactSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ContactSource {
    type Err = StoreError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "personal" => Ok(Self::Personal),
            "directory" => Ok(Self::Directory),
            "local" => Ok(Self::Local),
            "suitedash" => Ok(Self::SuiteDash),
            other => Err(super::error::corrupt("contact source", other)),
        }
    }
}

/// One number of a contact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactNumber {
    /// The number in any spelling; stored under its match key.
    pub number: String,
    /// What kind of number (`mobile`, `business`, …).
    pub label: String,
}

/// A contact to store.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContactRecord {
    /// RingCentral's id (personal contact or directory entry); `None` for a new local contact.
    pub remote_id: Option<String>,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Company.
    pub company: String,
    /// E-mail address.
    pub email: String,
    /// Job title.
    pub job_title: String,
    /// Extension number (directory entries).
    pub extension: String,
    /// Comma-separated tags (CRM import and export).
    pub tags: String,
    /// Free notes.
    pub notes: String,
    /// Phone numbers.
    pub numbers: Vec<ContactNumber>,
    /// The record as received, for fields not modelled yet.
    pub raw: Option<String>,
}

impl Batch<'_> {
    /// Stores a contact of `source`. A contact with a `remote_id` replaces the stored one with
    /// the same source and id; `generation` marks it as seen by the current full sync (see
    /// [`Batch::sweep_contacts`]). Returns the contact's id in the cache.
    pub fn put_contact(
        &mut self,
        source: ContactSource,
        contact: &ContactRecord,
        generation: i64,
    ) -> Result<i64, StoreError> {
        let id: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO contacts (source, remote_id, first_name, last_name, company, email,
                     job_title, extension, tags, notes, raw, generation, updated_at, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)
                 ON CONFLICT (source, remote_id) WHERE remote_id IS NOT NULL DO UPDATE SET
                     first_name = excluded.first_name, last_name = excluded.last_name,
                     company = excluded.company, email = excluded.email,
                     job_title = excluded.job_title, extension = excluded.extension,
                     tags = excluded.tags, notes = excluded.notes, raw = excluded.raw,
                     generation = excluded.generation, updated_at = excluded.updated_at
                 RETURNING id",
            )?
            .query_row(
                params![
                    source.as_str(),
                    contact.remote_id,
                    contact.first_name.trim(),
                    contact.last_name.trim(),
                    contact.company.trim(),
                    contact.email.trim(),
                    contact.job_title.trim(),
                    contact.extension.trim(),
                    contact.tags.trim(),
                    contact.notes,
                    contact.raw,
                    generation,
                    to_millis(Utc::now()),
                ],
                |row| row.get(0),
            )?;
        self.tx
            .prepare_cached("DELETE FROM contact_numbers WHERE contact_id = ?1")?
            .execute([id])?;
        let name = format!("{} {}", contact.first_name.trim(), contact.last_name.trim());
        for number in &contact.numbers {
            let Some(resolved) = self.number(Some(&number.number), name.trim())? else {
                continue;
            };
            self.tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO contact_numbers (contact_id, match_key, label)
                     VALUES (?1, ?2, ?3)",
                )?
                .execute(params![id, resolved.key.as_str(), number.label])?;
        }
        Ok(id)
    }

    /// Whether a local contact with the same name and first number is already stored.
    pub fn has_local_contact(&mut self, contact: &ContactRecord) -> Result<bool, StoreError> {
        let key = match contact.numbers.first() {
            Some(number) => self.number(Some(&number.number), "")?.map(|r| r.key),
            None => None,
        };
        let found = self
            .tx
            .prepare_cached(
                "SELECT 1 FROM contacts c WHERE c.source = 'local'
                   AND c.first_name = ?1 AND c.last_name = ?2 AND c.company = ?3
                   AND (?4 IS NULL OR EXISTS (SELECT 1 FROM contact_numbers n
                                              WHERE n.contact_id = c.id AND n.match_key = ?4))",
            )?
            .exists(params![
                contact.first_name.trim(),
                contact.last_name.trim(),
                contact.company.trim(),
                key.as_ref().map(|k| k.as_str())
            ])?;
        Ok(found)
    }

    /// Replaces a contact's tags (comma-separated) in the cache.
    pub fn set_contact_tags(&mut self, id: i64, tags: &str) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("UPDATE contacts SET tags = ?2, updated_at = ?3 WHERE id = ?1")?
            .execute(params![id, tags.trim(), to_millis(Utc::now())])?;
        Ok(())
    }

    /// Removes a synced contact RingCentral reported deleted.
    pub fn remove_contact(
        &mut self,
        source: ContactSource,
        remote_id: &str,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("DELETE FROM contacts WHERE source = ?1 AND remote_id = ?2")?
            .execute(params![source.as_str(), remote_id])?;
        Ok(())
    }

    /// After a full sync of `source` stamped `generation` on everything it saw, removes the
    /// contacts it did not see (deleted upstream while the cache was not listening). Returns how
    /// many were removed.
    pub fn sweep_contacts(
        &mut self,
        source: ContactSource,
        generation: i64,
    ) -> Result<usize, StoreError> {
        if source == ContactSource::Local {
            return Ok(0);
        }
        Ok(self
            .tx
            .prepare_cached("DELETE FROM contacts WHERE source = ?1 AND generation < ?2")?
            .execute(params![source.as_str(), generation])?)
    }
}
