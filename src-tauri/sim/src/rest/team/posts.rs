//! Posts: a chat's (or a thread's) posts newest first with page tokens, one post, create (201;
//! ≤ 10 000 characters), patch and delete (the author only: 403 for another's post).

use super::{me, no_content, record_count, refused, tell};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::render::team;
use crate::rest::body::JsonBody;
use crate::rest::query::Query;
use crate::rest::{ok, Shared};
use crate::state::team::posts::NewPost;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;

fn param(params: &HashMap<String, String>, name: &str) -> String {
    params.get(name).cloned().unwrap_or_default()
}

fn page(
    sim: &crate::sim::Sim,
    p: &Principal,
    chat: &str,
    thread: Option<&str>,
    q: &Query,
) -> Result<Response, ApiError> {
    let count = record_count(q)?;
    let world = sim.world();
    let page = world
        .team
        .posts(&me(p), chat, thread, count, q.one("pageToken"))
        .map_err(refused)?;
    let records: Vec<Value> = page
        .posts
        .iter()
        .map(|post| team::post(post, world.team.is_parent(&post.id)))
        .collect();
    let mut navigation = json!({});
    if let Some(next) = page.next {
        navigation["nextPageToken"] = json!(next);
    }
    if let Some(previous) = page.previous {
        navigation["prevPageToken"] = json!(previous);
    }
    Ok(ok(json!({ "records": records, "navigation": navigation })))
}

/// `readGlipPostsNew`: newest first.
pub async fn list(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
    q: Query,
) -> Result<Response, ApiError> {
    page(&sim, &p, &param(&params, "chatId"), None, &q)
}

/// `readGlipThreadPostsNew`: one thread, newest first.
pub async fn thread(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
    q: Query,
) -> Result<Response, ApiError> {
    let thread = param(&params, "threadId");
    page(&sim, &p, &param(&params, "chatId"), Some(&thread), &q)
}

/// `readGlipPostNew`.
pub async fn read(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let world = sim.world();
    let post = world
        .team
        .post(
            &me(&p),
            &param(&params, "chatId"),
            &param(&params, "postId"),
        )
        .map_err(refused)?;
    Ok(ok(team::post(post, world.team.is_parent(&post.id))))
}

/// `TMCreatePostRequest` (attachments are not simulated: at least `text` is required).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct CreatePost {
    text: Option<String>,
    parent_post_id: Option<String>,
    thread_id: Option<String>,
}

/// `createGlipPostNew`: 201 with the post.
pub async fn create(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
    JsonBody(body): JsonBody<CreatePost>,
) -> Result<Response, ApiError> {
    let text = body
        .text
        .ok_or_else(|| ApiError::missing_parameter("text"))?;
    let now = sim.now();
    let (post, events) = {
        let mut world = sim.world();
        let post = NewPost {
            text,
            parent_post_id: body.parent_post_id.or(body.thread_id),
        };
        world
            .team
            .create_post(&me(&p), &param(&params, "chatId"), post, now)
            .map_err(refused)?
    };
    tell(&sim, events);
    let mut created = ok(team::post(&post, false));
    *created.status_mut() = StatusCode::CREATED;
    Ok(created)
}

/// `TMUpdatePostRequest`.
#[derive(Debug, Deserialize)]
pub struct PatchPost {
    text: String,
}

/// `patchGlipPostNew`: 200 with the post.
pub async fn patch(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
    JsonBody(body): JsonBody<PatchPost>,
) -> Result<Response, ApiError> {
    let now = sim.now();
    let (post, events) = {
        let mut world = sim.world();
        world
            .team
            .patch_post(
                &me(&p),
                &param(&params, "chatId"),
                &param(&params, "postId"),
                &body.text,
                now,
            )
            .map_err(refused)?
    };
    tell(&sim, events);
    Ok(ok(team::post(&post, false)))
}

/// `deleteGlipPostNew`: 204.
pub async fn delete(
    State(sim): Shared,
    p: Principal,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let events = {
        let mut world = sim.world();
        world
            .team
            .delete_post(
                &me(&p),
                &param(&params, "chatId"),
                &param(&params, "postId"),
            )
            .map_err(refused)?
    };
    tell(&sim, events);
    Ok(no_content())
}
