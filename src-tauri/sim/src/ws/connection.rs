//! One WebSocket connection: token check, `ConnectionDetails`, recovery, the frame loop, server
//! pings, and idle/absolute timeouts.

use super::client_request::{answer, Connection};
use super::frames;
use super::hub::Outgoing;
use crate::api_error::ApiError;
use crate::clock::never_past;
use crate::rest::query::Query;
use crate::rest::Shared;
use crate::sim::Sim;
use crate::time_fmt::iso;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use futures_util::{SinkExt, StreamExt};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// `GET /ws?access_token=<ws token>[&wsc=<token>]`: upgrades to the notification protocol.
pub async fn upgrade(State(sim): Shared, q: Query, ws: WebSocketUpgrade) -> Response {
    let Some(token) = q.one("access_token") else {
        return ApiError::new(
            StatusCode::UNAUTHORIZED,
            "OAU-123",
            "Parameter [access_token] is required",
        )
        .into_response();
    };
    let now = sim.now();
    let (owner, oauth_session) = {
        let mut world = sim.world();
        let Ok(grant) = world.codes.take_ws(token, now) else {
            return ApiError::new(StatusCode::UNAUTHORIZED, "OAU-213", "Token not found")
                .into_response();
        };
        match world.sessions.get(&grant.session_id) {
            Some(session) => (session.owner, grant.session_id),
            None => {
                return ApiError::new(StatusCode::UNAUTHORIZED, "OAU-213", "Token not found")
                    .into_response()
            }
        }
    };
    let recover = q.one("wsc").map(str::to_owned);
    ws.max_message_size(sim.config.body_limit)
        .on_upgrade(move |socket| run(sim, socket, owner, oauth_session, recover))
}

async fn run(
    sim: Arc<Sim>,
    socket: WebSocket,
    owner: u64,
    oauth_session: String,
    recover: Option<String>,
) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let created = sim.now();
    let window = never_past(sim.config.ws.recovery_timeout);
    let (wsc, connection, details, replay) = {
        let mut world = sim.world();
        let recovered = recover.as_deref().and_then(|w| {
            world
                .hub
                .recover(w, owner, &oauth_session, tx.clone(), created, window)
                .map(|(c, missed)| (w.to_owned(), c, missed))
        });
        let (wsc, connection, recovery, missed) = match recovered {
            Some((w, c, missed)) => (w, c, Some(true), missed),
            None => {
                let w = world.ids.secret("SIMWSC", 24);
                let c = world.hub.open(&w, owner, &oauth_session, tx.clone());
                (w, c, recover.as_ref().map(|_| false), Vec::new())
            }
        };
        let id = world.ids.uuid();
        let meta = world.hub.next_wsc(&wsc);
        let details =
            frames::connection_details(&id, meta, &sim.config.ws, &iso(created), recovery);
        let replay: Vec<String> = missed
            .iter()
            .map(|(id, payload)| frames::notification(id, world.hub.next_wsc(&wsc), payload))
            .collect();
        (wsc, connection, details, replay)
    };
    let (mut sink, mut stream) = socket.split();
    let mut alive = sink.send(Message::Text(details.into())).await.is_ok();
    for frame in replay {
        alive &= sink.send(Message::Text(frame.into())).await.is_ok();
    }
    let conn = Connection { wsc: wsc.clone() };
    let ws = sim.config.ws.clone();
    let mut last_heard = sim.now();
    let mut ping = tokio::time::interval(ws.ping_interval.max(Duration::from_millis(50)));
    ping.tick().await;
    let mut check = tokio::time::interval(Duration::from_millis(100));
    while alive {
        tokio::select! {
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    last_heard = sim.now();
                    for frame in answer(&sim, &conn, text.as_str()).await {
                        alive &= sink.send(Message::Text(frame.into())).await.is_ok();
                    }
                }
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => alive = false,
                Some(Ok(_)) => last_heard = sim.now(),
            },
            outgoing = rx.recv() => match outgoing {
                Some(Outgoing::Text(frame)) => alive &= sink.send(Message::Text(frame.into())).await.is_ok(),
                Some(Outgoing::Drop) | None => break,
            },
            _ = ping.tick() => alive &= sink.send(Message::Ping(Vec::new().into())).await.is_ok(),
            _ = check.tick() => {
                let now = sim.now();
                let timeout = if now - created >= never_past(ws.absolute_timeout) {
                    Some(("WSG-903", "Absolute timeout expired"))
                } else if now - last_heard >= never_past(ws.idle_timeout) {
                    Some(("WSG-902", "Idle timeout expired"))
                } else {
                    None
                };
                if let Some((code, message)) = timeout {
                    let id = sim.world().ids.uuid();
                    let _ = sink.send(Message::Text(frames::error(&id, 400, code, message).into())).await;
                    let _ = sink.send(Message::Close(None)).await;
                    alive = false;
                }
            }
        }
    }
    sim.world().hub.disconnect(&wsc, connection, sim.now());
}
