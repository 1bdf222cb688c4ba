//! Writing the cache out as CSV, page by page (nothing is collected in memory). Every cell goes
//! through [`CsvOut`]: text that would start a spreadsheet formula is neutralised.

use std::io::Write;

use crate::store::{ContactQuery, HistoryQuery, Store};

use super::cell::{phone_cell, CsvOut};
use super::TransferError;

/// The contact columns, in SuiteDash's import layout.
pub const CONTACT_COLUMNS: [&str; 7] = [
    "First Name",
    "Last Name",
    "Email",
    "Phone",
    "Company",
    "Tags",
    "Notes",
];

/// Writes every call, newest first; returns how many.
pub fn export_calls(store: &Store, out: impl Write) -> Result<u64, TransferError> {
    let mut csv = CsvOut::new(out);
    csv.row([
        "Id",
        "Start",
        "Direction",
        "Type",
        "Result",
        "Duration (s)",
        "Number",
        "Name",
        "Contact",
        "Own Number",
        "Disposition",
        "Notes",
        "Tags",
        "Follow-up",
    ])?;
    let mut query = HistoryQuery {
        limit: 500,
        ..HistoryQuery::default()
    };
    let mut written = 0;
    loop {
        let page = store.history(&query)?;
        for call in &page.calls {
            let wrapup = store.wrapup_of(call)?.unwrap_or_default();
            let follow_up = wrapup
                .follow_up_at
                .map(|t| format!("{} {}", t.to_rfc3339(), wrapup.follow_up_note))
                .unwrap_or_default();
            csv.row([
                call.id.as_str(),
                &call.start.to_rfc3339(),
                call.direction.as_str(),
                &call.kind,
                &call.result,
                &call.duration_secs.to_string(),
                call.peer.key.as_deref().unwrap_or(&call.peer.number),
                &call.peer.name,
                call.peer.contact.as_ref().map_or("", |c| c.name.as_str()),
                &call.own_number,
                wrapup.disposition.as_deref().unwrap_or_default(),
                &wrapup.notes,
                &wrapup.tags,
                follow_up.trim(),
            ])?;
            written += 1;
        }
        match page.next {
            Some(next) => query.after = Some(next),
            None => break,
        }
    }
    csv.finish()?;
    Ok(written)
}

/// Writes every message, newest first; returns how many.
pub fn export_messages(store: &Store, out: impl Write) -> Result<u64, TransferError> {
    let mut csv = CsvOut::new(out);
    csv.row([
        "Id",
        "Conversation",
        "Created",
        "Direction",
        "Number",
        "Contact",
        "Text",
        "Read",
        "Status",
    ])?;
    let mut before = None;
    let mut written = 0;
    loop {
        let page = store.messages(before, 1000)?;
        let Some(last) = page.last() else { break };
        before = Some((last.created, last.id));
        for message in &page {
            csv.row([
                message.id.to_string().as_str(),
                &message.conversation_id.to_string(),
                &message.created.to_rfc3339(),
                message.direction.as_str(),
                message.peer.key.as_deref().unwrap_or(&message.peer.number),
                message
                    .peer
                    .contact
                    .as_ref()
                    .map_or("", |c| c.name.as_str()),
                &message.text,
                if message.read { "yes" } else { "no" },
                &message.status,
            ])?;
            written += 1;
        }
    }
    csv.finish()?;
    Ok(written)
}

/// Writes every contact (all sources) in [`CONTACT_COLUMNS`]; returns how many. The phone is
/// the first number in E.164 (an extension after ` x`).
pub fn export_contacts(store: &Store, out: impl Write) -> Result<u64, TransferError> {
    let mut csv = CsvOut::new(out);
    csv.row(CONTACT_COLUMNS)?;
    let mut query = ContactQuery {
        limit: 500,
        ..ContactQuery::default()
    };
    let mut written = 0;
    loop {
        let page = store.contacts(&query)?;
        for contact in &page.contacts {
            let phone = contact
                .numbers
                .first()
                .map(|n| phone_cell(&n.key))
                .unwrap_or_default();
            csv.row([
                contact.first_name.as_str(),
                &contact.last_name,
                &contact.email,
                &phone,
                &contact.company,
                &contact.tags,
                &contact.notes,
            ])?;
            written += 1;
        }
        match page.next {
            Some(next) => query.after = Some(next),
            None => break,
        }
    }
    csv.finish()?;
    Ok(written)
}
