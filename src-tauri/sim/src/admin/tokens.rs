//! Admin token controls: expire or revoke sessions, mint JWT credentials.

use super::{bad, optional};
use crate::api_error::ApiError;
use crate::rest::{ok, Shared};
use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;

/// Body of `POST /sim/tokens/expire`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expire {
    /// Only the session of this access or refresh token (all sessions when absent).
    #[serde(default)]
    token: Option<String>,
    /// Expire refresh tokens too.
    #[serde(default)]
    refresh: bool,
}

/// `POST /sim/tokens/expire`: access tokens (and optionally refresh tokens) expire now.
pub async fn expire(State(sim): Shared, bytes: Bytes) -> Result<Response, ApiError> {
    let body: Expire = optional(&bytes)?;
    let now = sim.now();
    let sessions = sim
        .world()
        .sessions
        .expire(body.token.as_deref(), body.refresh, now);
    Ok(ok(json!({ "sessions": sessions })))
}

/// Body of `POST /sim/tokens/revoke`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revoke {
    /// Only the session of this token (all sessions when absent).
    #[serde(default)]
    token: Option<String>,
}

/// `POST /sim/tokens/revoke`: ends sessions as if the user signed out elsewhere.
pub async fn revoke(State(sim): Shared, bytes: Bytes) -> Result<Response, ApiError> {
    let body: Revoke = optional(&bytes)?;
    let mut world = sim.world();
    let sessions = match body.token {
        Some(token) => usize::from(world.sessions.revoke(&token)),
        None => world.sessions.revoke_all(),
    };
    Ok(ok(json!({ "sessions": sessions })))
}

/// Body of `POST /sim/jwt`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MintJwt {
    /// Lifetime in seconds; absent = never expires.
    #[serde(default)]
    expires_in: Option<i64>,
    /// The person to sign in as: any seeded extension (a colleague); absent = the agent.
    #[serde(default)]
    extension_id: Option<String>,
}

/// `POST /sim/jwt`: a new JWT credential for the seeded user, or for a colleague
/// (`extension_id`), who then uses the public API as themselves.
pub async fn mint_jwt(State(sim): Shared, bytes: Bytes) -> Result<Response, ApiError> {
    let body: MintJwt = optional(&bytes)?;
    if body
        .expires_in
        .is_some_and(|s| !(-86_400 * 365..=86_400 * 3650).contains(&s))
    {
        return Err(bad("expires_in out of range"));
    }
    let (owner, jti) = {
        let mut world = sim.world();
        let owner = match body.extension_id.as_deref() {
            None => world.account.extension_id,
            Some(id) => id
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|id| world.team.person(&id.to_string()).is_some())
                .ok_or_else(|| bad("extension_id names no person of the account"))?,
        };
        (owner, world.ids.uuid())
    };
    let jwt = sim.mint_jwt(owner, body.expires_in.map(chrono::Duration::seconds), &jti);
    // The simulated app's credentials come along: a test or a demo script signing in as a
    // colleague of a simulator it did not start (the app's demo) needs them for the grant.
    Ok(ok(json!({
        "jwt": jwt,
        "client_id": sim.app.client_id,
        "client_secret": sim.app.client_secret,
    })))
}
