//! Live calls: presence's `activeCalls` entries (`ActiveCallInfo`, numbers as plain strings),
//! telephony-session event bodies (`TelephonySessionsEventBody`, numbers as objects) and Call
//! Control's `CallParty` / `CallSessionObject`.

use crate::state::live::{ActiveCall, Number, PartyStatus, PartyView, SessionView};
use crate::time_fmt::iso;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

/// One `activeCalls` entry.
pub fn active_call(call: &ActiveCall) -> Value {
    let mut v = json!({
        "id": call.id,
        "direction": call.direction,
        "from": call.from.phone,
        "to": call.to.phone,
        "startTime": iso(call.start),
        "telephonyStatus": call.telephony_status,
        "sessionId": call.session_id,
        "telephonySessionId": call.telephony_session_id,
        "partyId": call.party_id,
    });
    if let Some(name) = &call.from.name {
        v["fromName"] = json!(name);
    }
    if let Some(name) = &call.to.name {
        v["toName"] = json!(name);
    }
    v
}

/// `CallPartyShortInfo` / `PartyInfo`.
fn number(n: &Number) -> Value {
    let mut v = json!({ "phoneNumber": n.phone });
    if let Some(name) = &n.name {
        v["name"] = json!(name);
    }
    if let Some(id) = n.extension_id {
        v["extensionId"] = json!(id.to_string());
    }
    v
}

/// `CallStatusInfo`.
fn status(s: &PartyStatus) -> Value {
    let mut v = json!({ "code": s.code });
    if let Some(reason) = s.reason {
        v["reason"] = json!(reason);
    }
    v
}

/// The fields a party has in events and in Call Control answers alike.
fn party_common(p: &PartyView, account_id: u64) -> Value {
    let mut v = json!({
        "id": p.id,
        "direction": p.direction,
        "from": number(&p.from),
        "to": number(&p.to),
        "status": status(&p.status),
        "muted": false,
        "standAlone": false,
    });
    if let Some(id) = p.extension_id {
        v["extensionId"] = json!(id.to_string());
        v["accountId"] = json!(account_id.to_string());
    }
    v
}

/// `TelephonySessionsEventPartyInfo`.
fn event_party(p: &PartyView, account_id: u64) -> Value {
    let mut v = party_common(p, account_id);
    v["missedCall"] = json!(p.missed);
    v
}

/// `CallParty` (Call Control answers).
pub fn call_party(p: &PartyView, account_id: u64) -> Value {
    let mut v = party_common(p, account_id);
    if let Some(role) = p.ring_out_role {
        v["ringOutRole"] = json!(role);
    }
    v
}

/// `TelephonySessionsEventBody` of a change numbered `sequence`.
pub fn session_event(s: &SessionView, sequence: u64, account_id: u64, now: DateTime<Utc>) -> Value {
    json!({
        "sequence": sequence,
        "sessionId": s.session_id,
        "telephonySessionId": s.telephony_session_id,
        "serverId": "10.13.22.1.TAM",
        "eventTime": iso(now),
        "origin": { "type": s.origin },
        "parties": s.parties.iter().map(|p| event_party(p, account_id)).collect::<Vec<_>>(),
    })
}

/// `CallSessionObject`.
pub fn call_session(s: &SessionView, account_id: u64) -> Value {
    json!({
        "id": s.telephony_session_id,
        "origin": { "type": s.origin },
        "creationTime": iso(s.created),
        "parties": s.parties.iter().map(|p| call_party(p, account_id)).collect::<Vec<_>>(),
    })
}
