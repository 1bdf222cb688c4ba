//! Reading contacts for the window and the CLI: an alphabetical, keyset-paged list or a search,
//! and one contact with its numbers and timeline.

use rusqlite::{params, Row};
use serde::{Deserialize, Serialize};

use super::contacts::ContactSource;
use super::search::TimelineItem;
use super::{Store, StoreError};

/// Which contacts to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactQuery {
    /// Only contacts matching this text (names, company, e-mail, numbers in any format), best
    /// match first; a search is one page.
    pub search: Option<String>,
    /// Only this source.
    pub source: Option<ContactSource>,
    /// Continue after this contact (from [`ContactPage::next`]).
    pub after: Option<ContactCursor>,
    /// Page size (at most 500; 0 means 50).
    pub limit: usize,
}

/// Where the next alphabetical page starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactCursor {
    /// Family name of the last contact shown.
    pub last_name: String,
    /// Its given name.
    pub first_name: String,
    /// Its id.
    pub id: i64,
}

/// A stored number of a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredNumber {
    /// Its match key (`+16505550100`, `ext:101`).
    pub key: String,
    /// What kind of number.
    pub label: String,
}

/// A contact as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactEntry {
    /// Id in the cache.
    pub id: i64,
    /// Where it comes from.
    pub source: ContactSource,
    /// RingCentral's id, for synced contacts.
    pub remote_id: Option<String>,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Company.
    pub company: String,
    /// E-mail.
    pub email: String,
    /// Job title.
    pub job_title: String,
    /// Extension number.
    pub extension: String,
    /// Comma-separated tags.
    pub tags: String,
    /// Notes.
    pub notes: String,
    /// Numbers.
    pub numbers: Vec<StoredNumber>,
}

impl ContactEntry {
    /// "First Last", or the company when there is no name.
    pub fn display_name(&self) -> String {
        let full = format!("{} {}", self.first_name, self.last_name);
        match full.trim() {
            "" => self.company.clone(),
            name => name.to_owned(),
        }
    }

    fn cursor(&self) -> ContactCursor {
        ContactCursor {
            last_name: self.last_name.clone(),
            first_name: self.first_name.clone(),
            id: self.id,
        }
    }
}

/// A page of contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactPage {
    /// Contacts, alphabetical by family then given name (or best match first for a search).
    pub contacts: Vec<ContactEntry>,
    /// Pass as [`ContactQuery::after`] for the next page; `None` at the end.
    pub next: Option<ContactCursor>,
}

/// One contact with everything the contact page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactDetail {
    /// The contact and its numbers.
    pub contact: ContactEntry,
    /// Calls and messages with any of its numbers, newest first.
    pub timeline: Vec<TimelineItem>,
}

pub(crate) const CONTACT_COLUMNS: &str = "id, source, remote_id, first_name, last_name, company,
    email, job_title, extension, tags, notes";

impl Store {
    /// A page of contacts; see [`ContactQuery`].
    pub fn contacts(&self, query: &ContactQuery) -> Result<ContactPage, StoreError> {
        let limit = match query.limit {
            0 => 50,
            n => n.min(500),
        };
        if let Some(text) = query.search.as_deref().filter(|t| !t.trim().is_empty()) {
            let ids = self.matching_contacts(text, limit)?;
            let mut contacts = Vec::with_capacity(ids.len());
            for id in ids {
                let contact = self.contact_entry(id)?;
                if query.source.is_none_or(|s| s == contact.source) {
                    contacts.push(contact);
                }
            }
            return Ok(ContactPage {
                contacts,
                next: None,
            });
        }
        let after = query.after.clone().unwrap_or(ContactCursor {
            last_name: String::new(),
            first_name: String::new(),
            id: i64::MIN,
        });
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CONTACT_COLUMNS} FROM contacts
             WHERE (last_name COLLATE NOCASE, first_name COLLATE NOCASE, id) > (?1, ?2, ?3)
               AND (?4 IS NULL OR source = ?4)
             ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id LIMIT ?5"
        ))?;
        let mut rows = stmt.query(params![
            after.last_name,
            after.first_name,
            after.id,
            query.source.map(|s| s.as_str()),
            limit as i64 + 1
        ])?;
        let mut contacts = Vec::with_capacity(limit + 1);
        while let Some(row) = rows.next()? {
            contacts.push(self.entry_from_row(row)?);
        }
        let next = if contacts.len() > limit {
            contacts.truncate(limit);
            contacts.last().map(ContactEntry::cursor)
        } else {
            None
        };
        Ok(ContactPage { contacts, next })
    }

    /// One contact with its numbers and the latest `timeline_limit` calls and messages.
    pub fn contact(&self, id: i64, timeline_limit: usize) -> Result<ContactDetail, StoreError> {
        let contact = self.contact_entry(id)?;
        let keys: Vec<String> = contact.numbers.iter().map(|n| n.key.clone()).collect();
        let timeline = self.timeline(&keys, timeline_limit)?;
        Ok(ContactDetail { contact, timeline })
    }

    /// One contact by id, with its numbers.
    pub fn contact_entry(&self, id: i64) -> Result<ContactEntry, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CONTACT_COLUMNS} FROM contacts WHERE id = ?1"
        ))?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => self.entry_from_row(row),
            None => Err(StoreError::NotFound {
                what: "contact",
                id: id.to_string(),
            }),
        }
    }

    fn entry_from_row(&self, row: &Row<'_>) -> Result<ContactEntry, StoreError> {
        let id: i64 = row.get(0)?;
        let mut numbers = self.conn.prepare_cached(
            "SELECT match_key, label FROM contact_numbers WHERE contact_id = ?1 ORDER BY match_key",
        )?;
        let numbers = numbers
            .query_map([id], |row| {
                Ok(StoredNumber {
                    key: row.get(0)?,
                    label: row.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(ContactEntry {
            id,
            source: row.get::<_, String>(1)?.parse()?,
            remote_id: row.get(2)?,
            first_name: row.get(3)?,
            last_name: row.get(4)?,
            company: row.get(5)?,
            email: row.get(6)?,
            job_title: row.get(7)?,
            extension: row.get(8)?,
            tags: row.get(9)?,
            notes: row.get(10)?,
            numbers,
        })
    }
}
