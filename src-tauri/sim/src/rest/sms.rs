//! Sending SMS: sender checks (`MSG-` errors), the 1000 UTF-16 unit limit, several recipients.

use super::body::JsonBody;
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::magic::normalize;
use crate::render;
use crate::state::messages::{Direction, Party};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;

/// Longest SMS text in UTF-16 code units.
pub const MAX_TEXT_UNITS: usize = 1000;

/// `{phoneNumber}`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Caller {
    phone_number: String,
}

/// `CreateSMSMessage`.
#[derive(Debug, Deserialize)]
pub struct CreateSms {
    from: Caller,
    to: Vec<Caller>,
    text: String,
    #[serde(rename = "country")]
    _country: Option<HashMap<String, String>>,
}

/// `createSMSMessage`: POST …/extension/~/sms.
pub async fn send(
    State(sim): Shared,
    _: Principal,
    JsonBody(body): JsonBody<CreateSms>,
) -> Result<Response, ApiError> {
    let from = normalize(&body.from.phone_number).ok_or_else(|| {
        ApiError::invalid_parameter("from.phoneNumber", Some(&body.from.phone_number))
    })?;
    if body.to.is_empty() {
        return Err(ApiError::invalid_parameter("to", None));
    }
    let mut to = Vec::with_capacity(body.to.len());
    for (i, recipient) in body.to.iter().enumerate() {
        let name = format!("to[{i}].phoneNumber");
        let phone = normalize(&recipient.phone_number)
            .ok_or_else(|| ApiError::invalid_parameter(&name, Some(&recipient.phone_number)))?;
        to.push(phone);
    }
    if body.text.trim().is_empty() {
        return Err(ApiError::invalid_parameter("text", Some(&body.text)));
    }
    if body.text.encode_utf16().count() > MAX_TEXT_UNITS {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "MSG-338",
            "Message size exceeds the limit of 1000 characters",
        )
        .with_parameter("text", None));
    }
    let now = sim.now();
    let mut world = sim.world();
    match world.account.number(&from) {
        None => {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "MSG-304",
                "Phone number doesn't belong to extension",
            )
            .with_parameter("from", Some(&from)))
        }
        Some(n) if !n.has("SmsSender") => {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "MSG-242",
                "The requested feature is not available for this phone number",
            )
            .with_parameter("from", Some(&from)))
        }
        Some(_) => {}
    }
    if let Some(foreign) = to.iter().find(|p| !p.starts_with("+1")) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "MSG-240",
            "International SMS is not supported",
        )
        .with_parameter("to", Some(foreign)));
    }
    let sender = Party {
        name: Some(world.account.name()),
        ..Party::number(&from)
    };
    let recipients = to.iter().map(|p| Party::number(p)).collect();
    let id = world
        .messages
        .send(sender, recipients, &body.text, now, false);
    let urls = sim.urls(&world);
    world.publish_messages(&[id], 0, Direction::Outbound, now, &urls);
    let message = world
        .messages
        .get(id)
        .map(|m| render::message(m, &urls))
        .unwrap_or_default();
    Ok(ok(message))
}
