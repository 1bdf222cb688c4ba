//! `POST /restapi/oauth/token`: the `authorization_code` (with PKCE), `refresh_token` and
//! `jwt-bearer` grants, answering `TokenInfo` or RingCentral's OAuth error shape.

use super::client::{authenticate, Client};
use super::form::Form;
use super::jwt::JwtFailure;
use super::pkce;
use crate::api_error::ApiError;
use crate::rest::{ok, Shared};
use crate::sim::Sim;
use crate::state::codes::CodeFailure;
use crate::state::sessions::{Lifetimes, RefreshFailure, Session, SessionPolicy};
use crate::time_fmt::iso;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, Duration, Utc};
use serde_json::json;

/// The JWT bearer grant type.
pub const JWT_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

fn grant_error(error: &'static str, code: &str, message: &str) -> ApiError {
    ApiError::oauth(StatusCode::BAD_REQUEST, error, code, message)
}

/// The app's session rules from the configuration.
fn session_policy(sim: &Sim) -> SessionPolicy {
    let limit = |d: Option<std::time::Duration>| d.and_then(|d| Duration::from_std(d).ok());
    SessionPolicy {
        max: sim.config.max_sessions,
        absolute: limit(sim.config.session_ttl),
        idle: limit(sim.config.session_idle),
    }
}

/// `TokenInfo` for a session of an app granted `scope`.
pub fn token_info(s: &Session, scope: &str, now: DateTime<Utc>) -> serde_json::Value {
    let mut info = json!({
        "access_token": s.access,
        "token_type": "bearer",
        "expires_in": s.expires_in(now),
        "refresh_token": s.refresh,
        "refresh_token_expires_in": s.refresh_expires_in(now),
        "scope": scope,
        "owner_id": s.owner.to_string(),
        "endpoint_id": s.endpoint_id,
        "session_id": s.id,
    });
    // Present only when session timeouts are enforced, as on RingCentral.
    if let Some(end) = s.expires_at {
        info["session_expires_in"] = json!((end - now).num_seconds().max(0));
        info["session_expiration_time"] = json!(iso(end));
    }
    if let Some(idle) = s.idle {
        info["session_idle_timeout"] = json!(idle.num_seconds());
    }
    info
}

/// Lifetimes: what the client asks for (`access_token_ttl`, `refresh_token_ttl`), capped by
/// what the app allows; unparsable values are ignored.
fn lifetimes(sim: &Sim, form: &Form) -> Lifetimes {
    let cap = |name: &str, max: std::time::Duration| {
        let max = Duration::from_std(max).unwrap_or_else(|_| Duration::hours(1));
        form.get(name)
            .and_then(|v| v.parse::<i64>().ok())
            .filter(|v| *v > 0)
            .map_or(max, |v| Duration::seconds(v).min(max))
    };
    Lifetimes {
        access: cap("access_token_ttl", sim.config.access_ttl),
        refresh: cap("refresh_token_ttl", sim.config.refresh_ttl),
    }
}

/// `getToken`.
pub async fn token(State(sim): Shared, form: Form) -> Result<Response, ApiError> {
    let client = authenticate(&sim, &form)?;
    let grant_type = form.get("grant_type").ok_or_else(|| {
        grant_error(
            "invalid_request",
            "OAU-101",
            "Parameter [grant_type] is required",
        )
    })?;
    let life = lifetimes(&sim, &form);
    let now = sim.now();
    let session = match grant_type {
        "authorization_code" => code_grant(&sim, &form, &client, life, now)?,
        "refresh_token" => refresh_grant(&sim, &form, &client, life, now)?,
        JWT_GRANT => jwt_grant(&sim, &form, &client, life, now)?,
        _ => {
            return Err(grant_error(
                "unsupported_grant_type",
                "OAU-112",
                "Unsupported grant type",
            ))
        }
    };
    Ok(ok(token_info(&session, &sim.scope(), now)))
}

