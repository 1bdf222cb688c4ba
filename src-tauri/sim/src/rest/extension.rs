//! Extension info, phone numbers, forwarding ("ring me at") numbers and caller-ID settings.

use super::body::JsonBody;
use super::paging::{navigation, paging, PageRequest};
use super::query::Query;
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::magic::normalize;
use crate::render;
use crate::state::account::ForwardingNumber;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

/// `readExtension`: GET …/extension/~.
pub async fn read(State(sim): Shared, _: Principal) -> Response {
    let world = sim.world();
    ok(render::extension(&world.account, &sim.urls(&world)))
}

fn page_of(records: Vec<Value>, uri: String, q: &Query) -> Result<Value, ApiError> {
    let req = PageRequest::from_query(q, 100, 1000, false)?;
    let total = records.len() as u64;
    let page: Vec<Value> = records
        .into_iter()
        .skip(req.skip() as usize)
        .take(req.per_page as usize)
        .collect();
    Ok(json!({
        "paging": paging(req, page.len(), total),
        "navigation": navigation(&uri, q, req, total),
        "records": page,
        "uri": uri,
    }))
}

/// `listExtensionPhoneNumbers`: GET …/extension/~/phone-number.
pub async fn phone_numbers(
    State(sim): Shared,
    _: Principal,
    q: Query,
) -> Result<Response, ApiError> {
    let usage = q.all("usageType");
    let status = q.one("status");
    let world = sim.world();
    let urls = sim.urls(&world);
    let a = &world.account;
    let records = a
        .phone_numbers
        .iter()
        .filter(|n| usage.is_empty() || usage.contains(&n.usage_type))
        .filter(|_| status.is_none_or(|s| s == "Normal"))
        .map(|n| render::phone_number(n, a, &urls))
        .collect();
    Ok(ok(page_of(records, urls.ext("/phone-number"), &q)?))
}

/// `listForwardingNumbers`: GET …/extension/~/forwarding-number.
pub async fn forwarding_numbers(
    State(sim): Shared,
    _: Principal,
    q: Query,
) -> Result<Response, ApiError> {
    let world = sim.world();
    let urls = sim.urls(&world);
    let a = &world.account;
    let records = a
        .forwarding
        .iter()
        .map(|f| render::forwarding_number(f, a, &urls))
        .collect();
    Ok(ok(page_of(records, urls.ext("/forwarding-number"), &q)?))
}

/// Body of `createForwardingNumber`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewForwardingNumber {
    phone_number: String,
    label: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
}

const FORWARDING_TYPES: [&str; 8] = [
    "Home",
    "Mobile",
    "Work",
    "PhoneLine",
    "Outage",
    "Other",
    "BusinessMobilePhone",
    "ExtensionApps",
];

/// `createForwardingNumber`: POST …/extension/~/forwarding-number.
pub async fn create_forwarding_number(
    State(sim): Shared,
    _: Principal,
    JsonBody(body): JsonBody<NewForwardingNumber>,
) -> Result<Response, ApiError> {
    let phone = normalize(&body.phone_number)
        .ok_or_else(|| ApiError::invalid_parameter("phoneNumber", Some(&body.phone_number)))?;
    let kind = body.kind.unwrap_or_else(|| "Other".into());
    if !FORWARDING_TYPES.contains(&kind.as_str()) {
        return Err(ApiError::invalid_parameter("type", Some(&kind)));
    }
    let label = body.label.unwrap_or_else(|| kind.clone());
    if label.chars().count() > 60 {
        return Err(ApiError::invalid_parameter("label", Some(&label)));
    }
    let mut world = sim.world();
    let id = world.ids.number(600_000_000..700_000_000).to_string();
    let number = ForwardingNumber {
        id,
        phone,
        label,
        kind,
    };
    world.account.forwarding.push(number.clone());
    let urls = sim.urls(&world);
    Ok(ok(render::forwarding_number(
        &number,
        &world.account,
        &urls,
    )))
}

/// `readExtensionCallerId`: GET …/extension/~/caller-id.
pub async fn caller_id(State(sim): Shared, _: Principal) -> Response {
    let world = sim.world();
    ok(render::caller_id(&world.account, &sim.urls(&world)))
}
