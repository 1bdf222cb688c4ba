//! Messages (`GetMessageInfoResponse`, and `GetSingleMessageInfoResponse` for one read by id)
//! and the instant-SMS event body.

use super::Urls;
use crate::state::messages::{Direction, Message, Party};
use crate::time_fmt::iso;
use serde_json::{json, Map, Value};

fn party(p: &Party, recipient: bool) -> Value {
    let mut v = Map::new();
    v.insert("phoneNumber".into(), json!(p.phone));
    if let Some(name) = &p.name {
        v.insert("name".into(), json!(name));
    }
    if let Some(location) = &p.location {
        v.insert("location".into(), json!(location));
    }
    if recipient {
        v.insert("target".into(), json!(true));
        if let Some(status) = p.status {
            v.insert("messageStatus".into(), json!(status.as_str()));
        }
    }
    Value::Object(v)
}

fn attachment(m: &Message, urls: &Urls) -> Value {
    json!({
        "id": m.id,
        "uri": urls.ext(&format!("/message-store/{}/content/{}", m.id, m.id)),
        "type": "Text",
        "contentType": "text/plain",
        "size": m.text.len(),
    })
}

fn conversation(m: &Message, urls: &Urls) -> Value {
    json!({ "id": m.conversation_id.to_string(), "uri": urls.api(&format!("/conversation/{}", m.conversation_id)) })
}

/// `GetMessageInfoResponse` (also valid as `GetSMSMessageInfoResponse`).
pub fn message(m: &Message, urls: &Urls) -> Value {
    let mut v = json!({
        "uri": urls.ext(&format!("/message-store/{}", m.id)),
        "id": m.id,
        "extensionId": urls.extension.to_string(),
        "type": "SMS",
        "direction": m.direction.as_str(),
        "from": party(&m.from, false),
        "to": m.to.iter().map(|p| party(p, true)).collect::<Vec<_>>(),
        "subject": m.text,
        "messageStatus": m.status.as_str(),
        "readStatus": if m.read { "Read" } else { "Unread" },
        "availability": if m.deleted { "Deleted" } else { "Alive" },
        "priority": "Normal",
        "creationTime": iso(m.created),
        "lastModifiedTime": iso(m.modified),
        "conversationId": m.conversation_id,
        "conversation": conversation(m, urls),
        "attachments": [attachment(m, urls)],
        "segmentCount": segments(&m.text),
    });
    if m.direction == Direction::Outbound {
        v["smsSendingAttemptsCount"] = json!(1);
        if let Some(at) = m.delivered_at {
            v["smsDeliveryTime"] = json!(iso(at));
        }
        if let Some(code) = m.delivery_error {
            v["deliveryErrorCode"] = json!(code);
        }
    }
    v
}

/// `GetSingleMessageInfoResponse`: one message read by id, which the spec requires to name
/// its `vmSideRecipients` (at least one) — the parties it went to, as in `to`.
pub fn single_message(m: &Message, urls: &Urls) -> Value {
    let mut v = message(m, urls);
    v["vmSideRecipients"] = Value::Array(m.to.iter().map(|p| party(p, true)).collect());
    v
}

/// `InstantMessageEventBody` for a new inbound SMS.
pub fn instant_sms(m: &Message, owner: u64, urls: &Urls) -> Value {
    json!({
        "id": m.id.to_string(),
        "to": m.to.iter().map(|p| party(p, true)).map(|mut p| { p.as_object_mut().map(|o| o.remove("messageStatus")); p }).collect::<Vec<_>>(),
        "from": party(&m.from, false),
        "type": "SMS",
        "creationTime": iso(m.created),
        "lastModifiedTime": iso(m.modified),
        "readStatus": if m.read { "Read" } else { "Unread" },
        "priority": "Normal",
        "attachments": [attachment(m, urls)],
        "direction": "Inbound",
        "availability": "Alive",
        "subject": m.text,
        "messageStatus": "Received",
        "conversationId": m.conversation_id.to_string(),
        "conversation": conversation(m, urls),
        "ownerId": owner.to_string(),
    })
}

/// SMS segments: 160 GSM characters (153 when concatenated), or 70 (67) UCS-2 units.
fn segments(text: &str) -> usize {
    let units = text.encode_utf16().count();
    let (single, multi) = if text.is_ascii() {
        (160, 153)
    } else {
        (70, 67)
    };
    if units <= single {
        1
    } else {
        units.div_ceil(multi)
    }
}
