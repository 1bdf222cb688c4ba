//! `POST /restapi/oauth/revoke`: ends the whole session of an access or refresh token.

use super::client::authenticate;
use super::form::Form;
use crate::api_error::ApiError;
use crate::rest::Shared;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// `revokeToken`. Unknown tokens are answered 200 too (RFC 7009), so revoking twice is harmless.
pub async fn revoke(State(sim): Shared, form: Form) -> Result<Response, ApiError> {
    authenticate(&sim, &form)?;
    let token = form.require("token")?;
    sim.world().sessions.revoke(token);
    Ok(StatusCode::OK.into_response())
}
