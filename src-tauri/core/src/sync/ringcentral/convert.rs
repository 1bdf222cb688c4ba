//! RingCentral's records (the client's wire models, read from each record's raw JSON) turned
//! into the store's types, the raw JSON kept for fields not modelled yet.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::api::models::{self, CallLogRecord, DirectoryEntry, Message, PersonalContact};
use crate::store::{
    CallLeg, CallParty, CallRecord, ContactNumber, ContactRecord, Direction, MessageParty,
    MessageRecord,
};
use crate::sync::{Change, UpstreamError};

fn malformed(what: &str, detail: impl ToString) -> UpstreamError {
    UpstreamError::Refused {
        status: 200,
        code: None,
        message: format!("unreadable {what}: {}", detail.to_string()),
    }
}

/// An ISO 8601 time as RingCentral writes it.
pub(super) fn time(text: Option<&str>, what: &str) -> Result<DateTime<Utc>, UpstreamError> {
    let text = text.ok_or_else(|| malformed(what, "no time"))?;
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| malformed(what, e))
}

/// RingCentral's ISO 8601 spelling of a time.
pub(super) fn iso(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn direction(text: Option<&str>) -> Direction {
    match text {
        Some(d) if d.eq_ignore_ascii_case("Inbound") => Direction::Inbound,
        _ => Direction::Outbound,
    }
}

fn party(wire: Option<&models::CallParty>) -> CallParty {
    wire.map(|p| CallParty {
        number: p.phone_number.clone(),
        extension: p.extension_number.clone(),
        name: p.name.clone(),
    })
    .unwrap_or_default()
}

/// The fields of a leg (Detailed view) that the client's model leaves out.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct WireLeg {
    leg_type: Option<String>,
    from: Option<models::CallParty>,
    to: Option<models::CallParty>,
    result: Option<String>,
    duration: Option<u64>,
    master: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Legs {
    legs: Vec<WireLeg>,
}

/// A call-log record, or its deletion.
pub(super) fn call(raw: &RawValue) -> Result<Change<CallRecord>, UpstreamError> {
    let wire: CallLogRecord =
        serde_json::from_str(raw.get()).map_err(|e| malformed("call-log record", e))?;
    if wire.deleted == Some(true) {
        return Ok(Change::Delete(wire.id));
    }
    let legs = if raw.get().contains("\"legs\"") {
        serde_json::from_str::<Legs>(raw.get())
            .map_err(|e| malformed("call legs", e))?
            .legs
    } else {
        Vec::new()
    };
    Ok(Change::Put(CallRecord {
        start: time(wire.start_time.as_deref(), "call start")?,
        session_id: wire.session_id.unwrap_or_default(),
        duration_secs: wire.duration.unwrap_or(0).min(u64::from(u32::MAX)) as u32,
        direction: direction(wire.direction.as_deref()),
        kind: wire.kind.unwrap_or_else(|| "Voice".into()),
        action: wire.action.unwrap_or_default(),
        result: wire.result.unwrap_or_default(),
        from: party(wire.from.as_ref()),
        to: party(wire.to.as_ref()),
        legs: legs
            .into_iter()
            .map(|leg| CallLeg {
                leg_type: leg.leg_type.unwrap_or_default(),
                from: party(leg.from.as_ref()),
                to: party(leg.to.as_ref()),
                result: leg.result.unwrap_or_default(),
                duration_secs: leg.duration.unwrap_or(0).min(u64::from(u32::MAX)) as u32,
                master: leg.master.unwrap_or(false),
            })
            .collect(),
        raw: Some(raw.get().to_owned()),
        id: wire.id,
    }))
}

/// A message (SMS), deleted or not.
pub(super) fn message(raw: &RawValue) -> Result<MessageRecord, UpstreamError> {
    let wire: Message = serde_json::from_str(raw.get()).map_err(|e| malformed("message", e))?;
    from_model(wire, Some(raw.get().to_owned()))
}

/// A message from the client's model (e.g. the answer to a send).
pub(super) fn from_model(
    wire: Message,
    raw: Option<String>,
) -> Result<MessageRecord, UpstreamError> {
    let created = time(wire.creation_time.as_deref(), "message time")?;
    let modified = match wire.last_modified_time.as_deref() {
        Some(text) => time(Some(text), "message time")?,
        None => created,
    };
    let party = |p: &models::MessageParty| MessageParty {
        number: p.phone_number.clone().unwrap_or_default(),
        name: p.name.clone(),
    };
    let deleted = matches!(wire.availability.as_deref(), Some("Deleted" | "Purged"));
    Ok(MessageRecord {
        id: i64::try_from(wire.id).map_err(|e| malformed("message id", e))?,
        conversation_id: wire.conversation_id.unwrap_or(wire.id) as i64,
        direction: direction(wire.direction.as_deref()),
        created,
        modified,
        from: wire.from.as_ref().map(party).unwrap_or_default(),
        to: wire.to.iter().map(party).collect(),
        text: wire.subject.unwrap_or_default(),
        read: wire.read_status.as_deref() != Some("Unread"),
        status: wire.message_status.unwrap_or_default(),
        delivery_error: wire.delivery_error_code,
        deleted,
        raw,
    })
}

/// A personal contact, or its deletion.
pub(super) fn personal(raw: &RawValue) -> Result<Change<ContactRecord>, UpstreamError> {
    let wire: PersonalContact =
        serde_json::from_str(raw.get()).map_err(|e| malformed("contact", e))?;
    if matches!(wire.availability.as_deref(), Some("Deleted" | "Purged")) {
        return Ok(Change::Delete(wire.id.to_string()));
    }
    let numbers = [
        ("business", &wire.business_phone),
        ("mobile", &wire.mobile_phone),
        ("home", &wire.home_phone),
        ("other", &wire.other_phone),
    ]
    .into_iter()
    .filter_map(|(label, number)| {
        number.as_ref().map(|n| ContactNumber {
            number: n.clone(),
            label: label.into(),
        })
    })
    .collect();
    Ok(Change::Put(ContactRecord {
        remote_id: Some(wire.id.to_string()),
        first_name: wire.first_name.unwrap_or_default(),
        last_name: wire.last_name.unwrap_or_default(),
        company: wire.company.unwrap_or_default(),
        email: wire.email.unwrap_or_default(),
        numbers,
        raw: Some(raw.get().to_owned()),
        ..ContactRecord::default()
    }))
}

/// The given and family names of a directory entry.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Names {
    first_name: Option<String>,
    last_name: Option<String>,
    job_title: Option<String>,
}

