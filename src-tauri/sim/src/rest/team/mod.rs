//! Team Messaging (`/team-messaging/v1/…`, app permission `TeamMessaging`): chats and
//! conversations, teams, posts, persons and the company. The caller is a person of the account
//! (the agent, or a colleague signed in with their own JWT); every change tells the people it
//! concerns over their WebSocket subscriptions.
//!
//! Error bodies are RingCentral's usual `{errors:[…]}`; the spec gives Team Messaging's 400, 403
//! and 404 no schema, so their codes (`CMN-101`, `TMN-403`, `CMN-102`) are guesses.

pub mod chats;
pub mod people;
pub mod posts;
pub mod teams;

use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::rest::query::Query;
use crate::sim::Sim;
use crate::state::team::{Refusal, TeamEvent};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

/// The default and the largest `recordCount`.
const DEFAULT_COUNT: i64 = 30;
const MOST_COUNT: i64 = 250;

/// The caller's person id.
pub fn me(principal: &Principal) -> String {
    principal.owner.to_string()
}

/// RingCentral's answer to a refusal.
pub fn refused(refusal: Refusal) -> ApiError {
    match refusal {
        Refusal::NotFound(name) => ApiError::not_found(name, ""),
        Refusal::Forbidden(message) => ApiError::new(StatusCode::FORBIDDEN, "TMN-403", message),
        Refusal::Invalid(name) => ApiError::invalid_parameter(name, None),
    }
}

/// `recordCount` (30 by default, at most 250).
pub fn record_count(q: &Query) -> Result<usize, ApiError> {
    Ok(q.int("recordCount", 1, MOST_COUNT)?
        .unwrap_or(DEFAULT_COUNT) as usize)
}

/// A page of `items` from `pageToken` (`scope:offset`, bound to the list it was made for),
/// with `navigation`.
pub fn paged<T>(
    items: &[T],
    q: &Query,
    scope: &str,
    render: impl Fn(&T) -> Value,
) -> Result<Value, ApiError> {
    let count = record_count(q)?;
    let skip = match q.one("pageToken") {
        None => 0,
        Some(token) => token
            .strip_prefix(scope)
            .and_then(|t| t.strip_prefix(':'))
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| ApiError::invalid_parameter("pageToken", Some(token)))?,
    };
    let records: Vec<Value> = items.iter().skip(skip).take(count).map(render).collect();
    let mut navigation = json!({});
    if skip + count < items.len() {
        navigation["nextPageToken"] = json!(format!("{scope}:{}", skip + count));
    }
    if skip > 0 {
        navigation["prevPageToken"] = json!(format!("{scope}:{}", skip.saturating_sub(count)));
    }
    Ok(json!({ "records": records, "navigation": navigation }))
}

/// Tells subscribers what changed.
pub fn tell(sim: &Sim, events: Vec<TeamEvent>) {
    if events.is_empty() {
        return;
    }
    let now = sim.now();
    let mut world = sim.world();
    let urls = sim.urls(&world);
    world.publish_team(events, now, &urls);
}

/// `{id}` or `{email}`: a member named in a request.
#[derive(Debug, Deserialize)]
pub struct MemberRef {
    id: Option<String>,
    email: Option<String>,
}

/// The person ids of `members`; a member who is no person of the account is a 400.
pub fn member_ids(sim: &Sim, members: &[MemberRef]) -> Result<Vec<String>, ApiError> {
    let world = sim.world();
    members
        .iter()
        .map(|m| {
            world
                .team
                .person_id(m.id.as_deref(), m.email.as_deref())
                .ok_or_else(|| {
                    ApiError::invalid_parameter("members", m.id.as_deref().or(m.email.as_deref()))
                })
        })
        .collect()
}

/// 204 No Content.
pub fn no_content() -> Response {
    let mut response = Response::default();
    *response.status_mut() = StatusCode::NO_CONTENT;
    response
}
