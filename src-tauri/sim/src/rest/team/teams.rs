//! Teams: list (the caller's and joinable public ones, oldest first), create (201; the creator
//! is admin), read, patch, delete, join, leave, add and remove members, archive and unarchive —
//! changes by team admins only (403 otherwise).

use super::{me, member_ids, no_content, paged, refused, tell, MemberRef};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::render::team;
use crate::rest::body::JsonBody;
use crate::rest::query::Query;
use crate::rest::{ok, Shared};
use crate::sim::Sim;
use crate::state::team::{ChatKind, NewTeam, Refusal, TeamEvent};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;

fn chat_id(params: &HashMap<String, String>) -> String {
    params.get("chatId").cloned().unwrap_or_default()
}

/// `listGlipTeamsNew`.
pub async fn list(State(sim): Shared, p: Principal, q: Query) -> Result<Response, ApiError> {
    let world = sim.world();
    let teams = world.team.chats_of(&me(&p), &[ChatKind::Team]);
    Ok(ok(paged(&teams, &q, "teams", |c| team::team(c))?))
}

/// `TMCreateTeamRequest`.
#[derive(Debug, Deserialize)]
pub struct CreateTeam {
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    public: Option<bool>,
    #[serde(default)]
    members: Vec<MemberRef>,
}

/// `createGlipTeamNew`: 201 with the team.
pub async fn create(
    State(sim): Shared,
    p: Principal,
    JsonBody(body): JsonBody<CreateTeam>,
) -> Result<Response, ApiError> {
    let members = member_ids(&sim, &body.members)?;
    let now = sim.now();
    let (chat, events) = {
        let mut world = sim.world();
        let team = NewTeam {
            name: body.name,
            description: body.description,
            public: body.public.unwrap_or(false),
            members,
        };
        world
            .team
            .create_team(&me(&p), team, now)
            .map_err(refused)?
    };
    tell(&sim, events);
    let mut created = ok(team::team(&chat));
    *created.status_mut() = StatusCode::CREATED;
    Ok(created)
}

/// `readGlipTeamNew`.
pub async fn read(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let world = sim.world();
    let chat = world
        .team
        .chat(&me(&p), &chat_id(&params))
        .map_err(refused)?;
    if chat.kind != ChatKind::Team {
        return Err(ApiError::not_found("chatId", &chat.id));
    }
    Ok(ok(team::team(chat)))
}

/// `TMUpdateTeamRequest`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PatchTeam {
    name: Option<String>,
    description: Option<String>,
    public: Option<bool>,
}

/// `patchGlipTeamNew`: 200 with the team.
pub async fn patch(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
    JsonBody(body): JsonBody<PatchTeam>,
) -> Result<Response, ApiError> {
    let now = sim.now();
    let (chat, events) = {
        let mut world = sim.world();
        world
            .team
            .patch_team(
                &me(&p),
                &chat_id(&params),
                body.name.as_deref(),
                body.description.as_deref(),
                body.public,
                now,
            )
            .map_err(refused)?
    };
    tell(&sim, events);
    Ok(ok(team::team(&chat)))
}

/// Runs a change of the team and tells subscribers; 204.
fn changed(
    sim: &Sim,
    change: impl FnOnce(&mut crate::state::team::TeamMessaging) -> Result<Vec<TeamEvent>, Refusal>,
) -> Result<Response, ApiError> {
    let events = {
        let mut world = sim.world();
        change(&mut world.team).map_err(refused)?
    };
    tell(sim, events);
    Ok(no_content())
}

/// `deleteGlipTeamNew`: 204.
pub async fn delete(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    changed(&sim, |tm| tm.delete_team(&me(&p), &chat_id(&params)))
}

/// `joinGlipTeamNew`: 204.
pub async fn join(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let now = sim.now();
    changed(&sim, |tm| tm.join(&me(&p), &chat_id(&params), true, now))
}

/// `leaveGlipTeamNew`: 204.
pub async fn leave(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let now = sim.now();
    changed(&sim, |tm| tm.join(&me(&p), &chat_id(&params), false, now))
}

/// `TMAddTeamMembersRequest` / `TMRemoveTeamMembersRequest`.
#[derive(Debug, Deserialize)]
pub struct Members {
    members: Vec<MemberRef>,
}

/// `addGlipTeamMembersNew`: 204.
pub async fn add(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
    JsonBody(body): JsonBody<Members>,
) -> Result<Response, ApiError> {
    let people = member_ids(&sim, &body.members)?;
    let now = sim.now();
    changed(&sim, |tm| {
        tm.members(&me(&p), &chat_id(&params), &people, true, now)
    })
}

/// `removeGlipTeamMembersNew`: 204.
pub async fn remove(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
    JsonBody(body): JsonBody<Members>,
) -> Result<Response, ApiError> {
    let people = member_ids(&sim, &body.members)?;
    let now = sim.now();
    changed(&sim, |tm| {
        tm.members(&me(&p), &chat_id(&params), &people, false, now)
    })
}

/// `archiveGlipTeamNew`: 204.
pub async fn archive(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let now = sim.now();
    changed(&sim, |tm| tm.archive(&me(&p), &chat_id(&params), true, now))
}

/// `unarchiveGlipTeamNew`: 204.
pub async fn unarchive(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let now = sim.now();
    changed(&sim, |tm| {
        tm.archive(&me(&p), &chat_id(&params), false, now)
    })
}
