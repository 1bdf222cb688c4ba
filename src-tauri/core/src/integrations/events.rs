//! The events a connector posts, derived from the cache: whatever path a call, a text, a wrap-up
//! or a contact took into the cache (a sync, the WebSocket, the window), the collector finds it
//! there and queues its event once (its subject is unique per connector), in the same durable
//! transaction that moves the collector's mark. Events are collected only for what happened after
//! the connector was first used, so turning the webhook on never replays a year of history.
//!
//! An event's body is fixed when it is queued; every attempt sends the same bytes under a fresh
//! signature:
//!
//! ```json
//! {"id": "evt_…", "type": "sms.sent", "created": "2026-12-05T10:00:00Z", "profile": "default",
//!  "data": {"number": "+16505550123", "contact": {…} | null, "message": {…}}}
//! ```

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use crate::store::{
    CallEntry, ContactEntry, Direction, FedCall, MessageEntry, NewQueueItem, Peer, Store,
    StoreError, WrapUp,
};

/// Every event type, as the wire names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    /// A call ended (answered, or an outbound call in any outcome).
    CallEnded,
    /// An inbound call nobody took.
    CallMissed,
    /// A text went out.
    SmsSent,
    /// A text came in.
    SmsReceived,
    /// The agent saved a wrap-up.
    WrapUpSaved,
    /// The agent created a contact (added or imported).
    ContactCreated,
}

impl EventType {
    /// Every type.
    pub const ALL: [EventType; 6] = [
        Self::CallEnded,
        Self::CallMissed,
        Self::SmsSent,
        Self::SmsReceived,
        Self::WrapUpSaved,
        Self::ContactCreated,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CallEnded => "call.ended",
            Self::CallMissed => "call.missed",
            Self::SmsSent => "sms.sent",
            Self::SmsReceived => "sms.received",
            Self::WrapUpSaved => "wrapup.saved",
            Self::ContactCreated => "contact.created",
        }
    }
}

/// The mark: from when events are collected (the connector's first use), ms.
const SINCE: &str = "events_since";
/// The mark: the newest moment collected so far, ms.
const SEEN: &str = "events_seen";
/// Records may reach the cache late (the call log lags, a laptop was offline): each collection
/// looks this far behind the newest moment already collected.
const LATE_BY: Duration = Duration::days(1);
/// The most records read per kind and collection.
const BATCH: usize = 2_000;

/// A fresh event id: `evt_` and 24 random hex digits.
pub fn new_event_id() -> String {
    let bytes: [u8; 12] = rand::random();
    format!("evt_{}", hex::encode(bytes))
}

/// Queues for `connector` the events of everything the cache learnt since the last collection
/// (or since `now`, the first time); answers how many were queued.
pub fn collect_events(
    store: &mut Store,
    connector: &'static str,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let since = match store.integration_mark(connector, SINCE)? {
        Some(ms) => ms,
        None => {
            store.set_integration_mark(connector, SINCE, now.timestamp_millis())?;
            return Ok(0);
        }
    };
    let seen = store.integration_mark(connector, SEEN)?.unwrap_or(since);
    let from_ms = since.max(seen - LATE_BY.num_milliseconds());
    let from = DateTime::from_timestamp_millis(from_ms).unwrap_or(now);
    let mut found = Vec::new();
    for fed in store.calls_since(from, BATCH)? {
        found.push(call_event(store, &fed)?.to(connector));
    }
    for message in store.messages_since(from, BATCH)? {
        found.push(message_event(store, &message)?.to(connector));
    }
    for wrapup in store.wrapups_saved_since(from, BATCH)? {
        found.push(wrapup_event(store, &wrapup)?.to(connector));
    }
    for (contact, created) in store.local_contacts_since(from, BATCH)? {
        found.push(contact_event(&contact, created).to(connector));
    }
    let newest = found
        .iter()
        .map(|event| event.created.timestamp_millis())
        .max()
        .unwrap_or(seen)
        .max(seen);
    found.sort_by_key(|item| item.created);
    store.durable_batch(|batch| {
        let mut queued = 0;
        for event in &found {
            queued += usize::from(batch.enqueue(event)?);
        }
        batch.set_integration_mark(connector, SEEN, newest)?;
        Ok(queued)
    })
}

/// The event a record makes, for whichever connector will queue it ([`Event::to`]).
struct Event {
    kind: EventType,
    subject: String,
    order_key: String,
    created: DateTime<Utc>,
    data: Value,
}

impl Event {
    /// The queued item that carries this event to `connector`.
    fn to(self, connector: &'static str) -> NewQueueItem {
        NewQueueItem {
            connector,
            kind: self.kind.as_str().to_string(),
            event_id: new_event_id(),
            subject: self.subject,
            order_key: self.order_key,
            payload: self.data.to_string(),
            created: self.created,
        }
    }
}

fn event(
    kind: EventType,
    subject: String,
    order_key: &str,
    created: DateTime<Utc>,
    data: Value,
) -> Event {
    Event {
        kind,
        subject,
        order_key: order_key.to_string(),
        created,
        data,
    }
}

fn call_event(store: &Store, fed: &FedCall) -> Result<Event, StoreError> {
    let call = &fed.call;
    let kind = if call.missed {
        EventType::CallMissed
    } else {
        EventType::CallEnded
    };
    // The session names a call across its records (a missed call presence told of, then the
    // call log's record), so it is one event.
    let subject = match fed.session_id.as_str() {
        "" => format!("call:{}", call.id),
        session => format!("call:session:{session}"),
    };
    let data = json!({
        "number": e164(call.peer.key.as_deref()),
        "contact": contact_of(store, &call.peer)?,
        "call": call_json(call, &fed.session_id),
    });
    Ok(event(
        kind,
        subject,
        &order_key(&call.peer),
        call.start + Duration::seconds(i64::from(call.duration_secs)),
        data,
    ))
}

