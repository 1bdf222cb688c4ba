//! Inbound calls, started by the admin API (`POST /sim/inbound-call`): the agent's phone rings,
//! then the call is answered, missed, sent to voicemail or rejected — as a function of time and
//! of what Call Control did to it, so every read at any instant agrees.

use super::call_log::{CallRecord, Leg, Side};
use super::holds::Holds;
use super::live::{ActiveCall, Number, PartyStatus, PartyView, SessionView};
use chrono::{DateTime, Duration, Utc};

/// How an inbound call ends when nobody intervenes through Call Control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The agent answers when the ringing ends and talks for the talk time.
    Answered,
    /// Nobody answers; the caller gives up when the ringing ends.
    Missed,
    /// Nobody answers; the caller leaves a voicemail for the talk time.
    Voicemail,
    /// The agent rejects it on another device when the ringing ends.
    Rejected,
}

impl Outcome {
    /// Parses the admin API's spelling (`answered`, `missed`, `voicemail`, `rejected`).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "answered" => Some(Outcome::Answered),
            "missed" => Some(Outcome::Missed),
            "voicemail" => Some(Outcome::Voicemail),
            "rejected" => Some(Outcome::Rejected),
            _ => None,
        }
    }
}

/// What Call Control did to end the call early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// `…/parties/{id}/reject` while ringing.
    Rejected,
    /// `…/parties/{id}/reply` while ringing.
    Replied,
    /// `DELETE …/telephony/sessions/{id}`.
    HungUp,
}

/// Where the call stands for the agent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The agent's phone rings.
    Ringing,
    /// The agent talks to the caller.
    Talking,
    /// The caller leaves a voicemail (the agent is not on the call).
    Voicemail,
    /// Over.
    Ended,
}

/// The call at an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    /// Stage.
    pub stage: Stage,
    /// Whether the agent holds the call.
    pub held: bool,
    /// When it ended, once it has.
    pub ended: Option<DateTime<Utc>>,
    /// The call-log `result` (final once ended).
    pub result: &'static str,
    /// The agent party's `Disconnected` reason once ended.
    pub reason: &'static str,
    /// Whether the agent never answered.
    pub missed: bool,
}

/// The ids RingCentral gives the call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallIds {
    /// Legacy `sessionId` (shared with the call-log record).
    pub session_id: String,
    /// `telephonySessionId`.
    pub telephony_session_id: String,
    /// The agent's `partyId`.
    pub party_id: String,
    /// The caller's `partyId`.
    pub caller_party_id: String,
}

/// One inbound call.
#[derive(Clone, Debug)]
pub struct InboundCall {
    /// The caller.
    pub from: Number,
    /// The agent's number that was called.
    pub to: Number,
    /// How it ends by itself.
    pub outcome: Outcome,
    /// How long the agent's phone rings.
    pub ring: Duration,
    /// How long the agent talks (answered) or the caller speaks (voicemail).
    pub talk: Duration,
    /// When it started ringing.
    pub created: DateTime<Utc>,
    /// Its ids.
    pub ids: CallIds,
    /// An early end through Call Control.
    pub stopped: Option<(DateTime<Utc>, Stop)>,
    /// Holds through Call Control.
    pub holds: Holds,
    /// Whether its call-log record was written.
    pub logged: bool,
}

impl InboundCall {
    /// The call at `now`.
    pub fn at(&self, now: DateTime<Utc>) -> Moment {
        match self.stopped {
            Some((at, stop)) if now >= at => self.stopped_at(at, stop),
            _ => self.natural(now),
        }
    }

