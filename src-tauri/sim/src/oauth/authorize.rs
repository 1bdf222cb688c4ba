//! `GET|POST /restapi/oauth/authorize`: checks the client and redirect URI, shows the login and
//! consent page, and on consent redirects with `code`, `state` and `expires_in=60`.

use super::client::redirect_registered;
use super::form::Form;
use super::page;
use crate::api_error::ApiError;
use crate::rest::Shared;
use crate::state::codes::{AuthCode, Challenge};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use chrono::Duration;

/// Lifetime of an authorization code.
pub const CODE_TTL_SECONDS: i64 = 60;

fn invalid(error: &'static str, code: &str, message: &str) -> ApiError {
    ApiError::oauth(StatusCode::BAD_REQUEST, error, code, message)
}

fn redirect(uri: &str, params: &[(&str, &str)]) -> Response {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in params {
        query.append_pair(k, v);
    }
    let separator = if uri.contains('?') { '&' } else { '?' };
    let location = format!("{uri}{separator}{}", query.finish());
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

/// `authorize`: GET with query parameters.
pub async fn get(sim: Shared, uri: axum::http::Uri) -> Result<Response, ApiError> {
    let params: Vec<(String, String)> =
        url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
            .into_owned()
            .collect();
    handle(sim, params, false).await
}

/// `authorize2`: POST with a form body (the consent page posts here too).
pub async fn post(sim: Shared, form: Form) -> Result<Response, ApiError> {
    let consenting = form.get("sim_consent").is_some();
    let params = form.pairs();
    handle(sim, params, consenting).await
}

async fn handle(
    State(sim): Shared,
    params: Vec<(String, String)>,
    consenting: bool,
) -> Result<Response, ApiError> {
    let get = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    };
    let client_id = get("client_id").ok_or_else(|| {
        invalid(
            "invalid_request",
            "OAU-101",
            "Parameter [client_id] is required",
        )
    })?;
    if client_id != sim.app.client_id {
        return Err(invalid("invalid_client", "OAU-120", "Wrong Application ID"));
    }
    let redirect_uri = get("redirect_uri").ok_or_else(|| {
        invalid(
            "invalid_request",
            "OAU-101",
            "Parameter [redirect_uri] is required",
        )
    })?;
    if !redirect_registered(redirect_uri) {
        return Err(invalid(
            "invalid_request",
            "OAU-109",
            "Redirect URI is not registered for this application",
        )
        .with_parameter("redirect_uri", Some(redirect_uri)));
    }
    let state = get("state").unwrap_or("");
    let fail = |error: &str, description: &str| {
        let mut p = vec![("error", error), ("error_description", description)];
        if !state.is_empty() {
            p.push(("state", state));
        }
        redirect(redirect_uri, &p)
    };
    if get("response_type") != Some("code") {
        return Ok(fail(
            "unsupported_response_type",
            "Only response_type=code is supported",
        ));
    }
    let challenge = match (
        get("code_challenge"),
        get("code_challenge_method").unwrap_or("plain"),
    ) {
        (None, _) => None,
        (Some(value), method @ ("plain" | "S256")) => Some(Challenge {
            value: value.to_owned(),
            method: method.to_owned(),
        }),
        (Some(_), _) => {
            return Ok(fail(
                "invalid_request",
                "code_challenge_method must be plain or S256",
            ))
        }
    };
    match (consenting, get("sim_consent")) {
        (true, Some("allow")) => {}
        (true, _) => return Ok(fail("access_denied", "The user denied access")),
        (false, _) => {
            let world = sim.world();
            let a = &world.account;
            return Ok(
                Html(page::consent(&params, &a.name(), &a.email, &a.company)).into_response(),
            );
        }
    }
    let now = sim.now();
    let mut world = sim.world();
    let code = world.ids.secret("SIMAC", 24);
    let grant = AuthCode {
        client_id: client_id.to_owned(),
        redirect_uri: redirect_uri.to_owned(),
        challenge,
        expires: now + Duration::seconds(CODE_TTL_SECONDS),
    };
    world.codes.add_auth(code.clone(), grant);
    let ttl = CODE_TTL_SECONDS.to_string();
    let mut p = vec![("code", code.as_str())];
    if !state.is_empty() {
        p.push(("state", state));
    }
    p.push(("expires_in", &ttl));
    Ok(redirect(redirect_uri, &p))
}
