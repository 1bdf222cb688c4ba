//! SMS templates (`…/message-store-templates`): the user's list (company and personal, or one
//! scope), read, create (201; at most 25; names unique), update, delete; the company's list.
//! `text` is at most 1000 UTF-16 units, like an SMS.

use super::body::JsonBody;
use super::query::Query;
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::state::templates::{Refusal, Scope, Template};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;

/// The longest template text, in UTF-16 code units.
const LONGEST_TEXT: usize = 1000;

fn render(t: &Template) -> Value {
    json!({
        "id": t.id,
        "displayName": t.name,
        "body": { "text": t.text },
        "scope": t.scope.as_str(),
    })
}

fn records(templates: &[&Template]) -> Value {
    json!({ "records": templates.iter().map(|t| render(t)).collect::<Vec<_>>() })
}

fn template_id(params: &HashMap<String, String>) -> String {
    params.get("templateId").cloned().unwrap_or_default()
}

/// `listUserMessageTemplates`: GET …/extension/~/message-store-templates[?scope=…].
pub async fn list_user(State(sim): Shared, _: Principal, q: Query) -> Result<Response, ApiError> {
    let scope = match q.one_of("scope", &["Company", "Personal"])?.as_deref() {
        Some("Company") => Some(Scope::Company),
        Some(_) => Some(Scope::Personal),
        None => None,
    };
    let world = sim.world();
    Ok(ok(records(&world.templates.list(scope))))
}

/// `listCompanyMessageTemplates`: GET …/account/~/message-store-templates.
pub async fn list_company(State(sim): Shared, _: Principal) -> Response {
    let world = sim.world();
    ok(records(&world.templates.list(Some(Scope::Company))))
}

/// `readUserMessageTemplate`: a personal template, or a company one read by the user.
pub async fn read_user(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = template_id(&params);
    let world = sim.world();
    let found = world
        .templates
        .get(&id, Scope::Personal)
        .or_else(|| world.templates.get(&id, Scope::Company))
        .ok_or_else(|| ApiError::not_found("templateId", &id))?;
    Ok(ok(render(found)))
}

/// `MessageTemplateRequest`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateRequest {
    display_name: String,
    body: TemplateBody,
}

/// `MessageTemplateInfo`.
#[derive(Debug, Deserialize)]
pub struct TemplateBody {
    text: String,
}

fn checked(request: &TemplateRequest) -> Result<(), ApiError> {
    if request.display_name.trim().is_empty() {
        return Err(ApiError::invalid_parameter("displayName", None));
    }
    let units = request.body.text.encode_utf16().count();
    if units == 0 || units > LONGEST_TEXT {
        return Err(ApiError::invalid_parameter("body.text", None));
    }
    Ok(())
}

fn refused(refusal: Refusal, name: &str) -> ApiError {
    match refusal {
        Refusal::NameTaken => ApiError::new(
            StatusCode::BAD_REQUEST,
            "MSG-384",
            "A template with this name already exists",
        )
        .with_parameter("displayName", Some(name)),
        Refusal::TooMany => ApiError::new(
            StatusCode::BAD_REQUEST,
            "MSG-385",
            "The maximum number of personal templates is reached",
        ),
    }
}

/// `createUserMessageTemplate`: 201 with the new personal template.
pub async fn create_user(
    State(sim): Shared,
    _: Principal,
    JsonBody(request): JsonBody<TemplateRequest>,
) -> Result<Response, ApiError> {
    checked(&request)?;
    let mut world = sim.world();
    let template = world
        .templates
        .create(&request.display_name, &request.body.text)
        .map_err(|r| refused(r, &request.display_name))?;
    let mut created = ok(render(&template));
    *created.status_mut() = StatusCode::CREATED;
    Ok(created)
}

/// `updateUserMessageTemplate`: replaces a personal template's name and text.
pub async fn update_user(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
    JsonBody(request): JsonBody<TemplateRequest>,
) -> Result<Response, ApiError> {
    checked(&request)?;
    let id = template_id(&params);
    let mut world = sim.world();
    let template = world
        .templates
        .update(&id, &request.display_name, &request.body.text)
        .ok_or_else(|| ApiError::not_found("templateId", &id))?
        .map_err(|r| refused(r, &request.display_name))?;
    Ok(ok(render(&template)))
}

/// `deleteUserMessageTemplate`: 204.
pub async fn delete_user(
    State(sim): Shared,
    _: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = template_id(&params);
    if !sim.world().templates.delete(&id) {
        return Err(ApiError::not_found("templateId", &id));
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