/// A company directory entry.
pub(super) fn directory(raw: &RawValue) -> Result<ContactRecord, UpstreamError> {
    let wire: DirectoryEntry =
        serde_json::from_str(raw.get()).map_err(|e| malformed("directory entry", e))?;
    let names: Names = serde_json::from_str(raw.get()).unwrap_or_default();
    let (first, last) = match (names.first_name, names.last_name) {
        (None, None) => (wire.name.clone().unwrap_or_default(), String::new()),
        (first, last) => (first.unwrap_or_default(), last.unwrap_or_default()),
    };
    Ok(ContactRecord {
        remote_id: Some(wire.id),
        first_name: first,
        last_name: last,
        email: wire.email.unwrap_or_default(),
        job_title: names.job_title.unwrap_or_default(),
        extension: wire.extension_number.clone().unwrap_or_default(),
        numbers: wire
            .phone_numbers
            .iter()
            .filter_map(|p| {
                p.phone_number.as_ref().map(|n| ContactNumber {
                    number: n.clone(),
                    label: p.usage_type.clone().unwrap_or_default(),
                })
            })
            .chain(wire.extension_number.map(|ext| ContactNumber {
                number: ext,
                label: "extension".into(),
            }))
            .collect(),
        raw: Some(raw.get().to_owned()),
        ..ContactRecord::default()
    })
}