    /// The call at `now` as it goes when nobody intervenes.
    fn natural(&self, now: DateTime<Utc>) -> Moment {
        let ring_end = self.created + self.ring;
        let talk_end = ring_end + self.talk;
        let missed = self.outcome != Outcome::Answered;
        let moment = |stage, ended, result, reason| Moment {
            stage,
            held: stage == Stage::Talking && self.holds.held_at(now),
            ended,
            result,
            reason,
            missed,
        };
        if now < ring_end {
            return moment(Stage::Ringing, None, "In Progress", "");
        }
        match self.outcome {
            Outcome::Answered if now < talk_end => moment(Stage::Talking, None, "In Progress", ""),
            Outcome::Answered => moment(Stage::Ended, Some(talk_end), "Accepted", "CallFinished"),
            Outcome::Missed => moment(Stage::Ended, Some(ring_end), "Missed", "NoAnswer"),
            Outcome::Voicemail if now < talk_end => {
                moment(Stage::Voicemail, None, "In Progress", "")
            }
            Outcome::Voicemail => moment(Stage::Ended, Some(talk_end), "Voicemail", "Voicemail"),
            Outcome::Rejected => moment(Stage::Ended, Some(ring_end), "Rejected", "Rejected"),
        }
    }

    /// The call ended by Call Control at `at`.
    fn stopped_at(&self, at: DateTime<Utc>, stop: Stop) -> Moment {
        let before = self.natural(at);
        let (result, reason, missed) = match (stop, before.stage) {
            (Stop::Rejected, _) => ("Rejected", "Rejected", true),
            (Stop::Replied, _) => ("Reply", "CallReplied", true),
            (Stop::HungUp, Stage::Ringing) => ("Missed", "Cancelled", true),
            (Stop::HungUp, Stage::Talking) => ("Accepted", "CallFinished", false),
            (Stop::HungUp, _) => ("Voicemail", "Voicemail", true),
        };
        Moment {
            stage: Stage::Ended,
            held: false,
            ended: Some(at),
            result,
            reason,
            missed,
        }
    }

    /// The call's telephony session at `now`.
    pub fn session(&self, extension_id: u64, now: DateTime<Utc>) -> SessionView {
        let m = self.at(now);
        let own = match (m.stage, m.held) {
            (Stage::Ringing, _) => PartyStatus::code("Proceeding"),
            (Stage::Talking, true) => PartyStatus::code("Hold"),
            (Stage::Talking, false) => PartyStatus::code("Answered"),
            (Stage::Voicemail, _) => PartyStatus::code("VoiceMail"),
            (Stage::Ended, _) => PartyStatus::gone(m.reason),
        };
        let caller = match m.stage {
            Stage::Ended => PartyStatus::gone("CallFinished"),
            _ => PartyStatus::code("Answered"),
        };
        let party = |id: &str, extension_id, status, missed| PartyView {
            id: id.to_owned(),
            extension_id,
            direction: "Inbound",
            from: self.from.clone(),
            to: self.to.clone(),
            status,
            missed,
            ring_out_role: None,
        };
        SessionView {
            telephony_session_id: self.ids.telephony_session_id.clone(),
            session_id: self.ids.session_id.clone(),
            origin: "Call",
            created: self.created,
            parties: vec![
                party(&self.ids.party_id, Some(extension_id), own, m.missed),
                party(&self.ids.caller_party_id, None, caller, false),
            ],
        }
    }

    /// The call's `activeCalls` entry at `now`, while the agent's phone rings or the agent is on
    /// the call.
    pub fn active(&self, now: DateTime<Utc>) -> Option<ActiveCall> {
        let m = self.at(now);
        let status = match (m.stage, m.held) {
            (Stage::Ringing, _) => "Ringing",
            (Stage::Talking, true) => "OnHold",
            (Stage::Talking, false) => "CallConnected",
            (Stage::Voicemail | Stage::Ended, _) => return None,
        };
        Some(ActiveCall {
            id: self.ids.session_id.clone(),
            direction: "Inbound",
            from: self.from.clone(),
            to: self.to.clone(),
            start: self.created,
            telephony_status: status,
            session_id: self.ids.session_id.clone(),
            telephony_session_id: self.ids.telephony_session_id.clone(),
            party_id: self.ids.party_id.clone(),
        })
    }

