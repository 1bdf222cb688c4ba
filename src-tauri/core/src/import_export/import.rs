//! Reading local contacts from CSV: flexible headers, one local contact per good row, and a
//! report of every row skipped and why.

use std::io::Read;

use serde::Serialize;

use crate::phone::{self, Country};
use crate::store::{ContactNumber, ContactRecord, ContactSource, Store};

use super::{cell, TransferError};

/// A row that was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedRow {
    /// The line in the file (the header is line 1).
    pub line: u64,
    /// Why.
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Contacts added.
    pub imported: u64,
    /// Rows skipped, with reasons.
    pub skipped: Vec<SkippedRow>,
}

/// Which column holds what, found by header name (case and punctuation ignored).
#[derive(Debug, Default)]
struct Columns {
    first: Option<usize>,
    last: Option<usize>,
    full: Option<usize>,
    email: Option<usize>,
    phones: Vec<(usize, String)>,
    company: Option<usize>,
    tags: Option<usize>,
    notes: Option<usize>,
}

impl Columns {
    fn read(headers: &csv::StringRecord) -> Result<Self, TransferError> {
        let mut columns = Columns::default();
        for (index, header) in headers.iter().enumerate() {
            let name: String = header
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase();
            match name.as_str() {
                "firstname" | "givenname" | "first" => columns.first = Some(index),
                "lastname" | "familyname" | "surname" | "last" => columns.last = Some(index),
                "name" | "fullname" | "contactname" => columns.full = Some(index),
                "email" | "emailaddress" | "email1" => columns.email = Some(index),
                "company" | "organization" | "organisation" | "companyname" => {
                    columns.company = Some(index)
                }
                "tags" | "tag" | "labels" => columns.tags = Some(index),
                "notes" | "note" | "comments" => columns.notes = Some(index),
                other if other.contains("phone") || other == "mobile" || other == "cell" => {
                    let label = other.replace("phonenumber", "").replace("phone", "");
                    let label = if label.is_empty() {
                        "phone".into()
                    } else {
                        label
                    };
                    columns.phones.push((index, label));
                }
                _ => {}
            }
        }
        let named = columns.first.is_some() || columns.last.is_some() || columns.full.is_some();
        if !named && columns.phones.is_empty() {
            return Err(TransferError::NoHeader);
        }
        Ok(columns)
    }
}

/// The contacts a CSV file holds.
#[derive(Debug, Default)]
pub struct ContactRows {
    /// Each contact, with its line in the file.
    pub rows: Vec<(u64, ContactRecord)>,
    /// The rows that are no contact, with why.
    pub skipped: Vec<SkippedRow>,
}

/// The contacts of a CSV file, each with its line, and the rows that are none (with why);
/// numbers without `+` are read in `country`. Parsing only: nothing is stored.
pub fn read_contact_rows(input: impl Read, country: Country) -> Result<ContactRows, TransferError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let columns = Columns::read(reader.headers()?)?;
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for (index, row) in reader.records().enumerate() {
        let line = index as u64 + 2;
        let mut skip = |reason: String| skipped.push(SkippedRow { line, reason });
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                skip(format!("unreadable row: {error}"));
                continue;
            }
        };
        let cell = |i: Option<usize>| {
            let text = i.and_then(|i| row.get(i)).unwrap_or("").trim();
            cell::restore(text).to_owned()
        };
        let (mut first, mut last) = (cell(columns.first), cell(columns.last));
        if first.is_empty() && last.is_empty() {
            let full = cell(columns.full);
            let mut parts = full.splitn(2, ' ');
            first = parts.next().unwrap_or("").to_owned();
            last = parts.next().unwrap_or("").trim().to_owned();
        }
        let mut numbers = Vec::new();
        let mut bad = None;
        for (i, label) in &columns.phones {
            let text = cell(Some(*i));
            if text.is_empty() {
                continue;
            }
            match phone::MatchKey::from_text(&text, country) {
                Ok(_) => numbers.push(ContactNumber {
                    number: text,
                    label: label.clone(),
                }),
                Err(error) => bad = Some(format!("phone {text:?}: {error}")),
            }
        }
        if let Some(reason) = bad {
            skip(reason);
            continue;
        }
        let company = cell(columns.company);
        if first.is_empty() && last.is_empty() && company.is_empty() && numbers.is_empty() {
            skip("no name, company or phone".into());
            continue;
        }
        let contact = ContactRecord {
            remote_id: None,
            first_name: first,
            last_name: last,
            company,
            email: cell(columns.email),
            tags: cell(columns.tags),
            notes: cell(columns.notes),
            numbers,
            ..ContactRecord::default()
        };
        rows.push((line, contact));
    }
    Ok(ContactRows { rows, skipped })
}

/// Imports local contacts from CSV; numbers without `+` are read in `country`. Rows that repeat
/// a local contact already stored (same name and number) are skipped, so importing a file twice
/// adds nothing.
pub fn import_contacts(
    store: &mut Store,
    input: impl Read,
    country: Country,
) -> Result<ImportReport, TransferError> {
    let ContactRows { rows, skipped } = read_contact_rows(input, country)?;
    let mut report = ImportReport {
        imported: 0,
        skipped,
    };
    let mut batch = store.batch()?;
    for (line, contact) in rows {
        if batch.has_local_contact(&contact)? {
            report.skipped.push(SkippedRow {
                line,
                reason: "already imported".into(),
            });
            continue;
        }
        batch.put_contact(ContactSource::Local, &contact, 0)?;
        report.imported += 1;
    }
    batch.commit()?;
    report.skipped.sort_by_key(|s| s.line);
    Ok(report)
}
