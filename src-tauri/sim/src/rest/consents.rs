//! SMS consent records (`/restapi/v2/accounts/~/sms/consents/search`, app permission `SMS`): the
//! opt-outs and opt-ins recipients texted, filtered by business number (`from`), recipient
//! (`to`) and status, paged by an opaque `pageToken` (`perPage` ≤ 1000, 100 by default).

use super::body::JsonBody;
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::state::opt_outs::Consent;
use crate::time_fmt::iso;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

/// The largest page, and the default one.
const MOST_PER_PAGE: usize = 1000;
const DEFAULT_PER_PAGE: usize = 100;
/// At most this many numbers in `from` or `to`.
const MOST_NUMBERS: usize = 20;

/// `SearchSmsConsentRecordsRequest`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SearchRequest {
    from: Option<Vec<String>>,
    to: Option<Vec<String>>,
    opt_status: Option<String>,
    coverage: Option<Vec<String>>,
    page_token: Option<String>,
    per_page: Option<i64>,
}

fn numbers(name: &str, list: &Option<Vec<String>>) -> Result<(), ApiError> {
    match list {
        Some(list) if list.is_empty() || list.len() > MOST_NUMBERS => {
            Err(ApiError::invalid_parameter(name, None))
        }
        Some(list) => match list.iter().find(|n| !n.starts_with('+')) {
            Some(bad) => Err(ApiError::invalid_parameter(name, Some(bad))),
            None => Ok(()),
        },
        None => Ok(()),
    }
}

fn wanted(request: &SearchRequest, record: &Consent) -> bool {
    let listed = |list: &Option<Vec<String>>, number: &str| {
        list.as_ref().is_none_or(|l| l.iter().any(|n| n == number))
    };
    let status = if record.opted_out { "OptOut" } else { "OptIn" };
    listed(&request.from, &record.ours)
        && listed(&request.to, &record.theirs)
        && request.opt_status.as_deref().is_none_or(|s| s == status)
        && request
            .coverage
            .as_ref()
            .is_none_or(|c| c.iter().any(|c| c == "PhoneNumber"))
}

/// `SmsOptRecord`.
fn render(record: &Consent) -> Value {
    json!({
        "from": record.ours,
        "to": record.theirs,
        "optStatus": if record.opted_out { "OptOut" } else { "OptIn" },
        "coverage": "PhoneNumber",
        "source": "Recipient",
        "lastModifiedTime": iso(record.modified),
    })
}

/// `searchSmsConsentRecords`: 200 with `OptRecordList`.
pub async fn search(
    State(sim): Shared,
    _: Principal,
    JsonBody(request): JsonBody<SearchRequest>,
) -> Result<Response, ApiError> {
    numbers("from", &request.from)?;
    numbers("to", &request.to)?;
    if let Some(status) = request.opt_status.as_deref() {
        if !["OptOut", "OptIn"].contains(&status) {
            return Err(ApiError::invalid_parameter("optStatus", Some(status)));
        }
    }
    let per_page = match request.per_page {
        None => DEFAULT_PER_PAGE,
        Some(n) if n < 1 => {
            return Err(ApiError::invalid_parameter("perPage", Some(&n.to_string())))
        }
        Some(n) => (n as usize).min(MOST_PER_PAGE),
    };
    let skip = match request.page_token.as_deref() {
        None => 0,
        Some(token) => token
            .strip_prefix("consents-")
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| ApiError::invalid_parameter("pageToken", Some(token)))?,
    };
    let world = sim.world();
    let matching: Vec<&Consent> = world
        .messages
        .opt_outs
        .records()
        .filter(|r| wanted(&request, r))
        .collect();
    let page: Vec<Value> = matching
        .iter()
        .skip(skip)
        .take(per_page)
        .map(|r| render(r))
        .collect();
    let mut paging = json!({
        "perPage": per_page,
        "pageToken": format!("consents-{skip}"),
        "firstPageToken": "consents-0",
    });
    if skip + per_page < matching.len() {
        paging["nextPageToken"] = json!(format!("consents-{}", skip + per_page));
    }
    if skip > 0 {
        paging["previousPageToken"] = json!(format!("consents-{}", skip.saturating_sub(per_page)));
    }
    Ok(ok(json!({ "records": page, "paging": paging })))
}
