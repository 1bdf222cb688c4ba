//! Live calls as RingCentral shows them while they happen: the parties of telephony sessions
//! (what the `…/telephony/sessions` events and Call Control see) and the entries of detailed
//! presence's `activeCalls`. RingOut calls and inbound calls both render into these views, and
//! the [`SessionLedger`] remembers what subscribers were last told about each session.

use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// A phone number and the name shown with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Number {
    /// E.164 number.
    pub phone: String,
    /// Caller-ID or directory name.
    pub name: Option<String>,
    /// The extension id when the number is one of the account's users.
    pub extension_id: Option<u64>,
}

/// `CallStatusInfo`: a party's status code and why it got there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartyStatus {
    /// `Setup`, `Proceeding`, `Answered`, `Hold`, `VoiceMail` or `Disconnected`.
    pub code: &'static str,
    /// `reason`, for `Disconnected`.
    pub reason: Option<&'static str>,
}

impl PartyStatus {
    /// A status without a reason.
    pub const fn code(code: &'static str) -> Self {
        Self { code, reason: None }
    }

    /// `Disconnected` for `reason`.
    pub const fn gone(reason: &'static str) -> Self {
        Self {
            code: "Disconnected",
            reason: Some(reason),
        }
    }

    /// Whether the party has left the call.
    pub fn disconnected(&self) -> bool {
        self.code == "Disconnected"
    }
}

/// One party of a telephony session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyView {
    /// `partyId`.
    pub id: String,
    /// The party's extension, when it is a user of the account.
    pub extension_id: Option<u64>,
    /// The "technical" direction of the party's leg.
    pub direction: &'static str,
    /// Caller.
    pub from: Number,
    /// Callee.
    pub to: Number,
    /// Status.
    pub status: PartyStatus,
    /// `missedCall`.
    pub missed: bool,
    /// `ringOutRole` (`Initiator` or `Target`) for RingOut parties.
    pub ring_out_role: Option<&'static str>,
}

/// A telephony session at an instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionView {
    /// `telephonySessionId`, the key of Call Control.
    pub telephony_session_id: String,
    /// Legacy `sessionId` (numeric text).
    pub session_id: String,
    /// `origin.type`: `Call` or `RingOut`.
    pub origin: &'static str,
    /// `creationTime`.
    pub created: DateTime<Utc>,
    /// The parties, the extension's own first.
    pub parties: Vec<PartyView>,
}

impl SessionView {
    /// The extension's own party.
    pub fn own(&self, extension_id: u64) -> Option<&PartyView> {
        self.parties
            .iter()
            .find(|p| p.extension_id == Some(extension_id))
    }

    /// Whether every party has left.
    pub fn over(&self) -> bool {
        self.parties.iter().all(|p| p.status.disconnected())
    }

    /// What subscribers compare to tell whether the session changed.
    fn signature(&self) -> Vec<PartyStatus> {
        self.parties.iter().map(|p| p.status).collect()
    }
}

/// One `activeCalls` entry of detailed presence (`ActiveCallInfo`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActiveCall {
    /// `id`.
    pub id: String,
    /// `Inbound` or `Outbound`.
    pub direction: &'static str,
    /// Caller (a plain string in presence, unlike telephony sessions).
    pub from: Number,
    /// Callee.
    pub to: Number,
    /// `startTime`.
    pub start: DateTime<Utc>,
    /// `Ringing`, `CallConnected` or `OnHold`.
    pub telephony_status: &'static str,
    /// `sessionId`.
    pub session_id: String,
    /// `telephonySessionId`.
    pub telephony_session_id: String,
    /// `partyId`.
    pub party_id: String,
}

/// Presence shows at most this many active calls (`totalActiveCalls` counts them all).
pub const PRESENCE_CALLS: usize = 7;

/// What each telephony session's subscribers were last told: its parties' statuses and the
/// session's event sequence (kept until a reset, so an ended session is never told twice).
#[derive(Debug, Default)]
pub struct SessionLedger {
    told: HashMap<String, (Vec<PartyStatus>, u64)>,
}

impl SessionLedger {
    /// The sequence number of a change of `session`, or `None` when subscribers already know
    /// its current state.
    pub fn change(&mut self, session: &SessionView) -> Option<u64> {
        let signature = session.signature();
        let entry = self
            .told
            .entry(session.telephony_session_id.clone())
            .or_insert_with(|| (Vec::new(), 0));
        if entry.0 == signature {
            return None;
        }
        entry.0 = signature;
        entry.1 += 1;
        Some(entry.1)
    }

    /// Whether the end of `telephony_session_id` was told.
    pub fn ended(&self, telephony_session_id: &str) -> bool {
        self.told
            .get(telephony_session_id)
            .is_some_and(|(statuses, _)| {
                !statuses.is_empty() && statuses.iter().all(PartyStatus::disconnected)
            })
    }
}
