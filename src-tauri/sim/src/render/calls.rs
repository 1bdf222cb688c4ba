//! Call-log records (`CallLogRecord`), Simple and Detailed views.
//!
//! Records are rendered through borrowing [`Serialize`] views written straight into the answer's
//! buffer ([`CallRecords`]): a 1000-record `Detailed` page costs a few milliseconds, where
//! building and dropping a `serde_json::Value` tree per record used to be most of a call-log
//! sync's server time.

use super::Urls;
use crate::state::call_log::{CallRecord, Leg, Side};
use crate::time_fmt::iso;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::Value;

/// One call-log record as a JSON value; `detailed` adds `legs`, `billing` and
/// `lastModifiedTime`. Lists serialize [`CallRecords`] instead.
pub fn call_record(r: &CallRecord, detailed: bool, urls: &Urls) -> Value {
    let ext = urls.ext("");
    // Serializing plain strings, numbers and objects into a Value cannot fail.
    serde_json::to_value(RecordView::new(r, detailed, &ext, &Common::new(r, &ext)))
        .unwrap_or(Value::Null)
}

/// Records of a list or sync answer, serialized as a JSON array one record at a time.
pub struct CallRecords<'a> {
    records: &'a [CallRecord],
    detailed: bool,
    /// The extension's URI, shared by every record's `uri` and `extension.uri`.
    ext: String,
}

impl<'a> CallRecords<'a> {
    /// `records` in the Simple or Detailed view, their URIs under `urls`.
    pub fn new(records: &'a [CallRecord], detailed: bool, urls: &Urls) -> Self {
        Self {
            records,
            detailed,
            ext: urls.ext(""),
        }
    }
}

impl Serialize for CallRecords<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.records.len()))?;
        for r in self.records {
            let common = Common::new(r, &self.ext);
            seq.serialize_element(&RecordView::new(r, self.detailed, &self.ext, &common))?;
        }
        seq.end()
    }
}

/// What a record and its legs share.
struct Common<'a> {
    start_time: String,
    direction: &'static str,
    extension: ExtensionRef<'a>,
}

impl<'a> Common<'a> {
    fn new(r: &CallRecord, ext: &'a str) -> Self {
        Self {
            start_time: iso(r.start),
            direction: if r.inbound { "Inbound" } else { "Outbound" },
            extension: ExtensionRef {
                id: r.extension_id,
                uri: ext,
            },
        }
    }
}

/// `from` / `to` of a record or leg: only the fields the side has.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SideView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    phone_number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extension_number: Option<&'a str>,
}

impl<'a> SideView<'a> {
    fn new(s: &'a Side) -> Self {
        Self {
            phone_number: s.phone.as_deref(),
            name: s.name.as_deref(),
            location: s.location.as_deref(),
            extension_number: s.extension_number.as_deref(),
        }
    }
}

/// `extension` of a record or leg.
#[derive(Serialize)]
struct ExtensionRef<'a> {
    id: u64,
    uri: &'a str,
}

/// `billing` (Detailed view).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Billing {
    cost_included: f64,
    cost_purchased: f64,
}

/// A record (`CallLogRecord`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RecordView<'a> {
    uri: String,
    id: &'a str,
    session_id: &'a str,
    telephony_session_id: &'a str,
    start_time: &'a str,
    duration: u32,
    duration_ms: u64,
    #[serde(rename = "type")]
    kind: &'a str,
    direction: &'a str,
    action: &'a str,
    result: &'a str,
    from: SideView<'a>,
    to: SideView<'a>,
    extension: &'a ExtensionRef<'a>,
    transport: &'static str,
    internal_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legs: Option<LegsView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    billing: Option<Billing>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_modified_time: Option<String>,
}

impl<'a> RecordView<'a> {
    fn new(r: &'a CallRecord, detailed: bool, ext: &str, common: &'a Common<'a>) -> Self {
        Self {
            uri: format!("{ext}/call-log/{}", r.id),
            id: &r.id,
            session_id: &r.session_id,
            telephony_session_id: &r.telephony_session_id,
            start_time: &common.start_time,
            duration: r.duration,
            duration_ms: u64::from(r.duration) * 1000,
            kind: r.kind,
            direction: common.direction,
            action: r.action,
            result: r.result,
            from: SideView::new(&r.from),
            to: SideView::new(&r.to),
            extension: &common.extension,
            transport: "PSTN",
            internal_type: if r.action == "RingOut Web" {
                "RingOut"
            } else {
                "Local"
            },
            reason: r.reason,
            legs: detailed.then_some(LegsView {
                legs: &r.legs,
                record: r,
                common,
            }),
            billing: detailed.then_some(Billing {
                cost_included: 0.0,
                cost_purchased: 0.0,
            }),
            last_modified_time: detailed.then(|| iso(r.modified)),
        }
    }
}

/// The legs of a record (Detailed view), serialized as an array.
struct LegsView<'a> {
    legs: &'a [Leg],
    record: &'a CallRecord,
    common: &'a Common<'a>,
}

