//! SuiteDash, import mode: the contacts written as a CSV for SuiteDash's importer, in the layout
//! its import template uses (`ID, First Name, Last Name, Email, Phone, Company, Service
//! Interest, Message, Source, Created Date, Tags`). Every cell is neutralised against spreadsheet
//! formulas like every other export.

use std::io::Write;

use crate::import_export::cell::{phone_cell, CsvOut};
use crate::import_export::TransferError;
use crate::store::ExportableContact;

/// The columns, in order.
pub const IMPORT_COLUMNS: [&str; 11] = [
    "ID",
    "First Name",
    "Last Name",
    "Email",
    "Phone",
    "Company",
    "Service Interest",
    "Message",
    "Source",
    "Created Date",
    "Tags",
];

/// What the Source column says.
const SOURCE: &str = "ringdesk";

/// Writes `contacts` in [`IMPORT_COLUMNS`]; answers how many rows. The phone is the first number
/// in E.164 (an extension after ` x`), the message the contact's notes, the date `YYYY-MM-DD`.
pub fn write_import_csv(
    contacts: &[ExportableContact],
    out: impl Write,
) -> Result<u64, TransferError> {
    let mut csv = CsvOut::new(out);
    csv.row(IMPORT_COLUMNS)?;
    for exportable in contacts {
        let contact = &exportable.contact;
        let phone = contact
            .numbers
            .first()
            .map(|n| phone_cell(&n.key))
            .unwrap_or_default();
        csv.row([
            contact.id.to_string().as_str(),
            &contact.first_name,
            &contact.last_name,
            &contact.email,
            &phone,
            &contact.company,
            "",
            &contact.notes,
            SOURCE,
            &exportable.created.format("%Y-%m-%d").to_string(),
            &contact.tags,
        ])?;
    }
    csv.finish()?;
    Ok(contacts.len() as u64)
}
