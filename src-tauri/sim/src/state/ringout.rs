//! RingOut calls as a function of time. A call's status is computed from its age and the magic
//! outcomes of its numbers, so polling at any instant (with any clock) gives the right answer.

use crate::config::Timings;
use crate::magic::{callee_outcome, caller_outcome, CalleeOutcome, CallerOutcome};
use crate::state::call_log::{CallRecord, Leg, Side};
use crate::state::holds::Holds;
use chrono::{DateTime, Duration, Utc};

/// A placed RingOut.
#[derive(Clone, Debug)]
pub struct RingOut {
    /// String id.
    pub id: String,
    /// The "ring me at" number (leg 1).
    pub from: String,
    /// The callee (leg 2).
    pub to: String,
    /// The caller ID shown to the callee.
    pub caller_id: String,
    /// `sessionId` of the resulting call-log record.
    pub session_id: String,
    /// When it was placed.
    pub created: DateTime<Utc>,
    /// When it was cancelled (before connecting).
    pub cancelled: Option<DateTime<Utc>>,
    /// When Call Control hung it up (after connecting).
    pub hung_up: Option<DateTime<Utc>>,
    /// Holds through Call Control.
    pub holds: Holds,
    /// Whether its call-log record was written.
    pub logged: bool,
}

/// The three status fields and where the call stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// `callStatus`.
    pub call: &'static str,
    /// `callerStatus`.
    pub caller: &'static str,
    /// `calleeStatus`.
    pub callee: &'static str,
    /// Both legs are (or were) connected.
    pub connected: bool,
    /// The call is over; when it ended.
    pub ended: Option<DateTime<Utc>>,
    /// The call-log `result` once ended.
    pub result: &'static str,
}

const IN_PROGRESS: &str = "InProgress";

fn snap(call: &'static str, caller: &'static str, callee: &'static str) -> Snapshot {
    Snapshot {
        call,
        caller,
        callee,
        connected: false,
        ended: None,
        result: "In Progress",
    }
}

fn failed(
    call: &'static str,
    caller: &'static str,
    callee: &'static str,
    at: DateTime<Utc>,
    result: &'static str,
) -> Snapshot {
    Snapshot {
        ended: Some(at),
        result,
        ..snap(call, caller, callee)
    }
}

fn dur(d: std::time::Duration) -> Duration {
    Duration::from_std(d).unwrap_or_else(|_| Duration::zero())
}

impl RingOut {
    /// The status at `now`.
    pub fn status(&self, timings: &Timings, now: DateTime<Utc>) -> Snapshot {
        let (ring1, ring2, no_answer, talk) = (
            dur(timings.caller_ring),
            dur(timings.callee_ring),
            dur(timings.no_answer),
            dur(timings.talk),
        );
        let at = |d: Duration| self.created + d;
        let now = self.cancelled.map_or(now, |c| c.min(now));
        let stopped = |s: Snapshot| match self.cancelled {
            Some(c) if s.ended.is_none() => failed(s.call, s.caller, s.callee, c, "Stopped"),
            _ => s,
        };
        match caller_outcome(&self.from) {
            Some(CallerOutcome::NoAnswer) if now >= at(no_answer) => {
                return failed(
                    "NoAnswer",
                    "NoAnswer",
                    IN_PROGRESS,
                    at(no_answer),
                    "No Answer",
                );
            }
            Some(CallerOutcome::Busy) if now >= at(ring1) => {
                return failed("Busy", "Busy", IN_PROGRESS, at(ring1), "Busy")
            }
            Some(CallerOutcome::Rejected) if now >= at(ring1) => {
                return failed("Rejected", "Rejected", IN_PROGRESS, at(ring1), "Rejected");
            }
            Some(_) => return stopped(snap(IN_PROGRESS, IN_PROGRESS, IN_PROGRESS)),
            None if now < at(ring1) => return stopped(snap(IN_PROGRESS, IN_PROGRESS, IN_PROGRESS)),
            None => {}
        }
        let leg2 = ring1;
        let answered = match callee_outcome(&self.to) {
            Some(CalleeOutcome::InternationalDisabled) => {
                return failed(
                    "InternationalDisabled",
                    "Success",
                    "InternationalDisabled",
                    at(leg2),
                    "International Disabled",
                );
            }
            Some(CalleeOutcome::DestinationBlocked) => {
                return failed(
                    "DestinationBlocked",
                    "Success",
                    "DestinationBlocked",
                    at(leg2),
                    "Blocked",
                );
            }
            Some(CalleeOutcome::NoAnswer) if now >= at(leg2 + no_answer) => {
                return failed(
                    "NoAnswer",
                    "Success",
                    "NoAnswer",
                    at(leg2 + no_answer),
                    "No Answer",
                );
            }
            Some(CalleeOutcome::NoAnswer) => {
                return stopped(snap(IN_PROGRESS, "Success", IN_PROGRESS))
            }
            Some(outcome) if now >= at(leg2 + ring2) => {
                let (call, callee, result) = match outcome {
                    CalleeOutcome::Busy => ("Busy", "Busy", "Busy"),
                    CalleeOutcome::Rejected => ("Rejected", "Rejected", "Rejected"),
                    _ => ("CannotReach", "GenericError", "Call Failed"),
                };
                return failed(call, "Success", callee, at(leg2 + ring2), result);
            }
            Some(_) => return stopped(snap(IN_PROGRESS, "Success", IN_PROGRESS)),
            None => at(leg2 + ring2),
        };
        if now < answered {
            return stopped(snap(IN_PROGRESS, "Success", IN_PROGRESS));
        }
        let end = self
            .hung_up
            .map_or(answered + talk, |h| h.clamp(answered, answered + talk));
        if now < end && self.cancelled.is_none() {
            return Snapshot {
                connected: true,
                ..snap("Success", "Success", "Success")
            };
        }
        Snapshot {
            connected: true,
            ended: Some(end),
            result: "Call connected",
            ..snap("Success", "Finished", "Finished")
        }
    }

