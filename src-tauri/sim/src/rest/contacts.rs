//! Personal contacts: list (search, sort, phone filter, paging), CRUD, and `address-book-sync`.

use super::body::JsonBody;
use super::paging::{navigation, paging, PageRequest};
use super::query::Query;
use super::sync_token::{self, TokenFailure};
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::magic::normalize;
use crate::render;
use crate::state::contacts::{Contact, ContactFields};
use crate::time_fmt::iso;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::collections::HashMap;

const KIND: &str = "abk";

fn validate(fields: &ContactFields) -> Result<(), ApiError> {
    for (name, email) in [
        ("email", &fields.email),
        ("email2", &fields.email2),
        ("email3", &fields.email3),
    ] {
        if let Some(e) = email {
            let valid = e.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !e.contains(' ')
            });
            if !valid {
                return Err(ApiError::invalid_parameter(name, Some(e)));
            }
        }
    }
    if let Some(b) = &fields.birthday {
        if crate::time_fmt::parse(b).is_none() || !b.contains('T') {
            return Err(ApiError::invalid_parameter("birthday", Some(b)));
        }
    }
    if let Some(w) = &fields.web_page {
        if url::Url::parse(w).is_err() {
            return Err(ApiError::invalid_parameter("webPage", Some(w)));
        }
    }
    Ok(())
}

fn contact_id(params: &HashMap<String, String>) -> (String, Option<i64>) {
    let raw = params.get("contactId").cloned().unwrap_or_default();
    let id = raw.parse().ok();
    (raw, id)
}

