//! The message store: list (filters, threads, paging), read one, mark read/unread (single and
//! bulk), delete/restore, and attachment content.

use super::paging::{navigation, paging, PageRequest};
use super::query::Query;
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::magic::normalize;
use crate::render;
use crate::state::messages::{Direction, Message};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};

/// Message types the store filters by.
pub const MESSAGE_TYPES: [&str; 5] = ["Fax", "SMS", "VoiceMail", "Pager", "Text"];
/// Directions.
pub const DIRECTIONS: [&str; 2] = ["Inbound", "Outbound"];

/// The filters shared by the message list and message sync.
#[derive(Debug, Default)]
pub struct MessageFilter {
    types: Vec<String>,
    directions: Vec<String>,
    read_status: Vec<String>,
    availability: Vec<String>,
    conversation_id: Option<i64>,
    phone: Option<String>,
    distinct: bool,
}

impl MessageFilter {
    /// Reads the filter parameters.
    pub fn from_query(q: &Query) -> Result<Self, ApiError> {
        let conversation_id = match q.one("conversationId") {
            None => None,
            Some(v) => Some(
                v.parse::<i64>()
                    .map_err(|_| ApiError::invalid_parameter("conversationId", Some(v)))?,
            ),
        };
        Ok(Self {
            types: q.enums("messageType", &MESSAGE_TYPES)?,
            directions: q.enums("direction", &DIRECTIONS)?,
            read_status: q.enums("readStatus", &["Read", "Unread"])?,
            availability: q.enums("availability", &["Alive", "Deleted", "Purged"])?,
            conversation_id,
            phone: q
                .one("phoneNumber")
                .map(|p| normalize(p).unwrap_or_else(|| p.to_owned())),
            distinct: q.bool("distinctConversations")?.unwrap_or(false),
        })
    }

    /// Whether a message passes; `all_availability` lets deleted messages through (sync).
    pub fn accepts(&self, m: &Message, all_availability: bool) -> bool {
        let availability = if m.deleted { "Deleted" } else { "Alive" };
        let availability_ok = if self.availability.is_empty() {
            all_availability || !m.deleted
        } else {
            self.availability.iter().any(|a| a == availability)
        };
        (self.types.is_empty() || self.types.iter().any(|t| t == "SMS"))
            && (self.directions.is_empty()
                || self.directions.iter().any(|d| d == m.direction.as_str()))
            && (self.read_status.is_empty()
                || self.read_status.iter().any(|r| (r == "Read") == m.read))
            && availability_ok
            && self.conversation_id.is_none_or(|c| c == m.conversation_id)
            && self
                .phone
                .as_ref()
                .is_none_or(|p| m.from.phone == *p || m.to.iter().any(|t| t.phone == *p))
    }

    /// Newest first; with `distinctConversations` only the latest message of each conversation.
    pub fn select<'a>(
        &self,
        messages: impl Iterator<Item = &'a Message>,
        all_availability: bool,
    ) -> Vec<&'a Message> {
        let mut picked: Vec<&Message> = messages
            .filter(|m| self.accepts(m, all_availability))
            .collect();
        picked.sort_by(|a, b| b.created.cmp(&a.created).then(b.id.cmp(&a.id)));
        if self.distinct {
            let mut seen = HashSet::new();
            picked.retain(|m| seen.insert(m.conversation_id));
        }
        picked
    }
}

/// `dateFrom`/`dateTo` with the spec's defaults (now, and `dateTo` − 24 h).
pub fn window(q: &Query, now: DateTime<Utc>) -> Result<(DateTime<Utc>, DateTime<Utc>), ApiError> {
    let to = q.date("dateTo")?.unwrap_or(now);
    let from = q.date("dateFrom")?.unwrap_or(to - Duration::hours(24));
    Ok((from, to))
}