fn code_grant(
    sim: &Sim,
    form: &Form,
    client: &Client,
    life: Lifetimes,
    now: DateTime<Utc>,
) -> Result<Session, ApiError> {
    let code = form.require("code")?;
    let mut world = sim.world();
    let grant = world.codes.take_auth(code, now).map_err(|e| match e {
        CodeFailure::Invalid => {
            grant_error("invalid_grant", "OAU-106", "Invalid authorization code")
        }
        CodeFailure::Expired => {
            grant_error("invalid_grant", "OAU-108", "Authorization code is expired")
        }
    })?;
    if grant.client_id != client.id {
        return Err(grant_error(
            "invalid_grant",
            "OAU-106",
            "Authorization code was issued to another client",
        ));
    }
    if form.get("redirect_uri") != Some(grant.redirect_uri.as_str()) {
        return Err(grant_error(
            "invalid_grant",
            "OAU-109",
            "Redirect URI mismatch",
        ));
    }
    match (&grant.challenge, form.get("code_verifier")) {
        (Some(c), Some(verifier)) if pkce::verifies(&c.method, &c.value, verifier) => {}
        (Some(_), Some(_)) => {
            return Err(grant_error(
                "invalid_grant",
                "OAU-106",
                "Invalid code_verifier",
            ))
        }
        (Some(_), None) => {
            return Err(grant_error(
                "invalid_request",
                "OAU-101",
                "Parameter [code_verifier] is required",
            ))
        }
        (None, _) if !client.confidential => {
            return Err(ApiError::oauth(
                StatusCode::BAD_REQUEST,
                "invalid_client",
                "OAU-123",
                "Client authentication is required",
            ))
        }
        (None, _) => {}
    }
    let owner = world.account.extension_id;
    let policy = session_policy(sim);
    let world = &mut *world;
    Ok(world
        .sessions
        .login(&mut world.ids, owner, &client.id, life, policy, now))
}

fn refresh_grant(
    sim: &Sim,
    form: &Form,
    client: &Client,
    life: Lifetimes,
    now: DateTime<Utc>,
) -> Result<Session, ApiError> {
    let token = form.require("refresh_token")?;
    let mut world = sim.world();
    let world = &mut *world;
    world
        .sessions
        .refresh(&mut world.ids, token, &client.id, life, now)
        .map_err(|e| match e {
            RefreshFailure::Unknown => grant_error("invalid_grant", "OAU-213", "Token not found"),
            RefreshFailure::Expired => {
                grant_error("invalid_grant", "OAU-211", "Refresh token has expired")
            }
            RefreshFailure::Revoked => grant_error("invalid_grant", "OAU-211", "Token revoked"),
            RefreshFailure::WrongClient => grant_error(
                "invalid_grant",
                "OAU-211",
                "Token was issued to another client",
            ),
            RefreshFailure::SessionExpired => {
                grant_error("invalid_grant", "OAU-211", "Session has expired")
            }
        })
}

fn jwt_grant(
    sim: &Sim,
    form: &Form,
    client: &Client,
    life: Lifetimes,
    now: DateTime<Utc>,
) -> Result<Session, ApiError> {
    if !client.confidential {
        return Err(ApiError::oauth(
            StatusCode::BAD_REQUEST,
            "unauthorized_client",
            "OAU-112",
            "Grant type is not allowed for this client",
        ));
    }
    let assertion = form.require("assertion")?;
    let claims = sim.jwt_key.verify(assertion, now).map_err(|e| match e {
        JwtFailure::Invalid => grant_error(
            "invalid_grant",
            "OAU-140",
            "Invalid resource owner credentials",
        ),
        JwtFailure::Expired => {
            grant_error("invalid_grant", "OAU-140", "JWT credential has expired")
        }
    })?;
    let mut world = sim.world();
    // The agent, or a colleague of the account (a person of Team Messaging).
    let owner = claims
        .sub
        .parse::<u64>()
        .ok()
        .filter(|id| {
            *id == world.account.extension_id || world.team.person(&id.to_string()).is_some()
        })
        .ok_or_else(|| {
            grant_error(
                "invalid_grant",
                "OAU-140",
                "Invalid resource owner credentials",
            )
        })?;
    let policy = session_policy(sim);
    let world = &mut *world;
    Ok(world
        .sessions
        .login(&mut world.ids, owner, &client.id, life, policy, now))
}
