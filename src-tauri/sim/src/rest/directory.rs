//! The company directory: list, read one, search. Errors use `ADGErrorResponse`.

use super::body;
use super::query::Query;
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::render;
use crate::state::directory::Entry;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;

fn adg_invalid(name: &str) -> ApiError {
    ApiError::directory(
        StatusCode::BAD_REQUEST,
        "ADG-121",
        format!("Parameter [{name}] is invalid."),
    )
    .with_parameter(name, None)
}

fn per_page(raw: Option<&str>) -> Result<usize, ApiError> {
    match raw {
        None | Some("all") | Some("max") => Ok(1000),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (1..=2000).contains(&n) => Ok(n.min(1000)),
            _ => Err(adg_invalid("perPage")),
        },
    }
}

fn page(q_page: Option<&str>) -> Result<usize, ApiError> {
    match q_page {
        None => Ok(1),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|p| (1..=1000).contains(p))
            .ok_or_else(|| adg_invalid("page")),
    }
}

fn listing(
    entries: Vec<&Entry>,
    page: usize,
    per_page: usize,
    account_id: u64,
    company: &str,
) -> Value {
    let total = entries.len();
    let records: Vec<Value> = entries
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .map(|e| render::directory_entry(e, account_id, company))
        .collect();
    let mut paging = json!({ "page": page, "perPage": per_page, "totalPages": total.div_ceil(per_page), "totalElements": total });
    if !records.is_empty() {
        paging["pageStart"] = json!((page - 1) * per_page);
        paging["pageEnd"] = json!((page - 1) * per_page + records.len() - 1);
    }
    json!({ "paging": paging, "records": records })
}

/// `listDirectoryEntries`: GET /restapi/v1.0/account/~/directory/entries.
pub async fn list(State(sim): Shared, _: Principal, q: Query) -> Result<Response, ApiError> {
    let per_page = per_page(q.one("perPage"))?;
    let page = page(q.one("page"))?;
    let type_group = q.one("typeGroup");
    if type_group.is_some_and(|t| t != "User" && t != "NonUser") {
        return Err(adg_invalid("typeGroup"));
    }
    let kind = q.one("type");
    let world = sim.world();
    let entries: Vec<&Entry> = world
        .directory
        .iter()
        .filter(|e| type_group.is_none_or(|g| (g == "User") == (e.kind == "User")))
        .filter(|e| kind.is_none_or(|k| k == e.kind))
        .collect();
    Ok(ok(listing(
        entries,
        page,
        per_page,
        world.account.account_id,
        &world.account.company,
    )))
}

/// `readDirectoryEntry`: GET …/directory/entries/{entryId}.
pub async fn read(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = params.get("entryId").cloned().unwrap_or_default();
    let world = sim.world();
    let entry = world.directory.iter().find(|e| e.id == id).ok_or_else(|| {
        ApiError::directory(StatusCode::NOT_FOUND, "ADG-122", "Contact not found.")
    })?;
    Ok(ok(render::directory_entry(
        entry,
        world.account.account_id,
        &world.account.company,
    )))
}

/// `SearchDirectoryEntriesRequest` (the fields the simulator honours).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Search {
    search_string: Option<String>,
    search_fields: Option<Vec<String>>,
    page: Option<u32>,
    per_page: Option<u32>,
}

/// `searchDirectoryEntries`: POST …/directory/entries/search.
pub async fn search(State(sim): Shared, _: Principal, bytes: Bytes) -> Result<Response, ApiError> {
    let search: Search = if bytes.is_empty() {
        Search::default()
    } else {
        body::parse(&bytes).map_err(|_| {
            ApiError::directory(
                StatusCode::BAD_REQUEST,
                "ADG-112",
                "Request body is invalid.",
            )
        })?
    };
    let needle = search.search_string.unwrap_or_default().to_lowercase();
    let fields = search.search_fields.unwrap_or_else(|| {
        vec![
            "firstName".into(),
            "lastName".into(),
            "extensionNumber".into(),
            "phoneNumber".into(),
            "email".into(),
        ]
    });
    let per_page = per_page(search.per_page.map(|n| n.to_string()).as_deref())?;
    let page = page(search.page.map(|n| n.to_string()).as_deref())?;
    let world = sim.world();
    let entries: Vec<&Entry> = world
        .directory
        .iter()
        .filter(|e| {
            needle.is_empty()
                || fields.iter().any(|f| {
                    let value = match f.as_str() {
                        "firstName" => e.first_name.as_str(),
                        "lastName" => e.last_name.as_str(),
                        "extensionNumber" => e.extension_number.as_str(),
                        "phoneNumber" => e.phone.as_str(),
                        "email" => e.email.as_str(),
                        "jobTitle" => e.job_title,
                        "department" => e.department,
                        _ => "",
                    };
                    value.to_lowercase().contains(&needle)
                })
        })
        .collect();
    Ok(ok(listing(
        entries,
        page,
        per_page,
        world.account.account_id,
        &world.account.company,
    )))
}
