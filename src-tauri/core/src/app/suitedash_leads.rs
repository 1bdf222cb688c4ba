//! SuiteDash from the agent's side: a caller or texter nobody knows becomes a SuiteDash lead (the
//! incoming-call banner, a History row, a thread, `ringdesk integrations suitedash-add`), and
//! import mode's CSV, its history and *Mark as exported*.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::import_export::TransferError;
use crate::integrations::suitedash::{create_contact_item, tags_item, write_import_csv, NewLead};
use crate::integrations::{IntegrationError, SUITEDASH};
use crate::phone::MatchKey;
use crate::store::{ContactExport, ContactSource};

use super::integration_views::EventView;
use super::{Desk, DeskError, Error};

/// The longest name, company, e-mail or tag kept.
const LONGEST_FIELD: usize = 200;

/// A lead as the form (or the command line) gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LeadInput {
    /// The number, any spelling.
    pub number: String,
    /// Full name ("Ana Silva"): split at the first space.
    pub name: String,
    /// Company.
    pub company: String,
    /// E-mail.
    pub email: String,
    /// Tags, comma-separated.
    pub tags: String,
}

/// One CSV written for SuiteDash's importer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportView {
    /// Its id (what *Mark as exported* names).
    pub id: i64,
    /// When it was written.
    pub at: String,
    /// The file.
    pub path: String,
    /// Contacts in it.
    pub rows: u64,
    /// Its contacts are marked as exported.
    pub marked: bool,
}

impl From<ContactExport> for ExportView {
    fn from(export: ContactExport) -> Self {
        Self {
            id: export.id,
            at: export.at.to_rfc3339(),
            path: export.path,
            rows: export.rows,
            marked: export.marked,
        }
    }
}

fn field(text: &str) -> String {
    text.trim().chars().take(LONGEST_FIELD).collect()
}

impl Desk {
    /// Queues a new SuiteDash lead for a number (once per number: asking again answers the
    /// same queued push). SuiteDash needs a first and a last name: a missing one is filled with
    /// "Caller" and the number.
    pub fn add_suitedash_lead(&self, input: &LeadInput) -> Result<EventView, Error> {
        if self.integration_settings().suitedash.is_none() {
            return Err(IntegrationError::NotConfigured {
                connector: SUITEDASH,
            }
            .into());
        }
        let key = MatchKey::from_text(input.number.trim(), self.home())?;
        let number = key.as_str().to_string();
        if !number.starts_with('+') || number.contains(';') {
            return Err(DeskError::NotAPhoneNumber(number).into());
        }
        let name = field(&input.name);
        let (first, last) = name.split_once(' ').unwrap_or((&name, ""));
        let lead = NewLead {
            first_name: match first.trim() {
                "" => "Caller".to_string(),
                first => first.to_string(),
            },
            last_name: match last.trim() {
                "" => number.clone(),
                last => last.to_string(),
            },
            number: number.clone(),
            email: field(&input.email),
            company: field(&input.company),
            tags: split_tags(&input.tags),
        };
        let item = create_contact_item(&lead, self.clock().now_utc());
        let queued = self.with_cache(|store| {
            store.durable_batch(|batch| batch.enqueue(&item))?;
            Ok(store.queue_by_subject(SUITEDASH, &item.subject)?)
        })?;
        self.wake_integrations();
        queued
            .map(EventView::from)
            .ok_or_else(|| DeskError::Internal("queued lead").into())
    }

    /// Replaces a SuiteDash contact's tags: at once in the cache, and queued for SuiteDash.
    pub fn set_suitedash_tags(&self, contact_id: i64, tags: &str) -> Result<EventView, Error> {
        let tags = split_tags(tags);
        let item = self.with_cache(|store| {
            let contact = store.contact_entry(contact_id)?;
            let uid = match (&contact.source, contact.remote_id.as_deref()) {
                (ContactSource::SuiteDash, Some(id)) if id.starts_with("contact:") => {
                    id.trim_start_matches("contact:").to_string()
                }
                _ => return Err(DeskError::NotASuiteDashContact.into()),
            };
            let order = contact
                .numbers
                .first()
                .map_or(format!("uid:{uid}"), |n| n.key.clone());
            let item = tags_item(&uid, &tags, &order, self.clock().now_utc());
            store.durable_batch(|batch| {
                batch.set_contact_tags(contact_id, &tags.join(", "))?;
                batch.enqueue(&item)
            })?;
            Ok(store.queue_by_subject(SUITEDASH, &item.subject)?)
        })?;
        self.wake_integrations();
        item.map(EventView::from)
            .ok_or_else(|| DeskError::Internal("queued tags").into())
    }

    /// Writes the contacts not yet exported (all of them with `all`) as a CSV for SuiteDash's
    /// importer at `path`, and records it in the export history.
    pub fn export_for_suitedash(&self, path: &Path, all: bool) -> Result<ExportView, Error> {
        let contacts = self.with_cache(|store| Ok(store.contacts_to_export(!all)?))?;
        let file = File::create(path).map_err(|error| TransferError::Csv(error.into()))?;
        write_import_csv(&contacts, BufWriter::new(file))?;
        let ids: Vec<i64> = contacts.iter().map(|c| c.contact.id).collect();
        let shown = path.display().to_string();
        let export = self.with_cache(|store| {
            Ok(store.record_contact_export(SUITEDASH, &shown, &ids, Utc::now())?)
        })?;
        Ok(export.into())
    }

    /// The window's *Generate export*: [`Desk::export_for_suitedash`] into the profile's export
    /// folder (`exports/` beside the cache), named by the time.
    pub fn generate_suitedash_export(&self, all: bool) -> Result<ExportView, Error> {
        let folder = self.paths.data_dir.join("exports");
        std::fs::create_dir_all(&folder).map_err(|error| TransferError::Csv(error.into()))?;
        let name = format!(
            "suitedash-{}-{}.csv",
            self.profile().name,
            Utc::now().format("%Y%m%d-%H%M%S")
        );
        self.export_for_suitedash(&folder.join(name), all)
    }

    /// Marks the contacts of export `id` (the latest with `None`) as exported: SuiteDash
    /// imported the file, and the next export leaves them out.
    pub fn mark_exported(&self, id: Option<i64>) -> Result<ExportView, Error> {
        self.with_cache(|store| {
            let id = match id {
                Some(id) => id,
                None => store
                    .contact_exports(1)?
                    .first()
                    .map(|e| e.id)
                    .ok_or(DeskError::NoExportYet)?,
            };
            Ok(store.mark_contact_export(id, Utc::now())?.into())
        })
    }

    /// The export history, newest first.
    pub fn contact_exports(&self) -> Result<Vec<ExportView>, Error> {
        self.with_cache(|store| {
            Ok(store
                .contact_exports(20)?
                .into_iter()
                .map(ExportView::from)
                .collect())
        })
    }
}

fn split_tags(text: &str) -> Vec<String> {
    text.split(',')
        .map(|t| t.trim().chars().take(60).collect::<String>())
        .filter(|t| !t.is_empty())
        .take(50)
        .collect()
}
