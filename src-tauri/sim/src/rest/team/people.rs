//! Persons (one, or up to 30 comma-separated ids: 207 multi-status) and the company (`~`).

use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::render::team;
use crate::rest::message_store::multi;
use crate::rest::{ok, Shared};
use crate::time_fmt::iso;
use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::{json, Value};
use std::collections::HashMap;

/// The most ids in one bulk read.
const MOST_IDS: usize = 30;

/// `readGlipPersonNew`.
pub async fn person(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let raw = params.get("personId").cloned().unwrap_or_default();
    let ids: Vec<&str> = raw.split(',').map(str::trim).collect();
    if ids.len() > MOST_IDS || ids.iter().any(|id| id.is_empty()) {
        return Err(ApiError::invalid_parameter("personId", Some(&raw)));
    }
    let world = sim.world();
    let company = world.account.account_id;
    let found = |id: &str| {
        world
            .team
            .person(id)
            .map(|(first, last, email)| team::person(id, first, last, email, company))
            .ok_or_else(|| ApiError::not_found("personId", id))
    };
    if let [one] = ids.as_slice() {
        return Ok(ok(found(one)?));
    }
    let entries: Vec<Value> = ids
        .iter()
        .map(|id| match found(id) {
            Ok(body) => json!({ "resourceId": id, "status": 200, "body": body }),
            Err(e) => json!({ "resourceId": id, "status": e.status().as_u16(), "body": e.body() }),
        })
        .collect();
    Ok(multi(entries))
}

/// `readTMCompanyInfoNew` (`~` or the account id).
pub async fn company(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = params.get("companyId").cloned().unwrap_or_default();
    let world = sim.world();
    let account = &world.account;
    if id != "~" && id != account.account_id.to_string() {
        return Err(ApiError::not_found("companyId", &id));
    }
    Ok(ok(json!({
        "id": account.account_id.to_string(),
        "name": account.company,
        "domain": "example.com",
        "creationTime": iso(account.created),
        "lastModifiedTime": iso(account.created),
    })))
}
