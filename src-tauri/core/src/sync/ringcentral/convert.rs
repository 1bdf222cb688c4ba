//! RingCentral's records (the client's wire models, read from each record's raw JSON) turned
//! into the store's types, the raw JSON kept for fields not modelled yet.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::api::models::{self, DirectoryEntry, Message, PersonalContact};
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

/// `from` / `to` of a call-log record or leg, its strings borrowed from the answer.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct WireParty<'a> {
    #[serde(borrow)]
    phone_number: Option<Cow<'a, str>>,
    #[serde(borrow)]
    extension_number: Option<Cow<'a, str>>,
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
}

fn party(wire: Option<WireParty<'_>>) -> CallParty {
    wire.map(|p| CallParty {
        number: p.phone_number.map(Cow::into_owned),
        extension: p.extension_number.map(Cow::into_owned),
        name: p.name.map(Cow::into_owned),
    })
    .unwrap_or_default()
}

/// A leg (Detailed view).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct WireLeg<'a> {
    #[serde(borrow)]
    leg_type: Option<Cow<'a, str>>,
    #[serde(borrow)]
    from: Option<WireParty<'a>>,
    #[serde(borrow)]
    to: Option<WireParty<'a>>,
    #[serde(borrow)]
    result: Option<Cow<'a, str>>,
    duration: Option<u64>,
    master: Option<bool>,
}

/// A call-log record (`CallLogRecord`, either view) as the cache needs it, read in one pass
/// with its strings borrowed from the answer (escaped strings are the rare copies).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct WireCall<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    session_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    start_time: Option<Cow<'a, str>>,
    duration: Option<u64>,
    #[serde(rename = "type", borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    direction: Option<Cow<'a, str>>,
    #[serde(borrow)]
    action: Option<Cow<'a, str>>,
    #[serde(borrow)]
    result: Option<Cow<'a, str>>,
    #[serde(borrow)]
    from: Option<WireParty<'a>>,
    #[serde(borrow)]
    to: Option<WireParty<'a>>,
    deleted: Option<bool>,
    #[serde(borrow)]
    legs: Vec<WireLeg<'a>>,
}

fn owned(text: Option<Cow<'_, str>>) -> String {
    text.map(Cow::into_owned).unwrap_or_default()
}

fn seconds(duration: Option<u64>) -> u32 {
    duration.unwrap_or(0).min(u64::from(u32::MAX)) as u32
}

/// A call-log record, or its deletion.
pub(crate) fn call(raw: &RawValue) -> Result<Change<CallRecord>, UpstreamError> {
    let wire: WireCall<'_> =
        serde_json::from_str(raw.get()).map_err(|e| malformed("call-log record", e))?;
    if wire.deleted == Some(true) {
        return Ok(Change::Delete(wire.id.into_owned()));
    }
    Ok(Change::Put(CallRecord {
        start: time(wire.start_time.as_deref(), "call start")?,
        session_id: owned(wire.session_id),
        duration_secs: seconds(wire.duration),
        direction: direction(wire.direction.as_deref()),
        kind: wire.kind.map_or_else(|| "Voice".into(), Cow::into_owned),
        action: owned(wire.action),
        result: owned(wire.result),
        from: party(wire.from),
        to: party(wire.to),
        legs: wire
            .legs
            .into_iter()
            .map(|leg| CallLeg {
                leg_type: owned(leg.leg_type),
                from: party(leg.from),
                to: party(leg.to),
                result: owned(leg.result),
                duration_secs: seconds(leg.duration),
                master: leg.master.unwrap_or(false),
            })
            .collect(),
        raw: Some(raw.get().to_owned()),
        id: wire.id.into_owned(),
    }))
}

/// A message (SMS), deleted or not.
pub(crate) fn message(raw: &RawValue) -> Result<MessageRecord, UpstreamError> {
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
    let party = |p: &models::MessageCallerInfo| MessageParty {
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
pub(crate) fn personal(raw: &RawValue) -> Result<Change<ContactRecord>, UpstreamError> {
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
pub(crate) fn directory(raw: &RawValue) -> Result<ContactRecord, UpstreamError> {
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
