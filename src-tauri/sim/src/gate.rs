//! The API gate in front of every RingCentral endpoint: bearer authentication, the app
//! permission, `~`/id checks on the path, and rate limiting with the `X-Rate-Limit-*` headers,
//! all as the endpoint's own table entry says.

use crate::api_error::ApiError;
use crate::endpoint::Endpoint;
use crate::rate_limit::Verdict;
use crate::sim::{lock, Sim};
use crate::state::sessions::AccessFailure;
use axum::extract::{FromRequestParts, RawPathParams, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use std::sync::Arc;

/// The authenticated caller of a REST request.
#[derive(Clone, Debug)]
pub struct Principal {
    /// Extension id.
    pub owner: u64,
    /// App.
    pub client_id: String,
    /// OAuth session id.
    pub session_id: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Principal {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Principal>()
            .cloned()
            .ok_or_else(|| unauthorized("OAU-123", "Authorization header is not specified"))
    }
}

fn unauthorized(code: &str, message: &str) -> ApiError {
    ApiError::new(StatusCode::UNAUTHORIZED, code, message)
}

/// The bearer token of a request: `Authorization: Bearer …` (scheme in any case) or
/// `?access_token=`. `Err` when an Authorization header is present but not a bearer token.
pub fn bearer(headers: &HeaderMap, query: Option<&str>) -> Result<Option<String>, ApiError> {
    if let Some(value) = headers.get(header::AUTHORIZATION) {
        let value = value
            .to_str()
            .map_err(|_| unauthorized("OAU-123", "Invalid Authorization header value"))?;
        let (scheme, token) = value.trim().split_once(' ').unwrap_or((value, ""));
        if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
            return Err(unauthorized(
                "OAU-123",
                "Invalid Authorization header value",
            ));
        }
        return Ok(Some(token.trim().to_owned()));
    }
    let from_query = query.and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "access_token")
            .map(|(_, v)| v.into_owned())
    });
    Ok(from_query)
}

/// The client id of a `Basic` Authorization header, if any.
pub fn basic_client(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

fn authenticate(sim: &Sim, req: &Request) -> Result<Principal, ApiError> {
    let token = bearer(req.headers(), req.uri().query())?
        .ok_or_else(|| unauthorized("OAU-123", "Authorization header is not specified"))?;
    let now = sim.now();
    let mut world = sim.world();
    match world.sessions.authenticate(&token, now) {
        Ok(session) => Ok(Principal {
            owner: session.owner,
            client_id: session.client_id,
            session_id: session.id,
        }),
        Err(AccessFailure::Expired) => Err(unauthorized("OAU-128", "Access token expired")),
        Err(AccessFailure::Revoked) => Err(unauthorized("OAU-213", "Token not found")),
        Err(AccessFailure::SessionExpired) => Err(unauthorized("OAU-213", "Session has expired")),
        Err(AccessFailure::Unknown) => Err(unauthorized("OAU-129", "Access token corrupted")),
    }
}

/// Checks the `accountId` / `extensionId` path segments: `~` or the caller's own ids.
fn check_path(sim: &Sim, params: &RawPathParams) -> Result<(), ApiError> {
    let world = sim.world();
    for (name, value) in params.iter() {
        let own = match name {
            "accountId" => world.account.account_id,
            "extensionId" => world.account.extension_id,
            _ => continue,
        };
        if value == "~" || value == own.to_string() {
            continue;
        }
        let colleague = name == "extensionId" && world.directory.iter().any(|e| e.id == value);
        return Err(if colleague {
            ApiError::new(
                StatusCode::FORBIDDEN,
                "CMN-404",
                "Access to another extension is not allowed",
            )
        } else {
            ApiError::not_found(name, value)
        });
    }
    Ok(())
}

fn add_headers(response: &mut Response, verdict: &Verdict) {
    let headers = response.headers_mut();
    headers.insert(
        "x-rate-limit-group",
        HeaderValue::from_static(verdict.group.as_str()),
    );
    headers.insert("x-rate-limit-limit", HeaderValue::from(verdict.limit));
    headers.insert(
        "x-rate-limit-remaining",
        HeaderValue::from(verdict.remaining),
    );
    headers.insert("x-rate-limit-window", HeaderValue::from(verdict.window));
}

/// The state of one route's gate: the simulator and the route's table entry.
#[derive(Clone, Debug)]
pub struct Gated {
    /// The simulator.
    pub sim: Arc<Sim>,
    /// The entry the route was built from.
    pub endpoint: &'static Endpoint,
}

/// The gate middleware, layered on each route with that route's entry.
pub async fn gate(
    State(Gated { sim, endpoint }): State<Gated>,
    params: RawPathParams,
    mut req: Request,
    next: Next,
) -> Response {
    let access = endpoint.access();
    let key = if access.bearer() {
        let principal = match authenticate(&sim, &req) {
            Ok(p) => p,
            Err(e) => return e.into_response(),
        };
        if let Err(e) = access.check_scope(&sim.scope()) {
            return e.into_response();
        }
        if let Err(e) = check_path(&sim, &params) {
            return e.into_response();
        }
        let key = format!("{}:{}", principal.owner, principal.client_id);
        req.extensions_mut().insert(principal);
        key
    } else {
        format!(
            "client:{}",
            basic_client(req.headers())
                .map(|(id, _)| id)
                .unwrap_or_else(|| "public".into())
        )
    };
    let limits = &sim.config.rate_limits;
    if !limits.enabled {
        return next.run(req).await;
    }
    let verdict = lock(&sim.limiter).check(&key, endpoint.group(), limits, sim.now());
    let mut response = match verdict.retry_after {
        Some(seconds) => ApiError::rate_limited(seconds).into_response(),
        None => next.run(req).await,
    };
    add_headers(&mut response, &verdict);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_scheme_is_case_insensitive_and_query_token_works() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("bearer abc"),
        );
        assert_eq!(
            bearer(&headers, None).ok().flatten().as_deref(),
            Some("abc"),
            "the Python SDK sends lower-case bearer"
        );
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert!(
            bearer(&headers, None).is_err(),
            "Basic is not a bearer token"
        );
        assert_eq!(
            bearer(&HeaderMap::new(), Some("access_token=q1"))
                .ok()
                .flatten()
                .as_deref(),
            Some("q1"),
            "?access_token= is accepted"
        );
    }
}
