//! The call log: paged list (up to a million records, streamed) and call-log sync.

use reqwest::Method;

use super::endpoint::{ext_path, Endpoint, Group, Priority};
use super::models::{CallLogRecord, CallLogSync};
use super::paging::Pages;
use super::{ApiError, Call, Client};

/// `readUserCallLog`.
pub const READ_CALL_LOG: Endpoint = Endpoint {
    operation: "readUserCallLog",
    method: Method::GET,
    path: ext_path!("/call-log"),
    group: Group::Heavy,
    idempotent: true,
};

/// `syncUserCallLog`.
pub const SYNC_CALL_LOG: Endpoint = Endpoint {
    operation: "syncUserCallLog",
    method: Method::GET,
    path: ext_path!("/call-log-sync"),
    group: Group::Heavy,
    idempotent: true,
};

/// Filters of `readUserCallLog`.
#[derive(Debug, Clone)]
pub struct CallLogQuery {
    /// ISO 8601 start (RingCentral's default is 24 h back).
    pub date_from: Option<String>,
    /// ISO 8601 end.
    pub date_to: Option<String>,
    /// Records per page, 1–1000.
    pub per_page: u32,
    /// `Detailed` view (legs, lastModifiedTime).
    pub detailed: bool,
    /// Background work yields to people.
    pub priority: Priority,
}

impl Default for CallLogQuery {
    fn default() -> Self {
        Self {
            date_from: None,
            date_to: None,
            per_page: 1000,
            detailed: false,
            priority: Priority::Background,
        }
    }
}

/// readUserCallLog — GET …/extension/~/call-log, as pages following `navigation.nextPage`.
pub fn read_call_log(client: &Client, query: &CallLogQuery) -> Pages<CallLogRecord> {
    let call = Call::new(&READ_CALL_LOG, &[])
        .query("perPage", query.per_page.clamp(1, 1000))
        .query("view", if query.detailed { "Detailed" } else { "Simple" })
        .query_opt("dateFrom", query.date_from.as_deref())
        .query_opt("dateTo", query.date_to.as_deref())
        .priority(query.priority);
    Pages::new(client.clone(), call)
}

/// syncUserCallLog — GET …/extension/~/call-log-sync: FSync without a token, ISync with one.
pub async fn sync_call_log(
    client: &Client,
    sync_token: Option<&str>,
    record_count: u32,
    priority: Priority,
) -> Result<CallLogSync, ApiError> {
    let call = Call::new(&SYNC_CALL_LOG, &[]);
    let call = match sync_token {
        Some(token) => call.query("syncType", "ISync").query("syncToken", token),
        None => call
            .query("syncType", "FSync")
            .query("recordCount", record_count.clamp(1, 250)),
    };
    client.fetch(call.priority(priority)).await
}