/// One leg.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LegView<'a> {
    start_time: &'a str,
    duration: u32,
    duration_ms: u64,
    #[serde(rename = "type")]
    kind: &'a str,
    direction: &'a str,
    action: &'a str,
    result: &'a str,
    leg_type: &'a str,
    master: bool,
    from: SideView<'a>,
    to: SideView<'a>,
    transport: &'static str,
    extension: &'a ExtensionRef<'a>,
}

impl Serialize for LegsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (r, common) = (self.record, self.common);
        let mut seq = serializer.serialize_seq(Some(self.legs.len()))?;
        for leg in self.legs {
            seq.serialize_element(&LegView {
                start_time: &common.start_time,
                duration: leg.duration,
                duration_ms: u64::from(leg.duration) * 1000,
                kind: r.kind,
                direction: common.direction,
                action: r.action,
                result: leg.result,
                leg_type: leg.leg_type,
                master: leg.master,
                from: SideView::new(&leg.from),
                to: SideView::new(&leg.to),
                transport: "PSTN",
                extension: &common.extension,
            })?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::call_log::SeededCalls;
    use chrono::Utc;
    use serde_json::json;

    fn urls() -> Urls {
        Urls {
            base: "http://127.0.0.1:1".into(),
            account: 7,
            extension: 8,
        }
    }

    /// The record as the spec's `CallLogRecord` describes it, spelled out field by field.
    fn expected(r: &CallRecord, detailed: bool) -> Value {
        let ext = urls().ext("");
        let side = |s: &Side| {
            let mut v = serde_json::Map::new();
            for (key, value) in [
                ("phoneNumber", &s.phone),
                ("name", &s.name),
                ("location", &s.location),
                ("extensionNumber", &s.extension_number),
            ] {
                if let Some(value) = value {
                    v.insert(key.into(), json!(value));
                }
            }
            Value::Object(v)
        };
        let direction = if r.inbound { "Inbound" } else { "Outbound" };
        let mut v = json!({
            "uri": format!("{ext}/call-log/{}", r.id), "id": r.id, "sessionId": r.session_id,
            "telephonySessionId": r.telephony_session_id, "startTime": iso(r.start),
            "duration": r.duration, "durationMs": u64::from(r.duration) * 1000, "type": r.kind,
            "direction": direction, "action": r.action, "result": r.result,
            "from": side(&r.from), "to": side(&r.to),
            "extension": { "id": r.extension_id, "uri": ext }, "transport": "PSTN",
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
                        "startTime": iso(r.start), "duration": leg.duration,
                        "durationMs": u64::from(leg.duration) * 1000, "type": r.kind,
                        "direction": direction, "action": r.action, "result": leg.result,
                        "legType": leg.leg_type, "master": leg.master,
                        "from": side(&leg.from), "to": side(&leg.to), "transport": "PSTN",
                        "extension": { "id": r.extension_id, "uri": ext },
                    })
                })
                .collect();
            v["legs"] = json!(legs);
            v["billing"] = json!({ "costIncluded": 0.0, "costPurchased": 0.0 });
            v["lastModifiedTime"] = json!(iso(r.modified));
        }
        v
    }

    #[test]
    fn lists_and_single_records_render_every_field() {
        let seeded = SeededCalls::new(5, 300, Utc::now(), ("+16505550101", "Jo Avery", 8), 40);
        let records: Vec<CallRecord> = (0..300).map(|i| seeded.record(i)).collect();
        for detailed in [false, true] {
            let listed = serde_json::to_value(CallRecords::new(&records, detailed, &urls()))
                .unwrap_or(Value::Null);
            let want: Vec<Value> = records.iter().map(|r| expected(r, detailed)).collect();
            assert_eq!(
                listed,
                Value::Array(want.clone()),
                "a list renders every field"
            );
            let one: Vec<Value> = records
                .iter()
                .map(|r| call_record(r, detailed, &urls()))
                .collect();
            assert_eq!(one, want, "a single record renders like a listed one");
        }
    }

    #[test]
    fn the_detailed_view_adds_legs_billing_and_modification_time() {
        let seeded = SeededCalls::new(5, 10, Utc::now(), ("+16505550101", "Jo Avery", 8), 40);
        let r = seeded.record(3);
        let simple = call_record(&r, false, &urls());
        let detailed = call_record(&r, true, &urls());
        for key in ["legs", "billing", "lastModifiedTime"] {
            assert!(simple.get(key).is_none(), "Simple has no {key}");
            assert!(detailed.get(key).is_some(), "Detailed has {key}");
        }
        assert_eq!(
            detailed["legs"][0]["extension"]["uri"],
            "http://127.0.0.1:1/restapi/v1.0/account/7/extension/8",
            "legs carry the extension"
        );
        assert_eq!(
            detailed["uri"],
            format!(
                "http://127.0.0.1:1/restapi/v1.0/account/7/extension/8/call-log/{}",
                r.id
            ),
            "each record has its own URI"
        );
    }
}
