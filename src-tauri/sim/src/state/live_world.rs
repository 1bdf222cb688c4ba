//! The world's live calls: the views presence and telephony sessions give of RingOuts and
//! inbound calls, telling subscribers about each change, and logging calls once they end.

use super::inbound::{CallIds, InboundCall, Outcome};
use super::live::{ActiveCall, Number, SessionView, PRESENCE_CALLS};
use super::ringout_legs::Owner;
use super::World;
use crate::config::Timings;
use crate::render::{self, ActiveCalls, Urls};
use crate::ws::filters::{EventKind, Filter};
use chrono::{DateTime, Duration, Utc};

/// What the admin API asks for: a call from `from` that rings `ring` and ends as `outcome`.
#[derive(Clone, Debug)]
pub struct IncomingCall {
    /// The caller's number (E.164).
    pub from: String,
    /// The caller-ID name, if the network gives one.
    pub name: Option<String>,
    /// How it ends by itself.
    pub outcome: Outcome,
    /// How long the agent's phone rings.
    pub ring: Duration,
    /// How long the call (or the voicemail) lasts once the ringing ends.
    pub talk: Duration,
}

impl World {
    fn owner(&self) -> (u64, String) {
        (self.account.extension_id, self.account.name())
    }

    /// Every telephony session whose end subscribers have not been told yet, at `now`.
    pub fn live_sessions(&self, timings: &Timings, now: DateTime<Utc>) -> Vec<SessionView> {
        let (extension_id, name) = self.owner();
        let owner = Owner {
            extension_id,
            name: &name,
        };
        let told = |id: &str| self.sessions_told.ended(id);
        let ringouts = self
            .ringouts
            .iter()
            .filter(|c| !told(&c.telephony_session_id()))
            .map(|c| c.session(owner, timings, now));
        let inbound = self
            .inbound
            .iter()
            .filter(|c| !told(&c.ids.telephony_session_id))
            .map(|c| c.session(extension_id, now));
        ringouts.chain(inbound).collect()
    }

    /// A telephony session by id, at `now`, even when it has ended.
    pub fn session(
        &self,
        telephony_session_id: &str,
        timings: &Timings,
        now: DateTime<Utc>,
    ) -> Option<SessionView> {
        let (extension_id, name) = self.owner();
        let owner = Owner {
            extension_id,
            name: &name,
        };
        if let Some(call) = self
            .ringouts
            .iter()
            .find(|c| c.telephony_session_id() == telephony_session_id)
        {
            return Some(call.session(owner, timings, now));
        }
        self.inbound
            .iter()
            .find(|c| c.ids.telephony_session_id == telephony_session_id)
            .map(|c| c.session(extension_id, now))
    }

