//! Import mode: the CSV files written for a CRM's importer (the export history), which contacts
//! each held, and when each contact was last marked as exported — so the next export writes only
//! the contacts not yet in the CRM.

use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::Serialize;

use super::time::{from_millis, to_millis};
use super::{ContactEntry, Store, StoreError};

/// One CSV written for a CRM.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactExport {
    /// Its id (what *Mark as exported* names).
    pub id: i64,
    /// When it was written.
    pub at: DateTime<Utc>,
    /// For which CRM (`suitedash`).
    pub target: String,
    /// The file written.
    pub path: String,
    /// Contacts in it.
    pub rows: u64,
    /// Its contacts were marked as exported.
    pub marked: bool,
}

/// A contact to export, with when it was created here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportableContact {
    /// The contact.
    pub contact: ContactEntry,
    /// When it was created in the cache.
    pub created: DateTime<Utc>,
}

impl Store {
    /// The agent's own contacts (added, imported, or RingCentral personal contacts; not the
    /// company directory, not contacts that came from a CRM) in creation order; with
    /// `only_new`, those never marked as exported.
    pub fn contacts_to_export(&self, only_new: bool) -> Result<Vec<ExportableContact>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, created_at FROM contacts
             WHERE source IN ('local', 'personal') AND (?1 = 0 OR exported_at IS NULL)
             ORDER BY created_at, id",
        )?;
        let ids = stmt
            .query_map([only_new], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut found = Vec::with_capacity(ids.len());
        for (id, created) in ids {
            found.push(ExportableContact {
                contact: self.contact_entry(id)?,
                created: from_millis(created)?,
            });
        }
        Ok(found)
    }

    /// Records a CSV written for `target` holding `contacts`; answers it.
    pub fn record_contact_export(
        &mut self,
        target: &str,
        path: &str,
        contacts: &[i64],
        at: DateTime<Utc>,
    ) -> Result<ContactExport, StoreError> {
        let batch = self.batch()?;
        let id: i64 = batch
            .tx
            .prepare_cached(
                "INSERT INTO contact_exports (at, target, path, rows) VALUES (?1, ?2, ?3, ?4)
                 RETURNING id",
            )?
            .query_row(
                params![to_millis(at), target, path, contacts.len() as i64],
                |row| row.get(0),
            )?;
        for contact in contacts {
            batch
                .tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO contact_export_rows (export_id, contact_id)
                     VALUES (?1, ?2)",
                )?
                .execute(params![id, contact])?;
        }
        batch.commit()?;
        Ok(ContactExport {
            id,
            at,
            target: target.to_string(),
            path: path.to_string(),
            rows: contacts.len() as u64,
            marked: false,
        })
    }

    /// Marks the contacts of export `id` as exported at `at` (the CRM imported the file), so
    /// the next export leaves them out. Answers the export, or `NotFound`.
    pub fn mark_contact_export(
        &mut self,
        id: i64,
        at: DateTime<Utc>,
    ) -> Result<ContactExport, StoreError> {
        let batch = self.batch()?;
        let found = batch
            .tx
            .prepare_cached("UPDATE contact_exports SET marked = 1 WHERE id = ?1")?
            .execute([id])?;
        if found == 0 {
            return Err(StoreError::NotFound {
                what: "export",
                id: id.to_string(),
            });
        }
        batch
            .tx
            .prepare_cached(
                "UPDATE contacts SET exported_at = ?2
                 WHERE id IN (SELECT contact_id FROM contact_export_rows WHERE export_id = ?1)",
            )?
            .execute(params![id, to_millis(at)])?;
        batch.commit()?;
        self.contact_exports(usize::MAX)?
            .into_iter()
            .find(|export| export.id == id)
            .ok_or(StoreError::NotFound {
                what: "export",
                id: id.to_string(),
            })
    }

    /// The export history, newest first.
    pub fn contact_exports(&self, limit: usize) -> Result<Vec<ContactExport>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, at, target, path, rows, marked FROM contact_exports
             ORDER BY id DESC LIMIT ?1",
        )?;
        let mut rows = stmt.query([limit.min(i64::MAX as usize) as i64])?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            found.push(ContactExport {
                id: row.get(0)?,
                at: from_millis(row.get(1)?)?,
                target: row.get(2)?,
                path: row.get(3)?,
                rows: row.get::<_, i64>(4)?.max(0) as u64,
                marked: row.get(5)?,
            });
        }
        Ok(found)
    }
}
