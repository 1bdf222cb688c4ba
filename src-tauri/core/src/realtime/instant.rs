//! The `message-store/instant?type=SMS` payload (`InstantMessageEventBody`) read into the
//! cache's [`MessageRecord`]. Its ids are strings (the message store's are numbers); both are
//! accepted. The raw payload is kept, like a synced record's; a later sync replaces it.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::error::RealtimeError;
use crate::store::{Direction, MessageParty, MessageRecord};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Party {
    phone_number: Option<String>,
    name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Conversation {
    id: Option<Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct InstantSms {
    id: Option<Value>,
    from: Party,
    to: Vec<Party>,
    creation_time: Option<String>,
    last_modified_time: Option<String>,
    read_status: Option<String>,
    direction: Option<String>,
    availability: Option<String>,
    subject: Option<String>,
    message_status: Option<String>,
    conversation_id: Option<Value>,
    conversation: Conversation,
}

fn bad(what: &str) -> RealtimeError {
    RealtimeError::Protocol(format!("instant SMS event without a readable {what}"))
}

/// An id sent as a JSON number or a string of digits.
fn id(value: Option<&Value>) -> Option<i64> {
    match value? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn time(text: Option<&str>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text?)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn party(p: Party) -> MessageParty {
    MessageParty {
        number: p.phone_number.unwrap_or_default(),
        name: p.name.filter(|n| !n.trim().is_empty()),
    }
}

/// Reads an instant SMS event's body.
pub(crate) fn message(body: &Value) -> Result<MessageRecord, RealtimeError> {
    let raw = body.to_string();
    let wire: InstantSms = serde_json::from_value(body.clone())
        .map_err(|e| RealtimeError::Protocol(format!("instant SMS event: {e}")))?;
    let message_id = id(wire.id.as_ref()).ok_or_else(|| bad("id"))?;
    let conversation_id = id(wire.conversation.id.as_ref())
        .or_else(|| id(wire.conversation_id.as_ref()))
        .ok_or_else(|| bad("conversation"))?;
    let created = time(wire.creation_time.as_deref()).ok_or_else(|| bad("creationTime"))?;
    let direction = match wire.direction.as_deref() {
        Some(d) if d.eq_ignore_ascii_case("Outbound") => Direction::Outbound,
        _ => Direction::Inbound,
    };
    let availability = wire.availability.as_deref().unwrap_or("Alive");
    Ok(MessageRecord {
        id: message_id,
        conversation_id,
        direction,
        created,
        modified: time(wire.last_modified_time.as_deref()).unwrap_or(created),
        from: party(wire.from),
        to: wire.to.into_iter().map(party).collect(),
        text: wire.subject.unwrap_or_default(),
        read: wire
            .read_status
            .is_some_and(|s| s.eq_ignore_ascii_case("Read")),
        status: wire.message_status.unwrap_or_else(|| "Received".into()),
        delivery_error: None,
        deleted: !availability.eq_ignore_ascii_case("Alive"),
        raw: Some(raw),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_documented_payload_reads_with_string_ids() {
        let body = json!({
            "id": "1234", "to": [{"phoneNumber": "+16505550101", "name": "Jordan Avery"}],
            "from": {"phoneNumber": "+14155550123", "name": ""}, "type": "SMS",
            "creationTime": "2026-03-01T12:00:00.250Z", "lastModifiedTime": "2026-03-01T12:00:00.250Z",
            "readStatus": "Unread", "direction": "Inbound", "availability": "Alive",
            "subject": "Can you call me back?", "messageStatus": "Received",
            "conversationId": "99", "conversation": {"id": "99"}, "ownerId": "1"
        });
        let m = message(&body).expect("the documented shape reads");
        assert_eq!((m.id, m.conversation_id), (1234, 99), "string ids read");
        assert_eq!(m.direction, Direction::Inbound);
        assert_eq!(m.text, "Can you call me back?", "the text is `subject`");
        assert!(!m.read && !m.deleted);
        assert_eq!(m.from.name, None, "an empty caller-ID name is no name");
        assert_eq!(m.to[0].number, "+16505550101");
    }

    #[test]
    fn missing_ids_or_times_are_protocol_errors() {
        for body in [
            json!({}),
            json!({"id": "x1", "conversationId": "2", "creationTime": "2026-03-01T12:00:00Z"}),
            json!({"id": 1, "creationTime": "2026-03-01T12:00:00Z"}),
            json!({"id": 1, "conversationId": 2, "creationTime": "yesterday"}),
            json!([1, 2]),
        ] {
            assert!(
                matches!(message(&body), Err(RealtimeError::Protocol(_))),
                "{body} must be refused, not guessed"
            );
        }
    }
}
