//! Telephony-session events read as presence entries, so one model serves both feeds. The
//! agent's party is the one with the agent's extension id (the first party of a user of the
//! account when that id is unknown); a RingOut session (`origin.type = RingOut`) is the
//! outbound call, and an inbound party of it — the callback to the agent's phone — is never a
//! call of its own.

use crate::api::models::{ActiveCall, SessionParty, TelephonySessionEvent};

/// A party's status code as presence's `telephonyStatus`.
fn telephony_status(code: &str) -> (&'static str, Option<&'static str>) {
    match code {
        "Setup" | "Proceeding" => ("Ringing", None),
        "Answered" => ("CallConnected", None),
        "Hold" => ("OnHold", None),
        "Parked" => ("ParkedCall", None),
        "Disconnected" | "Gone" | "VoiceMail" | "FaxReceive" => ("NoCall", Some("final")),
        // Unknown codes say nothing final.
        _ => ("NoCall", Some("intermediate")),
    }
}

fn own_party<'a>(
    event: &'a TelephonySessionEvent,
    own_extension: Option<&str>,
) -> Option<&'a SessionParty> {
    let parties = event.parties.iter().filter(|p| p.extension_id.is_some());
    match own_extension {
        Some(own) => parties
            .clone()
            .find(|p| p.extension_id.as_deref() == Some(own)),
        None => parties.clone().next(),
    }
}

/// The agent's call in `event` as a presence entry, and whether it is the agent's own RingOut;
/// `None` when the event holds no call of the agent's to show.
pub fn as_active_call(
    event: &TelephonySessionEvent,
    own_extension: Option<&str>,
) -> Option<(ActiveCall, bool)> {
    let party = own_party(event, own_extension)?;
    let ring_out = event
        .origin
        .as_ref()
        .and_then(|o| o.kind.as_deref())
        .is_some_and(|kind| kind == "RingOut");
    let direction = party.direction.as_deref().unwrap_or("Outbound");
    if ring_out && direction == "Inbound" {
        return None;
    }
    let (status, termination) =
        telephony_status(party.status.as_ref()?.code.as_deref().unwrap_or_default());
    let number = |n: &Option<crate::api::models::PartyNumber>| {
        n.as_ref().map(|n| (n.phone_number.clone(), n.name.clone()))
    };
    let (from, from_name) = number(&party.from).unwrap_or_default();
    let (to, to_name) = number(&party.to).unwrap_or_default();
    let call = ActiveCall {
        id: party.id.clone().unwrap_or_default(),
        direction: Some(direction.to_string()),
        from,
        from_name,
        to,
        to_name,
        telephony_status: Some(status.to_string()),
        start_time: None,
        session_id: event.session_id.clone(),
        telephony_session_id: event.telephony_session_id.clone(),
        party_id: party.id.clone(),
        termination_type: termination.map(str::to_string),
    };
    Some((call, ring_out))
}