/// `listContacts`: GET …/extension/~/address-book/contact.
pub async fn list(State(sim): Shared, _: Principal, q: Query) -> Result<Response, ApiError> {
    let req = PageRequest::from_query(&q, 100, 1000, false)?;
    let sort = q.enums("sortBy", &["FirstName", "LastName", "Company"])?;
    let starts = q.one("startsWith").map(str::to_lowercase);
    let phones: Vec<String> = q
        .all("phoneNumber")
        .into_iter()
        .map(|p| normalize(p).unwrap_or_else(|| p.to_owned()))
        .collect();
    let world = sim.world();
    let urls = sim.urls(&world);
    let mut picked: Vec<&Contact> = world
        .contacts
        .all()
        .iter()
        .filter(|c| !c.deleted)
        .filter(|c| {
            let f = &c.fields;
            starts.as_ref().is_none_or(|s| {
                [&f.first_name, &f.last_name, &f.company, &f.email]
                    .iter()
                    .any(|v| v.as_ref().is_some_and(|v| v.to_lowercase().starts_with(s)))
            })
        })
        .filter(|c| {
            phones.is_empty()
                || c.fields
                    .phones()
                    .iter()
                    .any(|p| phones.iter().any(|q| q == p))
        })
        .collect();
    let key = |c: &Contact, by: &str| {
        match by {
            "LastName" => c.fields.last_name.clone(),
            "Company" => c.fields.company.clone(),
            _ => c.fields.first_name.clone(),
        }
        .unwrap_or_default()
        .to_lowercase()
    };
    if !sort.is_empty() {
        picked.sort_by(|a, b| {
            sort.iter()
                .map(|s| key(a, s).cmp(&key(b, s)))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    let total = picked.len() as u64;
    let records: Vec<Value> = picked
        .iter()
        .skip(req.skip() as usize)
        .take(req.per_page as usize)
        .map(|c| render::contact(c, &urls))
        .collect();
    let uri = urls.ext("/address-book/contact");
    Ok(ok(json!({
        "uri": uri,
        "records": records,
        "paging": paging(req, records.len(), total),
        "navigation": navigation(&uri, &q, req, total),
        "groups": { "uri": urls.ext("/address-book/group") },
    })))
}

/// `createContact`: POST …/extension/~/address-book/contact.
pub async fn create(
    State(sim): Shared,
    _: Principal,
    JsonBody(fields): JsonBody<ContactFields>,
) -> Result<Response, ApiError> {
    validate(&fields)?;
    let now = sim.now();
    let mut world = sim.world();
    let contact = world.contacts.create(fields, now);
    Ok(ok(render::contact(&contact, &sim.urls(&world))))
}

/// `readContact`: GET …/address-book/contact/{contactId}.
pub async fn read(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let (raw, id) = contact_id(&params);
    let world = sim.world();
    let contact = id
        .and_then(|id| world.contacts.get(id))
        .ok_or_else(|| ApiError::not_found("contactId", &raw))?;
    Ok(ok(render::contact(contact, &sim.urls(&world))))
}

async fn change(
    sim: Shared,
    params: HashMap<String, String>,
    fields: ContactFields,
    replace: bool,
) -> Result<Response, ApiError> {
    validate(&fields)?;
    let (raw, id) = contact_id(&params);
    let now = sim.now();
    let mut world = sim.world();
    let contact = id
        .and_then(|id| world.contacts.get_mut(id, now))
        .ok_or_else(|| ApiError::not_found("contactId", &raw))?;
    if replace {
        contact.fields = fields;
    } else {
        contact.fields.merge(fields);
    }
    let contact = contact.clone();
    Ok(ok(render::contact(&contact, &sim.urls(&world))))
}

/// `updateContact`: PUT …/address-book/contact/{contactId} (replaces all fields).
pub async fn update(
    sim: Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
    JsonBody(fields): JsonBody<ContactFields>,
) -> Result<Response, ApiError> {
    change(sim, params, fields, true).await
}

/// `patchContact`: PATCH …/address-book/contact/{contactId} (changes the given fields).
pub async fn patch(
    sim: Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
    JsonBody(fields): JsonBody<ContactFields>,
) -> Result<Response, ApiError> {
    change(sim, params, fields, false).await
}

/// `deleteContact`: DELETE …/address-book/contact/{contactId}.
pub async fn delete(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let (raw, id) = contact_id(&params);
    let now = sim.now();
    let mut world = sim.world();
    let contact = id
        .and_then(|id| world.contacts.get_mut(id, now))
        .ok_or_else(|| ApiError::not_found("contactId", &raw))?;
    contact.deleted = true;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `syncAddressBook`: GET …/extension/~/address-book-sync. FSync pages through live contacts
/// (`perPage` ≤ 250, `pageId`); ISync returns changes since the token, deletions included.
pub async fn sync(State(sim): Shared, _: Principal, q: Query) -> Result<Response, ApiError> {
    let sync_type = q
        .one_of("syncType", &["FSync", "ISync"])?
        .unwrap_or_else(|| "FSync".into());
    let per_page = q.int("perPage", 1, 250)?.unwrap_or(250) as usize;
    let page_id = q.int("pageId", 0, i64::MAX)?.unwrap_or(0) as usize;
    let now = sim.now();
    let world = sim.world();
    let urls = sim.urls(&world);
    let all = world.contacts.all();
    let selected: Vec<&Contact> = if sync_type == "ISync" {
        let token = q
            .one("syncToken")
            .ok_or_else(|| ApiError::missing_parameter("syncToken"))?;
        let since = sync_token::read(KIND, world.epoch, token).map_err(|e| match e {
            TokenFailure::Invalid => ApiError::invalid_parameter("syncToken", Some(token)),
            TokenFailure::Stale => ApiError::new(
                StatusCode::BAD_REQUEST,
                "CMN-101",
                "Parameter [syncToken] is invalid: full synchronization is required",
            )
            .with_parameter("syncToken", Some(token)),
        })?;
        all.iter().filter(|c| c.modified > since).collect()
    } else {
        all.iter().filter(|c| !c.deleted).collect()
    };
    let page: Vec<Value> = selected
        .iter()
        .skip(page_id.saturating_mul(per_page))
        .take(per_page)
        .map(|c| render::contact(c, &urls))
        .collect();
    let more = selected.len() > page_id.saturating_add(1).saturating_mul(per_page);
    let mut body = json!({
        "uri": urls.ext("/address-book-sync"),
        "records": page,
        "syncInfo": { "syncType": sync_type, "syncToken": sync_token::issue(KIND, world.epoch, now), "syncTime": iso(now), "olderRecordsExist": false },
    });
    if more {
        let next = page_id + 1;
        body["nextPageId"] = json!(next);
        body["nextPageUri"] = json!(format!(
            "{}?{}",
            urls.ext("/address-book-sync"),
            Query::parse(&q.with("pageId", &next.to_string()))
                .with("perPage", &per_page.to_string())
        ));
    }
    Ok(ok(body))
}