/// `listMessages`: GET …/extension/~/message-store.
pub async fn list(State(sim): Shared, _: Principal, q: Query) -> Result<Response, ApiError> {
    let filter = MessageFilter::from_query(&q)?;
    let req = PageRequest::from_query(&q, 100, 1000, false)?;
    let (from, to) = window(&q, sim.now())?;
    let world = sim.world();
    let urls = sim.urls(&world);
    let in_window = world
        .messages
        .all()
        .iter()
        .filter(|m| m.created >= from && m.created <= to);
    let selected = filter.select(in_window, false);
    let total = selected.len() as u64;
    let records: Vec<Value> = selected
        .iter()
        .skip(req.skip() as usize)
        .take(req.per_page as usize)
        .map(|m| render::message(m, &urls))
        .collect();
    let uri = urls.ext("/message-store");
    Ok(ok(json!({
        "uri": format!("{uri}?{}", q.with("page", &req.page.to_string())),
        "paging": paging(req, records.len(), total),
        "navigation": navigation(&uri, &q, req, total),
        "records": records,
    })))
}

fn ids(params: &HashMap<String, String>) -> Result<Vec<(String, Option<i64>)>, ApiError> {
    let raw = params.get("messageId").cloned().unwrap_or_default();
    let ids: Vec<(String, Option<i64>)> = raw
        .split(',')
        .map(|s| (s.trim().to_owned(), s.trim().parse().ok()))
        .collect();
    if ids.len() > 50 {
        return Err(ApiError::invalid_parameter("messageId", Some(&raw)));
    }
    Ok(ids)
}

/// A 207 multi-status answer (`application/vnd.ringcentral.multipart+json`): one
/// `{resourceId, status, body}` per id asked for.
pub(crate) fn multi(entries: Vec<Value>) -> Response {
    (
        StatusCode::MULTI_STATUS,
        [(
            header::CONTENT_TYPE,
            "application/vnd.ringcentral.multipart+json",
        )],
        Value::Array(entries).to_string(),
    )
        .into_response()
}

/// `readMessage`: GET …/message-store/{messageId} (several comma-separated ids → 207).
pub async fn read(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let ids = ids(&params)?;
    let world = sim.world();
    let urls = sim.urls(&world);
    let found = |(raw, id): &(String, Option<i64>)| {
        id.and_then(|id| world.messages.get(id))
            .ok_or_else(|| ApiError::not_found("messageId", raw))
    };
    if let [one] = ids.as_slice() {
        return Ok(ok(render::single_message(found(one)?, &urls)));
    }
    let entries = ids
        .iter()
        .map(|entry| match found(entry) {
            Ok(m) => {
                json!({ "resourceId": entry.0, "status": 200, "body": render::message(m, &urls) })
            }
            Err(e) => {
                json!({ "resourceId": entry.0, "status": e.status().as_u16(), "body": e.body() })
            }
        })
        .collect();
    Ok(multi(entries))
}

/// A requested change to one message.
#[derive(Clone, Debug, Default)]
struct Change {
    read: Option<bool>,
    alive: Option<bool>,
}

fn change_of(body: &Value, allow_availability: bool) -> Result<Change, ApiError> {
    let read = match body.get("readStatus") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s == "Read" => Some(true),
        Some(Value::String(s)) if s == "Unread" => Some(false),
        Some(v) => {
            return Err(ApiError::invalid_parameter(
                "readStatus",
                Some(&v.to_string()),
            ))
        }
    };
    let alive = match body.get("availability") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if allow_availability && s == "Alive" => Some(true),
        Some(Value::String(s)) if allow_availability && s == "Deleted" => Some(false),
        Some(v) => {
            return Err(ApiError::invalid_parameter(
                "availability",
                Some(&v.to_string()),
            ))
        }
    };
    if read.is_none() && alive.is_none() {
        return Err(ApiError::missing_parameter("readStatus"));
    }
    Ok(Change { read, alive })
}

