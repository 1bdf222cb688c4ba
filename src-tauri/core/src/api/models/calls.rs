//! RingOut status and call-log records.

use serde::{Deserialize, Serialize};

/// `GetRingOutStatusResponse`. Without an id it is not a RingOut: it cannot be followed or
/// cancelled, so such an answer does not read.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RingOutStatus {
    /// RingOut id (a string in the spec; some servers send a number), never empty.
    #[serde(deserialize_with = "ringout_id")]
    pub id: String,
    /// The three status fields.
    #[serde(default)]
    pub status: RingOutStatusDetail,
}

/// `status` of a RingOut: the call and both legs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RingOutStatusDetail {
    /// The call as a whole.
    pub call_status: Option<String>,
    /// Leg 1: the agent's own phone ("ring me at").
    pub caller_status: Option<String>,
    /// Leg 2: the customer.
    pub callee_status: Option<String>,
}

fn ringout_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) if !s.is_empty() => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        _ => Err(serde::de::Error::custom(
            "a RingOut id must be a non-empty string or a number",
        )),
    }
}

/// `from` / `to` of a call-log record.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CallerInfo {
    /// E.164.
    pub phone_number: Option<String>,
    /// Extension number.
    pub extension_number: Option<String>,
    /// Caller ID name.
    pub name: Option<String>,
    /// Location.
    pub location: Option<String>,
}

/// `CallLogRecord`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CallLogRecord {
    /// Record id.
    pub id: String,
    /// Groups the legs of one call.
    pub session_id: Option<String>,
    /// ISO 8601 start.
    pub start_time: Option<String>,
    /// Seconds.
    pub duration: Option<u64>,
    /// `Voice` / `Fax`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// `Inbound` / `Outbound`.
    pub direction: Option<String>,
    /// `RingOut Web`, `Phone Call` …
    pub action: Option<String>,
    /// `Call connected`, `Missed` …
    pub result: Option<String>,
    /// Calling party.
    pub from: Option<CallerInfo>,
    /// Called party.
    pub to: Option<CallerInfo>,
    /// Set on ISync for removed records.
    pub deleted: Option<bool>,
    /// Detailed view only.
    pub last_modified_time: Option<String>,
}

/// `syncInfo` of a sync answer.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SyncInfo {
    /// `FSync` / `ISync`.
    pub sync_type: Option<String>,
    /// Token for the next ISync.
    pub sync_token: Option<String>,
    /// Server time of the sync.
    pub sync_time: Option<String>,
    /// More records exist before the frame.
    pub older_records_exist: Option<bool>,
}

/// `call-log-sync` answer.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CallLogSync {
    /// Records (at most 250).
    pub records: Vec<CallLogRecord>,
    /// The new sync frame.
    pub sync_info: SyncInfo,
}
