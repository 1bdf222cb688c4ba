//! `POST /restapi/oauth/wstoken`: a single-use token for opening the notification WebSocket.

use crate::gate::Principal;
use crate::rest::{ok, Shared};
use crate::state::codes::WsToken;
use axum::extract::State;
use axum::response::Response;
use serde_json::json;

/// `authWsToken`.
pub async fn issue(State(sim): Shared, p: Principal) -> Response {
    let now = sim.now();
    let ttl = sim.config.ws.token_ttl;
    let mut world = sim.world();
    let token = world.ids.secret("SIMWS", 32);
    let expires =
        now + chrono::Duration::from_std(ttl).unwrap_or_else(|_| chrono::Duration::seconds(60));
    world.codes.add_ws(
        token.clone(),
        WsToken {
            session_id: p.session_id,
            expires,
        },
    );
    let uri = format!("{}/ws", sim.base_url.replacen("http", "ws", 1));
    ok(json!({ "ws_access_token": token, "uri": uri, "expires_in": ttl.as_secs() }))
}
