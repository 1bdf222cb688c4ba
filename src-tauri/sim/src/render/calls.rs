//! Call-log records (`CallLogRecord`), Simple and Detailed views.

use super::Urls;
use crate::state::call_log::{CallRecord, Side};
use crate::state::ringout::RingOut;
use crate::time_fmt::iso;
use serde_json::{json, Map, Value};

fn side(s: &Side) -> Value {
    let mut v = Map::new();
    let fields = [
        ("phoneNumber", &s.phone),
        ("name", &s.name),
        ("location", &s.location),
        ("extensionNumber", &s.extension_number),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            v.insert(key.into(), json!(value));
        }
    }
    Value::Object(v)
}

/// A live RingOut as a presence `activeCalls` entry.
pub fn active_call(call: &RingOut, telephony: &str, own_name: &str) -> Value {
    json!({
        "id": call.session_id,
        "direction": "Outbound",
        "from": call.caller_id,
        "fromName": own_name,
        "to": call.to,
        "startTime": iso(call.created),
        "telephonyStatus": telephony,
        "sessionId": call.session_id,
        "telephonySessionId": format!("s-ringout-{}", call.id),
    })
}

/// A call-log record; `detailed` adds `legs`, `billing` and `lastModifiedTime`.
pub fn call_record(r: &CallRecord, detailed: bool, urls: &Urls) -> Value {
    let direction = if r.inbound { "Inbound" } else { "Outbound" };
    let mut v = json!({
        "uri": urls.ext(&format!("/call-log/{}", r.id)),
        "id": r.id,
        "sessionId": r.session_id,
        "telephonySessionId": r.telephony_session_id,
        "startTime": iso(r.start),
        "duration": r.duration,
        "durationMs": u64::from(r.duration) * 1000,
        "type": r.kind,
        "direction": direction,
        "action": r.action,
        "result": r.result,
        "from": side(&r.from),
        "to": side(&r.to),
        "extension": { "id": r.extension_id, "uri": urls.ext("") },
        "transport": "PSTN",
        "internalType": if r.action == "RingOut Web" { "RingOut" } else { "Local" },
    });
    if let Some(reason) = r.reason {
        v["reason"] = json!(reason);
    }
    if detailed {
        let legs: Vec<Value> = r
            .legs
            .iter()
            .map(|leg| {
                json!({
                    "startTime": iso(r.start),
                    "duration": leg.duration,
                    "durationMs": u64::from(leg.duration) * 1000,
                    "type": r.kind,
                    "direction": direction,
                    "action": r.action,
                    "result": leg.result,
                    "legType": leg.leg_type,
                    "master": leg.master,
                    "from": side(&leg.from),
                    "to": side(&leg.to),
                    "transport": "PSTN",
                    "extension": { "id": r.extension_id, "uri": urls.ext("") },
                })
            })
            .collect();
        v["legs"] = json!(legs);
        v["billing"] = json!({ "costIncluded": 0.0, "costPurchased": 0.0 });
        v["lastModifiedTime"] = json!(iso(r.modified));
    }
    v
}
