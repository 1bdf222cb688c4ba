//! Telephony-session events (`/restapi/v1.0/account/~/extension/~/telephony/sessions`, app
//! permission `CallControl`): a session's parties and their status codes. Numbers are objects
//! here (plain strings in presence).

use serde::Deserialize;

/// `TelephonySessionsEventBody`, the fields ringdesk uses.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TelephonySessionEvent {
    /// The order of this session's events (a late or repeated one is not newer).
    pub sequence: Option<i64>,
    /// Legacy session id, shared with presence and the call log.
    pub session_id: Option<String>,
    /// The key of Call Control.
    pub telephony_session_id: Option<String>,
    /// How the session started: `Call`, `RingOut`, `CallOut`, `Conference`.
    pub origin: Option<SessionOrigin>,
    /// The parties the subscriber may see (the extension's own among them).
    pub parties: Vec<SessionParty>,
}

/// `OriginInfo`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SessionOrigin {
    /// `Call`, `RingOut`, `CallOut`, `Conference`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

/// `TelephonySessionsEventPartyInfo`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SessionParty {
    /// `partyId`.
    pub id: Option<String>,
    /// The party's extension, when it is a user of the account.
    pub extension_id: Option<String>,
    /// `Inbound` or `Outbound` (the leg's "technical" direction).
    pub direction: Option<String>,
    /// Caller.
    pub from: Option<PartyNumber>,
    /// Callee.
    pub to: Option<PartyNumber>,
    /// `Setup`, `Proceeding`, `Answered`, `Hold`, `Parked`, `VoiceMail`, `Disconnected`, `Gone`…
    pub status: Option<PartyStatus>,
    /// Whether RingCentral counts the party's call as missed.
    pub missed_call: Option<bool>,
}

/// `CallPartyShortInfo`: a number and the name shown with it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PartyNumber {
    /// The number.
    pub phone_number: Option<String>,
    /// Caller-ID or directory name.
    pub name: Option<String>,
}

/// `CallStatusInfo`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PartyStatus {
    /// The status code.
    pub code: Option<String>,
}
