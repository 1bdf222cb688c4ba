//! A RingOut as live-call views show it. RingCentral shows a RingOut as two calls: the callback
//! to the agent's own phone (an *Inbound* leg, from the callee's number) and the call to the
//! callee (an *Outbound* leg), whose legacy session ids differ by 1000–4000, both `Proceeding`
//! (presence: `Ringing`) until the callee answers. A client must merge them, or it would pop its
//! own callback as an incoming call.

use super::live::{ActiveCall, Number, PartyStatus, PartyView, SessionView};
use super::ringout::{RingOut, Snapshot};
use crate::config::Timings;
use chrono::{DateTime, Utc};

/// The agent and the account, as the legs name them.
#[derive(Clone, Copy, Debug)]
pub struct Owner<'a> {
    /// The agent's extension id.
    pub extension_id: u64,
    /// The agent's name.
    pub name: &'a str,
}

impl RingOut {
    /// The `Disconnected` reason of a call that ended with `result`.
    fn end_reason(result: &str) -> &'static str {
        match result {
            "Call connected" => "CallFinished",
            "No Answer" => "NoAnswer",
            "Busy" => "TargetBusy",
            "Rejected" => "Rejected",
            "Stopped" => "Cancelled",
            "International Disabled" => "InternationalDisabled",
            "Blocked" => "DestinationBlocked",
            _ => "InternalError",
        }
    }

    /// The legacy session id of the callback leg: 1000–4000 above the call's own.
    fn callback_session_id(&self) -> String {
        let own: u64 = self.session_id.parse().unwrap_or_default();
        let step = 1000 * (1 + own % 4);
        (own + step).to_string()
    }

    fn agent(&self, owner: Owner<'_>) -> Number {
        Number {
            phone: self.caller_id.clone(),
            name: Some(owner.name.to_owned()),
            extension_id: Some(owner.extension_id),
        }
    }

    fn callee(&self) -> Number {
        Number {
            phone: self.to.clone(),
            ..Number::default()
        }
    }

    fn party_status(&self, s: &Snapshot, now: DateTime<Utc>) -> PartyStatus {
        match s.ended {
            Some(_) => PartyStatus::gone(Self::end_reason(s.result)),
            None if s.connected && self.holds.held_at(now) => PartyStatus::code("Hold"),
            None if s.connected => PartyStatus::code("Answered"),
            None => PartyStatus::code("Proceeding"),
        }
    }

    /// The call's telephony session at `now` (`origin.type` `RingOut`).
    pub fn session(&self, owner: Owner<'_>, timings: &Timings, now: DateTime<Utc>) -> SessionView {
        let s = self.status(timings, now);
        let status = self.party_status(&s, now);
        let party = |suffix: &str, extension_id, role| PartyView {
            id: format!("p-ro-{}-{suffix}", self.id),
            extension_id,
            direction: "Outbound",
            from: self.agent(owner),
            to: self.callee(),
            status,
            missed: false,
            ring_out_role: Some(role),
        };
        SessionView {
            telephony_session_id: self.telephony_session_id(),
            session_id: self.session_id.clone(),
            origin: "RingOut",
            created: self.created,
            parties: vec![
                party("1", Some(owner.extension_id), "Initiator"),
                party("2", None, "Target"),
            ],
        }
    }

    /// The call's two `activeCalls` entries at `now` while it is live: the callback to the
    /// agent's phone and the call to the callee.
    pub fn active(
        &self,
        owner: Owner<'_>,
        timings: &Timings,
        now: DateTime<Utc>,
    ) -> Vec<ActiveCall> {
        let s = self.status(timings, now);
        if s.ended.is_some() {
            return Vec::new();
        }
        let status = match self.party_status(&s, now).code {
            "Hold" => "OnHold",
            "Answered" => "CallConnected",
            _ => "Ringing",
        };
        let callback = self.callback_session_id();
        vec![
            ActiveCall {
                id: callback.clone(),
                direction: "Inbound",
                from: self.callee(),
                to: Number {
                    phone: self.from.clone(),
                    ..self.agent(owner)
                },
                start: self.created,
                telephony_status: status,
                session_id: callback.clone(),
                telephony_session_id: format!("{}-callback", self.telephony_session_id()),
                party_id: format!("p-ro-{}-cb", self.id),
            },
            ActiveCall {
                id: self.session_id.clone(),
                direction: "Outbound",
                from: self.agent(owner),
                to: self.callee(),
                start: self.created,
                telephony_status: status,
                session_id: self.session_id.clone(),
                telephony_session_id: self.telephony_session_id(),
                party_id: format!("p-ro-{}-1", self.id),
            },
        ]
    }
}