    /// Presence's active calls at `now`, newest first.
    pub fn active_calls(&self, timings: &Timings, now: DateTime<Utc>) -> Vec<ActiveCall> {
        let (extension_id, name) = self.owner();
        let owner = Owner {
            extension_id,
            name: &name,
        };
        let mut calls: Vec<ActiveCall> = self
            .ringouts
            .iter()
            .filter(|c| !c.logged)
            .flat_map(|c| c.active(owner, timings, now))
            .chain(
                self.inbound
                    .iter()
                    .filter(|c| !c.logged)
                    .filter_map(|c| c.active(now)),
            )
            .collect();
        calls.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| b.id.cmp(&a.id)));
        calls
    }

    /// `telephonyStatus` from the active calls.
    pub fn telephony_status(&self, timings: &Timings, now: DateTime<Utc>) -> &'static str {
        Self::aggregate(&self.active_calls(timings, now))
    }

    fn aggregate(calls: &[ActiveCall]) -> &'static str {
        let any = |status: &str| calls.iter().any(|c| c.telephony_status == status);
        if any("CallConnected") {
            "CallConnected"
        } else if any("OnHold") {
            "OnHold"
        } else if calls.is_empty() {
            "NoCall"
        } else {
            "Ringing"
        }
    }

    /// Tells presence subscribers the current presence.
    pub fn publish_presence(&mut self, now: DateTime<Utc>, timings: &Timings, urls: &Urls) {
        let calls = self.active_calls(timings, now);
        let telephony = Self::aggregate(&calls);
        self.presence_told = calls
            .iter()
            .map(|c| (c.id.clone(), c.telephony_status))
            .collect();
        self.presence_sequence += 1;
        let shown: Vec<_> = calls
            .iter()
            .take(PRESENCE_CALLS)
            .map(render::active_call)
            .collect();
        let active = ActiveCalls {
            shown: &shown,
            total: calls.len(),
        };
        let (sequence, account) = (self.presence_sequence, self.account.clone());
        self.publish(EventKind::Presence, now, urls, &|filter| {
            let detailed = matches!(filter, Filter::Presence { detailed: true });
            render::presence_event(&account, telephony, sequence, detailed.then_some(active))
        });
    }

    /// Tells subscribers what changed in live calls since they were last told: each changed
    /// telephony session, then presence when its active calls changed.
    pub(super) fn publish_calls(&mut self, now: DateTime<Utc>, timings: &Timings, urls: &Urls) {
        let account_id = self.account.account_id;
        for session in self.live_sessions(timings, now) {
            if let Some(sequence) = self.sessions_told.change(&session) {
                let body = render::session_event(&session, sequence, account_id, now);
                self.publish(EventKind::TelephonySession, now, urls, &|_| body.clone());
            }
        }
        let told: Vec<_> = self
            .active_calls(timings, now)
            .iter()
            .map(|c| (c.id.clone(), c.telephony_status))
            .collect();
        if told != self.presence_told {
            self.publish_presence(now, timings, urls);
        }
    }

    /// Writes the call-log records of calls that have ended by `now`.
    pub(super) fn log_ended_calls(&mut self, now: DateTime<Utc>, timings: &Timings) {
        let (extension_id, name) = self.owner();
        for i in 0..self.ringouts.len() {
            if self.ringouts[i].logged {
                continue;
            }
            let snapshot = self.ringouts[i].status(timings, now);
            if snapshot.ended.is_none_or(|end| end > now) {
                continue;
            }
            let id = self.next_record_id();
            let record = self.ringouts[i].record(id, &name, extension_id, &snapshot);
            self.call_log.add(record);
            self.ringouts[i].logged = true;
        }
        for i in 0..self.inbound.len() {
            if self.inbound[i].logged {
                continue;
            }
            let moment = self.inbound[i].at(now);
            if moment.ended.is_none_or(|end| end > now) {
                continue;
            }
            let id = self.next_record_id();
            let record = self.inbound[i].record(id, extension_id, &moment);
            self.call_log.add(record);
            self.inbound[i].logged = true;
        }
    }

    /// Starts an inbound call ringing at `now` and tells subscribers at once. Returns its
    /// `telephonySessionId`.
    pub fn start_inbound(
        &mut self,
        call: IncomingCall,
        now: DateTime<Utc>,
        timings: &Timings,
        urls: &Urls,
    ) -> String {
        let n = self.ids.next();
        let session_id = 60_000_000_000 + self.account.extension_id % 1_000_000 * 1000 + n;
        let telephony_session_id = format!("s-in-{}", self.ids.secret("", 12));
        let (extension_id, name) = self.owner();
        let own = self
            .account
            .sms_sender()
            .map(|number| number.phone.clone())
            .unwrap_or_default();
        self.inbound.push(InboundCall {
            from: Number {
                phone: call.from,
                name: call.name,
                extension_id: None,
            },
            to: Number {
                phone: own,
                name: Some(name),
                extension_id: Some(extension_id),
            },
            outcome: call.outcome,
            ring: call.ring,
            talk: call.talk,
            created: now,
            ids: CallIds {
                session_id: session_id.to_string(),
                party_id: format!("{telephony_session_id}-1"),
                caller_party_id: format!("{telephony_session_id}-2"),
                telephony_session_id: telephony_session_id.clone(),
            },
            stopped: None,
            holds: Default::default(),
            logged: false,
        });
        self.publish_calls(now, timings, urls);
        telephony_session_id
    }
}