fn call_json(call: &CallEntry, session_id: &str) -> Value {
    json!({
        "id": call.id,
        "session_id": session_id,
        "direction": call.direction.as_str(),
        "started": call.start.to_rfc3339(),
        "duration_secs": call.duration_secs,
        "result": call.result,
        "action": call.action,
        "from": party(call.direction == Direction::Inbound, &call.peer, &call.own_number),
        "to": party(call.direction == Direction::Outbound, &call.peer, &call.own_number),
        "caller_id_name": call.peer.name,
    })
}

/// The number at one end: the customer's (E.164 when it is one) or the agent's own.
fn party(customer: bool, peer: &Peer, own: &str) -> Value {
    if customer {
        e164(peer.key.as_deref()).unwrap_or_else(|| Value::String(peer.number.clone()))
    } else {
        Value::String(own.to_string())
    }
}

fn message_event(store: &Store, message: &MessageEntry) -> Result<Event, StoreError> {
    let kind = match message.direction {
        Direction::Inbound => EventType::SmsReceived,
        Direction::Outbound => EventType::SmsSent,
    };
    let data = json!({
        "number": e164(message.peer.key.as_deref()),
        "contact": contact_of(store, &message.peer)?,
        "message": {
            "id": message.id.to_string(),
            "conversation_id": message.conversation_id.to_string(),
            "direction": message.direction.as_str(),
            "created": message.created.to_rfc3339(),
            "from": party(message.direction == Direction::Inbound, &message.peer, &message.own_number),
            "to": party(message.direction == Direction::Outbound, &message.peer, &message.own_number),
            "text": message.text,
            "status": message.status,
        },
    });
    Ok(event(
        kind,
        format!("sms:{}", message.id),
        &order_key(&message.peer),
        message.created,
        data,
    ))
}

fn wrapup_event(store: &Store, wrapup: &WrapUp) -> Result<Event, StoreError> {
    let saved = wrapup.saved.unwrap_or(wrapup.started);
    let contact = match wrapup.peer.as_str() {
        "" => None,
        key => store.contact_for_number(key)?,
    };
    let data = json!({
        "number": e164(Some(&wrapup.peer)),
        "contact": contact.as_ref().map(contact_json),
        "wrapup": {
            "call_key": wrapup.call_key,
            "direction": wrapup.direction.to_ascii_lowercase(),
            "call_started": wrapup.started.to_rfc3339(),
            "disposition": wrapup.disposition,
            "notes": wrapup.notes,
            "tags": tags(&wrapup.tags),
            "follow_up_at": wrapup.follow_up_at.map(|t| t.to_rfc3339()),
            "follow_up_note": wrapup.follow_up_note,
            "saved": saved.to_rfc3339(),
        },
    });
    let key = match wrapup.peer.as_str() {
        "" => "none".to_string(),
        key => key.to_string(),
    };
    Ok(event(
        EventType::WrapUpSaved,
        format!("wrapup:{}@{}", wrapup.call_key, saved.timestamp_millis()),
        &key,
        saved,
        data,
    ))
}

fn contact_event(contact: &ContactEntry, created: DateTime<Utc>) -> Event {
    let first = contact
        .numbers
        .first()
        .map_or("none", |n| n.key.as_str())
        .to_string();
    let data = json!({
        "number": e164(contact.numbers.first().map(|n| n.key.as_str())),
        "contact": contact_json(contact),
    });
    event(
        EventType::ContactCreated,
        format!("contact:{}", contact.id),
        &first,
        created,
        data,
    )
}

/// A contact as events carry it.
pub fn contact_json(contact: &ContactEntry) -> Value {
    json!({
        "id": contact.id,
        "source": contact.source.as_str(),
        "remote_id": contact.remote_id,
        "name": contact.display_name(),
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "company": contact.company,
        "email": contact.email,
        "tags": tags(&contact.tags),
        "numbers": contact.numbers.iter().map(|n| json!({
            "number": e164(Some(&n.key)).unwrap_or_else(|| Value::String(n.key.clone())),
            "label": n.label,
        })).collect::<Vec<_>>(),
    })
}

fn contact_of(store: &Store, peer: &Peer) -> Result<Option<Value>, StoreError> {
    match &peer.contact {
        Some(found) => Ok(Some(contact_json(&store.contact_entry(found.id)?))),
        None => Ok(None),
    }
}

/// A match key as E.164, when it is a plain phone number (not an extension).
fn e164(key: Option<&str>) -> Option<Value> {
    key.filter(|k| k.starts_with('+') && !k.contains(';'))
        .map(|k| Value::String(k.to_string()))
}

fn order_key(peer: &Peer) -> String {
    peer.key.clone().unwrap_or_else(|| "none".into())
}

fn tags(text: &str) -> Vec<&str> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect()
}

/// The body posted for a queued event: the envelope around its data, for `profile`.
pub fn envelope(
    event_id: &str,
    kind: &str,
    created: DateTime<Utc>,
    profile: &str,
    data: &str,
) -> Result<String, serde_json::Error> {
    let data: Value = serde_json::from_str(data)?;
    serde_json::to_string(&json!({
        "id": event_id,
        "type": kind,
        "created": created.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "profile": profile,
        "data": data,
    }))
}
