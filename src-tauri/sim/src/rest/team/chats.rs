//! Chats: the list (oldest first, paged), recent chats, favourites, one chat (`~` is the
//! Personal chat), conversations (create answers 200 for an existing member set, 201 for a new
//! one).

use super::{me, member_ids, no_content, paged, record_count, refused, MemberRef};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::render::team;
use crate::rest::body::JsonBody;
use crate::rest::query::Query;
use crate::rest::{ok, Shared};
use crate::sim::Sim;
use crate::state::team::ChatKind;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;

const KINDS: [&str; 5] = ["Personal", "Direct", "Group", "Team", "Everyone"];

fn kinds(q: &Query) -> Result<Vec<ChatKind>, ApiError> {
    Ok(q.enums("type", &KINDS)?
        .iter()
        .filter_map(|k| ChatKind::parse(k))
        .collect())
}

fn chat_id(params: &HashMap<String, String>) -> String {
    params.get("chatId").cloned().unwrap_or_default()
}

/// `listGlipChatsNew`: the caller's chats and joinable public teams, oldest first.
pub async fn list(State(sim): Shared, p: Principal, q: Query) -> Result<Response, ApiError> {
    let kinds = kinds(&q)?;
    let world = sim.world();
    let chats = world.team.chats_of(&me(&p), &kinds);
    Ok(ok(paged(&chats, &q, "chats", |c| team::chat(c))?))
}

/// `listRecentChatsNew`: the caller's chats, most recently changed first.
pub async fn recent(State(sim): Shared, p: Principal, q: Query) -> Result<Response, ApiError> {
    let kinds = kinds(&q)?;
    let count = record_count(&q)?;
    let world = sim.world();
    let records: Vec<Value> = world
        .team
        .recent_of(&me(&p), &kinds)
        .into_iter()
        .take(count)
        .map(team::chat)
        .collect();
    Ok(ok(json!({ "records": records })))
}

/// `listFavoriteChatsNew`.
pub async fn favorites(State(sim): Shared, p: Principal, q: Query) -> Result<Response, ApiError> {
    let count = record_count(&q)?;
    let world = sim.world();
    let records: Vec<Value> = world
        .team
        .favorites_of(&me(&p))
        .into_iter()
        .take(count)
        .map(team::chat)
        .collect();
    Ok(ok(json!({ "records": records })))
}

/// `favoriteGlipChatNew` / `unfavoriteGlipChatNew`.
fn set_favorite(
    sim: &Sim,
    p: &Principal,
    params: &HashMap<String, String>,
    on: bool,
) -> Result<Response, ApiError> {
    let mut world = sim.world();
    world
        .team
        .favorite(&me(p), &chat_id(params), on)
        .map_err(refused)?;
    Ok(no_content())
}

/// `favoriteGlipChatNew`: 204.
pub async fn favorite(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    set_favorite(&sim, &p, &params, true)
}

/// `unfavoriteGlipChatNew`: 204.
pub async fn unfavorite(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    set_favorite(&sim, &p, &params, false)
}

/// `readGlipChatNew` (`~`: the Personal chat).
pub async fn read(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = chat_id(&params);
    let person = me(&p);
    let now = sim.now();
    let mut world = sim.world();
    let chat = if id == "~" {
        world.team.personal(&person, now)
    } else {
        world.team.chat(&person, &id).map_err(refused)?.clone()
    };
    Ok(ok(team::chat(&chat)))
}

/// `listGlipConversationsNew`: Personal, Direct and Group chats, oldest first.
pub async fn conversations(
    State(sim): Shared,
    p: Principal,
    q: Query,
) -> Result<Response, ApiError> {
    let world = sim.world();
    let kinds = [ChatKind::Personal, ChatKind::Direct, ChatKind::Group];
    let chats = world.team.chats_of(&me(&p), &kinds);
    Ok(ok(paged(&chats, &q, "conversations", |c| team::chat(c))?))
}

/// `readGlipConversationNew`.
pub async fn conversation(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let world = sim.world();
    let chat = world
        .team
        .chat(&me(&p), &chat_id(&params))
        .map_err(refused)?;
    if !chat.kind.conversation() {
        return Err(ApiError::not_found("chatId", &chat.id));
    }
    Ok(ok(team::chat(chat)))
}

/// `CreateConversationRequest`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewConversation {
    members: Vec<MemberRef>,
}

/// `createGlipConversationNew`: 200 with the existing conversation of exactly these members,
/// else 201 with a new one (no members: the Personal chat).
pub async fn create_conversation(
    State(sim): Shared,
    p: Principal,
    JsonBody(body): JsonBody<NewConversation>,
) -> Result<Response, ApiError> {
    let others = member_ids(&sim, &body.members)?;
    let now = sim.now();
    let (chat, existed) = {
        let mut world = sim.world();
        world
            .team
            .conversation(&me(&p), &others, now)
            .map_err(refused)?
    };
    let mut answer = ok(team::chat(&chat));
    if !existed {
        *answer.status_mut() = StatusCode::CREATED;
        super::tell(
            &sim,
            vec![crate::state::team::TeamEvent::Chat {
                kind: "GroupJoined",
                to: chat.members.iter().cloned().collect(),
                chat,
            }],
        );
    }
    Ok(answer)
}

/// `readGlipEveryoneNew`: the company-wide chat (`EveryoneTeamInfo`).
pub async fn everyone(State(sim): Shared, _: Principal) -> Result<Response, ApiError> {
    let world = sim.world();
    let chat = world
        .team
        .everyone()
        .ok_or_else(|| ApiError::not_found("chatId", "everyone"))?;
    Ok(ok(json!({
        "id": chat.id,
        "type": "Everyone",
        "name": chat.name.clone().unwrap_or_default(),
        "description": chat.description.clone().unwrap_or_default(),
        "creationTime": crate::time_fmt::iso(chat.created),
        "lastModifiedTime": crate::time_fmt::iso(chat.modified),
    })))
}