    /// The call-log record once the call has ended at `m.ended`.
    pub fn record(&self, id: String, extension_id: u64, m: &Moment) -> CallRecord {
        let ended = m.ended.unwrap_or(self.created);
        let duration = u32::try_from((ended - self.created).num_seconds().max(0)).unwrap_or(0);
        let from = Side {
            phone: Some(self.from.phone.clone()),
            name: self.from.name.clone(),
            location: None,
            extension_number: None,
        };
        let to = Side {
            phone: Some(self.to.phone.clone()),
            name: self.to.name.clone(),
            location: None,
            extension_number: Some("101".to_owned()),
        };
        let reason = match m.result {
            "Accepted" => Some("Accepted"),
            "Missed" => Some("Not Answered"),
            _ => None,
        };
        CallRecord {
            id,
            session_id: self.ids.session_id.clone(),
            telephony_session_id: self.ids.telephony_session_id.clone(),
            start: self.created,
            duration,
            kind: "Voice",
            inbound: true,
            action: "Phone Call",
            result: m.result,
            reason,
            from: from.clone(),
            to: to.clone(),
            legs: vec![Leg {
                leg_type: "Accept",
                from,
                to,
                result: m.result,
                duration,
                master: true,
            }],
            modified: ended,
            extension_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(outcome: Outcome) -> (InboundCall, DateTime<Utc>) {
        let t0 = Utc::now();
        let call = InboundCall {
            from: Number {
                phone: "+16505550123".into(),
                name: Some("Ana Silva".into()),
                extension_id: None,
            },
            to: Number {
                phone: "+16505550100".into(),
                name: None,
                extension_id: Some(7),
            },
            outcome,
            ring: Duration::seconds(5),
            talk: Duration::seconds(30),
            created: t0,
            ids: CallIds {
                session_id: "1".into(),
                telephony_session_id: "s-1".into(),
                party_id: "p-1".into(),
                caller_party_id: "p-2".into(),
            },
            stopped: None,
            holds: Holds::default(),
            logged: false,
        };
        (call, t0)
    }

    #[test]
    fn each_outcome_rings_then_ends_its_own_way() {
        let s = Duration::seconds;
        for (outcome, at_10, result) in [
            (Outcome::Answered, Stage::Talking, "Accepted"),
            (Outcome::Missed, Stage::Ended, "Missed"),
            (Outcome::Voicemail, Stage::Voicemail, "Voicemail"),
            (Outcome::Rejected, Stage::Ended, "Rejected"),
        ] {
            let (call, t0) = call(outcome);
            assert_eq!(
                call.at(t0 + s(1)).stage,
                Stage::Ringing,
                "{outcome:?} rings"
            );
            assert_eq!(
                call.at(t0 + s(10)).stage,
                at_10,
                "{outcome:?} after the ring"
            );
            let end = call.at(t0 + s(60));
            assert_eq!(
                (end.stage, end.result),
                (Stage::Ended, result),
                "{outcome:?}"
            );
            assert_eq!(end.missed, outcome != Outcome::Answered, "{outcome:?}");
        }
    }

    #[test]
    fn call_control_ends_it_early_and_holds_it() {
        let s = Duration::seconds;
        let (mut rejected, t0) = call(Outcome::Answered);
        rejected.stopped = Some((t0 + s(2), Stop::Rejected));
        let m = rejected.at(t0 + s(3));
        assert_eq!(
            (m.stage, m.result, m.ended),
            (Stage::Ended, "Rejected", Some(t0 + s(2)))
        );
        assert!(rejected.active(t0 + s(3)).is_none(), "gone from presence");
        let (mut held, t0) = call(Outcome::Answered);
        held.holds.toggle(t0 + s(8));
        assert_eq!(
            held.active(t0 + s(9)).map(|a| a.telephony_status),
            Some("OnHold")
        );
        let own = held.session(7, t0 + s(9));
        assert_eq!(own.own(7).map(|p| p.status.code), Some("Hold"));
        held.stopped = Some((t0 + s(12), Stop::HungUp));
        assert_eq!(
            held.at(t0 + s(13)).result,
            "Accepted",
            "hung up after talking"
        );
    }
}