    /// The `telephonySessionId` of the call (its call-log record carries it too).
    pub fn telephony_session_id(&self) -> String {
        format!("s-ringout-{}", self.id)
    }

    /// The call-log record of the ended call (one record, two legs, one `sessionId`).
    pub fn record(
        &self,
        id: String,
        own_name: &str,
        extension_id: u64,
        s: &Snapshot,
    ) -> CallRecord {
        let ended = s.ended.unwrap_or(self.created);
        let duration = (ended - self.created).num_seconds().max(0) as u32;
        let us = |phone: &str| Side {
            phone: Some(phone.to_owned()),
            name: Some(own_name.to_owned()),
            location: None,
            extension_number: Some("101".to_owned()),
        };
        let callee = Side {
            phone: Some(self.to.clone()),
            ..Side::default()
        };
        let legs = vec![
            Leg {
                leg_type: "RingOutWebToCaller",
                from: us(&self.caller_id),
                to: us(&self.from),
                result: s.result,
                duration,
                master: true,
            },
            Leg {
                leg_type: "RingOutWebToSubscriber",
                from: us(&self.caller_id),
                to: callee.clone(),
                result: s.result,
                duration,
                master: false,
            },
        ];
        CallRecord {
            id,
            session_id: self.session_id.clone(),
            telephony_session_id: self.telephony_session_id(),
            start: self.created,
            duration,
            kind: "Voice",
            inbound: false,
            action: "RingOut Web",
            result: s.result,
            reason: None,
            from: us(&self.caller_id),
            to: callee,
            legs,
            modified: ended,
            extension_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::TimingMode;

    fn call(from: &str, to: &str) -> (RingOut, DateTime<Utc>) {
        let now = Utc::now();
        let r = RingOut {
            id: "1".into(),
            from: from.into(),
            to: to.into(),
            caller_id: "+16505550100".into(),
            session_id: "9".into(),
            created: now,
            cancelled: None,
            hung_up: None,
            holds: Default::default(),
            logged: false,
        };
        (r, now)
    }

    #[test]
    fn normal_call_rings_connects_and_finishes() {
        let t = TimingMode::Realistic.timings();
        let (r, now) = call("+16505550110", "+14155550120");
        let at = |s: i64| r.status(&t, now + Duration::seconds(s));
        assert_eq!(
            (at(1).call, at(1).caller, at(1).callee),
            ("InProgress", "InProgress", "InProgress"),
            "caller leg rings first"
        );
        assert_eq!(
            (at(5).caller, at(5).callee),
            ("Success", "InProgress"),
            "caller answered, callee ringing"
        );
        assert_eq!(
            (at(10).call, at(10).callee),
            ("Success", "Success"),
            "both connected"
        );
        let end = at(60);
        assert_eq!(
            (end.caller, end.callee, end.result),
            ("Finished", "Finished", "Call connected"),
            "then it ends"
        );
        assert!(end.ended.is_some(), "an ended call can be logged");
    }

    #[test]
    fn magic_numbers_reach_failure_statuses() {
        let t = TimingMode::Realistic.timings();
        for (to, call_status, callee) in [
            ("+16505550150", "Busy", "Busy"),
            ("+16505550151", "NoAnswer", "NoAnswer"),
            ("+16505550152", "Rejected", "Rejected"),
            ("+16505550153", "CannotReach", "GenericError"),
            (
                "+16505550154",
                "InternationalDisabled",
                "InternationalDisabled",
            ),
            ("+16505550155", "DestinationBlocked", "DestinationBlocked"),
        ] {
            let (r, now) = call("+16505550110", to);
            let s = r.status(&t, now + Duration::seconds(120));
            assert_eq!(
                (s.call, s.callee),
                (call_status, callee),
                "callee magic number {to}"
            );
            assert!(s.ended.is_some(), "{to} ends the call");
        }
        let (r, now) = call("+16505550160", "+14155550120");
        let s = r.status(&t, now + Duration::seconds(120));
        assert_eq!(
            (s.call, s.caller),
            ("NoAnswer", "NoAnswer"),
            "caller who never answers"
        );
    }

    #[test]
    fn cancel_stops_a_ringing_call() {
        let t = TimingMode::Realistic.timings();
        let (mut r, now) = call("+16505550110", "+14155550120");
        r.cancelled = Some(now + Duration::seconds(2));
        let s = r.status(&t, now + Duration::seconds(100));
        assert_eq!(s.result, "Stopped", "cancelled before connecting");
        assert!(!s.connected, "never connected");
    }
}