/// Changes per id from a JSON body: one object for all ids, or the bulk array form
/// `[{resourceId, body: {readStatus}}]`.
fn changes(
    bytes: &[u8],
    ids: &[(String, Option<i64>)],
    allow_availability: bool,
) -> Result<Vec<(String, Option<i64>, Change)>, ApiError> {
    let body: Value = super::body::parse(bytes)?;
    match body {
        Value::Array(items) => items
            .iter()
            .map(|item| {
                let id = item
                    .get("resourceId")
                    .and_then(Value::as_str)
                    .ok_or_else(|| ApiError::missing_parameter("resourceId"))?;
                let change =
                    change_of(item.get("body").unwrap_or(&Value::Null), allow_availability)?;
                Ok((id.to_owned(), id.parse().ok(), change))
            })
            .collect(),
        Value::Object(_) => {
            let change = change_of(&body, allow_availability)?;
            Ok(ids
                .iter()
                .map(|(raw, id)| (raw.clone(), *id, change.clone()))
                .collect())
        }
        _ => Err(ApiError::invalid_parameter("body", None)),
    }
}

async fn apply(
    sim: Shared,
    params: HashMap<String, String>,
    bytes: Bytes,
    allow_availability: bool,
) -> Result<Response, ApiError> {
    let ids = ids(&params)?;
    let changes = changes(&bytes, &ids, allow_availability)?;
    let now = sim.now();
    let mut world = sim.world();
    let mut results = Vec::new();
    let mut updated = 0;
    for (raw, id, change) in &changes {
        let Some(message) = id.and_then(|id| world.messages.get_mut(id)) else {
            results.push(Err(ApiError::not_found("messageId", raw)));
            continue;
        };
        if let Some(read) = change.read {
            message.read = read;
        }
        if let Some(alive) = change.alive {
            message.deleted = !alive;
        }
        message.modified = now;
        updated += 1;
        results.push(Ok(message.id));
    }
    let urls = sim.urls(&world);
    if updated > 0 {
        world.publish_messages(&[], updated, Direction::Inbound, now, &urls);
    }
    let render = |r: &Result<i64, ApiError>| {
        r.clone().and_then(|id| {
            world
                .messages
                .get(id)
                .map(|m| render::message(m, &urls))
                .ok_or_else(|| ApiError::not_found("messageId", &id.to_string()))
        })
    };
    let bulk_array = bytes.trim_ascii_start().starts_with(b"[");
    if let ([one], false) = (results.as_slice(), bulk_array || ids.len() > 1) {
        return render(one).map(ok);
    }
    let entries = changes
        .iter()
        .zip(&results)
        .map(|((raw, _, _), r)| match render(r) {
            Ok(body) => json!({ "resourceId": raw, "status": 200, "body": body }),
            Err(e) => json!({ "resourceId": raw, "status": e.status().as_u16(), "body": e.body() }),
        })
        .collect();
    Ok(multi(entries))
}

/// `updateMessage`: PUT …/message-store/{messageId} — `readStatus` only; bulk forms give 207.
pub async fn update(
    sim: Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    apply(sim, params, bytes, false).await
}

/// `patchMessage`: PATCH …/message-store/{messageId} — `readStatus` and/or `availability`.
pub async fn patch(
    sim: Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    apply(sim, params, bytes, true).await
}

/// `deleteMessage`: DELETE …/message-store/{messageId} — marks messages `Deleted`.
pub async fn delete(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let ids = ids(&params)?;
    let now = sim.now();
    let mut world = sim.world();
    for (raw, id) in &ids {
        let message = id
            .and_then(|id| world.messages.get_mut(id))
            .ok_or_else(|| ApiError::not_found("messageId", raw))?;
        message.deleted = true;
        message.modified = now;
    }
    let urls = sim.urls(&world);
    world.publish_messages(&[], ids.len(), Direction::Inbound, now, &urls);
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `readMessageContent`: GET …/message-store/{messageId}/content/{attachmentId} — the SMS text.
pub async fn content(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let raw = params.get("messageId").cloned().unwrap_or_default();
    let attachment = params.get("attachmentId").cloned().unwrap_or_default();
    let world = sim.world();
    let message = raw
        .parse()
        .ok()
        .and_then(|id| world.messages.get(id))
        .ok_or_else(|| ApiError::not_found("messageId", &raw))?;
    if attachment != message.id.to_string() {
        return Err(ApiError::not_found("attachmentId", &attachment));
    }
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/plain")],
        message.text.clone(),
    )
        .into_response())
}
