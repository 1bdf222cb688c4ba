//! Call log: list (date window, type, direction, view, paging with `perPage=max`), read one, and
//! `call-log-sync` (FSync / ISync with the 250-record cap and `CLG-` errors).

use super::paging::{navigation, paging, PageRequest};
use super::query::Query;
use super::sync_token::{self, TokenFailure};
use super::{ok, ok_serialized, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::render::{self, CallRecords};
use crate::state::call_log::Filter;
use crate::time_fmt::iso;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Duration;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::HashMap;

const KIND: &str = "clg";

/// A `readUserCallLog` answer (`CallLogResponse`), its records serialized in place.
#[derive(Serialize)]
struct ListAnswer<'a> {
    uri: String,
    records: CallRecords<'a>,
    paging: Value,
    navigation: Value,
}

/// A `syncUserCallLog` answer (`CallLogSyncResponse`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SyncAnswer<'a> {
    uri: String,
    records: CallRecords<'a>,
    sync_info: Value,
}
/// Most records one sync answer carries.
pub const SYNC_CAP: usize = 250;

fn filter(q: &Query) -> Result<Filter, ApiError> {
    let directions = q.enums("direction", &["Inbound", "Outbound"])?;
    let types = q.enums("type", &["Voice", "Fax"])?;
    for name in ["showBlocked", "showDeleted", "withRecording"] {
        q.bool(name)?;
    }
    q.one_of("recordingType", &["Automatic", "OnDemand", "All"])?;
    q.enums("transport", &["PSTN", "VoIP"])?;
    Ok(Filter {
        inbound: directions.iter().map(|d| d == "Inbound").collect(),
        fax: types.iter().map(|t| t == "Fax").collect(),
        missed_only: false,
        session_id: q.one("sessionId").map(str::to_owned),
    })
}

fn detailed(q: &Query) -> Result<bool, ApiError> {
    Ok(q.one_of("view", &["Simple", "Detailed"])?.as_deref() == Some("Detailed"))
}

/// `readUserCallLog`: GET …/extension/~/call-log.
pub async fn list(State(sim): Shared, _: Principal, q: Query) -> Result<Response, ApiError> {
    let filter = filter(&q)?;
    let detailed = detailed(&q)?;
    let req = PageRequest::from_query(&q, 100, 1000, true)?;
    let now = sim.now();
    let to = q.date("dateTo")?.unwrap_or(now);
    let from = q.date("dateFrom")?.unwrap_or(to - Duration::hours(24));
    let world = sim.world();
    let urls = sim.urls(&world);
    let page = world
        .call_log
        .list(&filter, from, to, req.skip(), req.per_page);
    let uri = urls.ext("/call-log");
    Ok(ok_serialized(&ListAnswer {
        uri: format!("{uri}?{}", q.with("page", &req.page.to_string())),
        records: CallRecords::new(&page.records, detailed, &urls),
        paging: paging(req, page.records.len(), page.total),
        navigation: navigation(&uri, &q, req, page.total),
    }))
}

/// `readUserCallRecord`: GET …/extension/~/call-log/{callRecordId}.
pub async fn read(
    State(sim): Shared,
    _: Principal,
    q: Query,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = params.get("callRecordId").cloned().unwrap_or_default();
    let detailed = detailed(&q)?;
    let world = sim.world();
    let record = world
        .call_log
        .get(&id)
        .ok_or_else(|| ApiError::not_found("callRecordId", &id))?;
    Ok(ok(render::call_record(
        &record,
        detailed,
        &sim.urls(&world),
    )))
}

fn token_error(code: &str, detail: &str, token: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        code,
        format!("Parameter [syncToken] is invalid [{detail}]"),
    )
    .with_parameter("syncToken", Some(token))
}

/// `syncUserCallLog`: GET …/extension/~/call-log-sync.
pub async fn sync(State(sim): Shared, _: Principal, q: Query) -> Result<Response, ApiError> {
    let sync_type = q
        .one_of("syncType", &["FSync", "ISync"])?
        .unwrap_or_else(|| "FSync".into());
    let detailed = detailed(&q)?;
    let groups = q.enums("statusGroup", &["Missed", "All"])?;
    let filter = Filter {
        missed_only: !groups.is_empty() && groups.iter().all(|g| g == "Missed"),
        ..Filter::default()
    };
    q.bool("showDeleted")?;
    let now = sim.now();
    let world = sim.world();
    let urls = sim.urls(&world);
    let records = if sync_type == "ISync" {
        let token = q
            .one("syncToken")
            .ok_or_else(|| ApiError::missing_parameter("syncToken"))?;
        let since = sync_token::read(KIND, world.epoch, token).map_err(|e| match e {
            TokenFailure::Invalid => token_error("CLG-101", "Sync token is unknown", token),
            TokenFailure::Stale => {
                token_error("CLG-102", "Sync token expired, call log was reset", token)
            }
        })?;
        let changed = world.call_log.changed_since(&filter, since);
        if changed.len() > SYNC_CAP {
            return Err(token_error(
                "CLG-104",
                "max sync record number limit is exceeded",
                token,
            ));
        }
        changed.into_iter().rev().collect()
    } else {
        let count = q
            .int("recordCount", 1, SYNC_CAP as i64)?
            .unwrap_or(SYNC_CAP as i64) as u64;
        let from = q.date("dateFrom")?.unwrap_or(now - Duration::days(30));
        if from < now - Duration::days(30) - Duration::minutes(5) {
            return Err(ApiError::invalid_parameter("dateFrom", q.one("dateFrom")));
        }
        world.call_log.newest(&filter, from, now, count).records
    };
    Ok(ok_serialized(&SyncAnswer {
        uri: urls.ext(&format!("/call-log-sync?syncType={sync_type}")),
        records: CallRecords::new(&records, detailed, &urls),
        sync_info: json!({ "syncType": sync_type, "syncToken": sync_token::issue(KIND, world.epoch, now), "syncTime": iso(now) }),
    }))
}
