//! `message-sync`: FSync sets a frame and returns a token; ISync returns what changed since the
//! token (with the documented 5-second overlap), including deleted messages.

use super::message_store::{window, MessageFilter};
use super::query::Query;
use super::sync_token::{self, TokenFailure};
use super::{ok, Shared};
use crate::api_error::ApiError;
use crate::gate::Principal;
use crate::render;
use crate::time_fmt::iso;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Duration;
use serde_json::{json, Value};

const KIND: &str = "msg";

/// `syncMessages`: GET …/extension/~/message-sync.
pub async fn sync(State(sim): Shared, _: Principal, q: Query) -> Result<Response, ApiError> {
    let sync_type = q
        .one_of("syncType", &["FSync", "ISync"])?
        .unwrap_or_else(|| "FSync".into());
    let filter = MessageFilter::from_query(&q)?;
    let record_count = q.int("recordCount", 1, 1_000_000)?.map(|n| n as usize);
    let now = sim.now();
    let world = sim.world();
    let urls = sim.urls(&world);
    let (records, older) = if sync_type == "ISync" {
        let token = q
            .one("syncToken")
            .ok_or_else(|| ApiError::missing_parameter("syncToken"))?;
        let since = sync_token::read(KIND, world.epoch, token).map_err(|e| match e {
            TokenFailure::Invalid => ApiError::invalid_parameter("syncToken", Some(token)),
            TokenFailure::Stale => ApiError::new(
                StatusCode::BAD_REQUEST,
                "MSG-333",
                "Full synchronization is required",
            )
            .with_parameter("syncToken", Some(token)),
        })?;
        let overlap = since - Duration::seconds(5);
        let changed = filter.select(
            world.messages.all().iter().filter(|m| m.modified > overlap),
            true,
        );
        (changed, false)
    } else {
        let (from, to) = window(&q, now)?;
        let mut in_frame = filter.select(
            world
                .messages
                .all()
                .iter()
                .filter(|m| m.created >= from && m.created <= to),
            false,
        );
        let mut older = world
            .messages
            .all()
            .iter()
            .any(|m| m.created < from && filter.accepts(m, false));
        if let Some(n) = record_count {
            older |= in_frame.len() > n;
            in_frame.truncate(n);
        }
        (in_frame, older)
    };
    let records: Vec<Value> = records.iter().map(|m| render::message(m, &urls)).collect();
    Ok(ok(json!({
        "uri": urls.ext(&format!("/message-sync?syncType={sync_type}")),
        "records": records,
        "syncInfo": {
            "syncType": sync_type,
            "syncToken": sync_token::issue(KIND, world.epoch, now),
            "syncTime": iso(now),
            "olderRecordsExist": older,
        },
    })))
}
