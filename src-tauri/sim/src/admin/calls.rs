//! Admin API for the voice side: `POST /sim/inbound-call` rings the agent with a call that ends
//! as asked, and `POST /sim/presence` changes presence as the agent's desk phone or another app
//! would.

use super::bad;
use crate::api_error::ApiError;
use crate::magic::normalize;
use crate::rest::body::JsonBody;
use crate::rest::presence::{self, PresenceUpdate};
use crate::rest::{ok, Shared};
use crate::state::inbound::Outcome;
use crate::state::live_world::IncomingCall;
use axum::extract::State;
use axum::response::Response;
use chrono::Duration;
use serde::Deserialize;
use serde_json::json;

/// Body of `POST /sim/inbound-call`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InboundCallRequest {
    from: String,
    #[serde(default)]
    name: Option<String>,
    outcome: String,
    /// How long the agent's phone rings (default: the timing mode's callee ring).
    #[serde(default)]
    ring_ms: Option<u64>,
    /// How long the call or the voicemail lasts (default: the timing mode's talk time).
    #[serde(default)]
    talk_ms: Option<u64>,
}

/// The longest ring or talk time the admin API accepts (an hour).
const LONGEST_MS: u64 = 3_600_000;

/// Starts an inbound call; answers its ids.
pub async fn inbound_call(
    State(sim): Shared,
    JsonBody(body): JsonBody<InboundCallRequest>,
) -> Result<Response, ApiError> {
    let from = normalize(&body.from)
        .ok_or_else(|| ApiError::invalid_parameter("from", Some(&body.from)))?;
    let outcome = Outcome::parse(&body.outcome)
        .ok_or_else(|| bad("outcome must be answered, missed, voicemail or rejected"))?;
    let ms = |given: Option<u64>, default: std::time::Duration| -> Result<Duration, ApiError> {
        let ms = given.unwrap_or(u64::try_from(default.as_millis()).unwrap_or(LONGEST_MS));
        if ms > LONGEST_MS {
            return Err(bad("ring_ms and talk_ms are at most 3600000"));
        }
        Ok(Duration::milliseconds(ms as i64))
    };
    let call = IncomingCall {
        from,
        name: body.name.filter(|n| !n.trim().is_empty()),
        outcome,
        ring: ms(body.ring_ms, sim.timings.callee_ring)?,
        talk: ms(body.talk_ms, sim.timings.talk)?,
    };
    let now = sim.now();
    let mut world = sim.world();
    let urls = sim.urls(&world);
    let id = world.start_inbound(call, now, &sim.timings, &urls);
    let session = world.session(&id, &sim.timings, now);
    let extension_id = world.account.extension_id;
    Ok(ok(json!({
        "telephonySessionId": id,
        "sessionId": session.as_ref().map(|s| s.session_id.clone()),
        "partyId": session.as_ref().and_then(|s| s.own(extension_id)).map(|p| p.id.clone()),
    })))
}

/// Sets presence as another device would (same fields and checks as `PUT …/presence`).
pub async fn set_presence(
    State(sim): Shared,
    JsonBody(body): JsonBody<PresenceUpdate>,
) -> Result<Response, ApiError> {
    presence::apply(&sim, body)
}
