//! The live-call state machine.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::time::Instant;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{legs, sessions};
use crate::api::models::{ActiveCall, Presence, TelephonySessionEvent};

/// At most this many active calls are read from one presence body.
const MOST_CALLS: usize = 32;
/// The longest text kept from a number or name the server sends.
const LONGEST_TEXT: usize = 128;
/// How many ended calls are remembered, so a presence read older than their end cannot bring
/// them back.
const REMEMBERED_ENDS: usize = 64;
/// At most this many telephony sessions' event sequences are remembered.
const REMEMBERED_SEQUENCES: usize = 128;

/// Where a live call stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallState {
    /// The agent's phone rings (inbound) or the far end rings (outbound).
    Ringing,
    /// Both sides talk.
    Connected,
    /// On hold (or parked).
    OnHold,
    /// Over.
    Ended,
}

/// One call of the agent, as presence shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LiveCall {
    /// Legacy session id: the key, shared with the call-log record.
    pub session_id: String,
    /// The key of Call Control, when presence gives it.
    pub telephony_session_id: Option<String>,
    /// The agent's party, for Call Control.
    pub party_id: Option<String>,
    /// Whether the customer called the agent.
    pub inbound: bool,
    /// Whether this is the agent's own RingOut (its two legs merged).
    pub ring_out: bool,
    /// The other party's number.
    pub number: String,
    /// The other party's caller-ID name, when RingCentral knows it.
    pub name: Option<String>,
    /// Where it stands.
    pub state: CallState,
    /// Whether it was ever connected.
    pub answered: bool,
    /// When it started, when presence says (its format varies: `…Z` or `…+0000`).
    pub started: Option<DateTime<Utc>>,
}

/// What changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum LiveChange {
    /// An inbound call started ringing: who is calling (the screen-pop).
    Ringing {
        /// The call.
        call: LiveCall,
    },
    /// A call was answered, held or resumed, or an outbound call appeared.
    Changed {
        /// The call.
        call: LiveCall,
    },
    /// A call ended; `missed` when it was inbound and never answered.
    Ended {
        /// The call, in its last state before it ended.
        call: LiveCall,
        /// Inbound and never answered.
        missed: bool,
    },
}

impl LiveChange {
    /// One line for a person: what happened, and with whom.
    pub fn summary(&self) -> String {
        let who = |call: &LiveCall| match &call.name {
            Some(name) => format!("{name} ({})", call.number),
            None => call.number.clone(),
        };
        match self {
            Self::Ringing { call } => format!("Incoming call from {}", who(call)),
            Self::Changed { call } => {
                let what = match (call.state, call.inbound) {
                    (CallState::Ringing, _) => "Calling",
                    (CallState::Connected, _) => "Connected with",
                    (CallState::OnHold, _) => "On hold with",
                    (CallState::Ended, _) => "Ended with",
                };
                format!("{what} {}", who(call))
            }
            Self::Ended { call, missed: true } => format!("Missed call from {}", who(call)),
            Self::Ended { call, .. } => format!("Call with {} ended", who(call)),
        }
    }
}

/// The outcome of one presence body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// What changed, in order.
    pub changes: Vec<LiveChange>,
    /// The list was cut (`totalActiveCalls` above the calls listed): read presence again and
    /// hand the answer to [`LiveCalls::reread`].
    pub reread: bool,
    /// The body arrived late or twice (its `sequence` is not newer) and was ignored.
    pub stale: bool,
}

/// The agent's live calls.
#[derive(Debug, Default)]
pub struct LiveCalls {
    /// The newest presence `sequence` applied.
    sequence: Option<i64>,
    calls: BTreeMap<String, LiveCall>,
    /// When an event last said something about each live call.
    touched: BTreeMap<String, Instant>,
    /// Calls that ended, newest last, and when.
    ended: VecDeque<(String, Instant)>,
    /// The last ten digits of the number of a RingOut ringdesk placed and has not seen end:
    /// until its outbound leg shows, the callback to the agent (from that number) is not an
    /// incoming call.
    placing: Option<String>,
    /// The newest event `sequence` applied for each telephony session.
    session_sequences: BTreeMap<String, i64>,
    /// Live calls that telephony-session events told of: presence events do not end them (a
    /// presence event can be older than the session event), their own final event or a read of
    /// presence does.
    from_sessions: BTreeSet<String>,
}

/// How presence names a call's status.
enum Status {
    Live(CallState),
    /// `NoCall` with `terminationType: intermediate`: "not actually ended".
    Pending,
    /// `NoCall` (final) or gone.
    Over,
}

fn status(call: &ActiveCall) -> Status {
    match call.telephony_status.as_deref() {
        Some("Ringing") => Status::Live(CallState::Ringing),
        Some("CallConnected") => Status::Live(CallState::Connected),
        Some("OnHold" | "ParkedCall") => Status::Live(CallState::OnHold),
        Some("NoCall") if call.termination_type.as_deref() == Some("intermediate") => {
            Status::Pending
        }
        Some("NoCall") => Status::Over,
        _ => Status::Pending,
    }
}

/// Presence's `startTime`, in either of the formats RingCentral sends.
fn start_time(text: Option<&str>) -> Option<DateTime<Utc>> {
    let text = text?.trim();
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn bounded(text: Option<&str>) -> Option<String> {
    text.map(|t| t.trim().chars().take(LONGEST_TEXT).collect::<String>())
        .filter(|t| !t.is_empty())
}

impl LiveCalls {
    /// Applies a detailed-presence event. One whose `sequence` is not newer than the last one
    /// applied arrived late or twice and changes nothing.
    pub fn event(&mut self, presence: &Presence) -> Applied {
        if let (Some(seen), Some(new)) = (self.sequence, presence.sequence) {
            if new <= seen {
                return Applied {
                    stale: true,
                    ..Applied::default()
                };
            }
        }
        if presence.sequence.is_some() {
            self.sequence = presence.sequence;
        }
        let listed = presence.active_calls.len();
        let cut = presence
            .total_active_calls
            .is_some_and(|total| total as usize > listed);
        let calls = &presence.active_calls[..presence.active_calls.len().min(MOST_CALLS)];
        let (shown, ring_outs) = legs::merge(calls);
        Applied {
            changes: self.update(&shown, &ring_outs, !cut, None),
            reread: cut,
            stale: false,
        }
    }

    /// Applies a telephony-session event (granted with `CallControl`), whose agent's party is
    /// the one of `own_extension`. One not newer than the session's last event, or about a call
    /// that has ended, changes nothing.
    pub fn session_event(
        &mut self,
        event: &TelephonySessionEvent,
        own_extension: Option<&str>,
    ) -> Applied {
        let stale = Applied {
            stale: true,
            ..Applied::default()
        };
        let key = bounded(event.telephony_session_id.as_deref()).unwrap_or_default();
        if let (Some(seen), Some(new)) = (self.session_sequences.get(&key), event.sequence) {
            if new <= *seen {
                return stale;
            }
        }
        let session = bounded(event.session_id.as_deref()).unwrap_or_default();
        if self.ended.iter().any(|(id, _)| *id == session) {
            return stale;
        }
        if let Some(sequence) = event.sequence {
            if self.session_sequences.len() >= REMEMBERED_SEQUENCES {
                self.session_sequences.clear();
            }
            self.session_sequences.insert(key, sequence);
        }
        let Some((call, ring_out)) = sessions::as_active_call(event, own_extension) else {
            return Applied::default();
        };
        let ring_outs = if ring_out {
            vec![call.id.clone()]
        } else {
            Vec::new()
        };
        self.from_sessions.insert(session);
        Applied {
            changes: self.update(&[&call], &ring_outs, false, None),
            ..Applied::default()
        }
    }

    /// Applies presence read over REST at `read_at` (after a cut list or a WebSocket gap): its
    /// list is complete, so a call missing from it has ended — unless an event told more about
    /// that call after the read (the answer was already old when it arrived).
    pub fn reread(&mut self, presence: &Presence, read_at: Instant) -> Vec<LiveChange> {
        let calls = &presence.active_calls[..presence.active_calls.len().min(MOST_CALLS)];
        let (shown, ring_outs) = legs::merge(calls);
        self.update(&shown, &ring_outs, true, Some(read_at))
    }

    /// Tells the model that ringdesk placed a RingOut to `number`, so the callback to the
    /// agent's phone (from that number) is not taken for an incoming call.
    pub fn ring_out_placed(&mut self, number: &str) {
        self.placing = Some(legs::digits(Some(number))).filter(|d| !d.is_empty());
    }

    /// The calls live now.
    pub fn calls(&self) -> impl Iterator<Item = &LiveCall> {
        self.calls.values()
    }

    /// Whether an event said something about `session_id` after `read_at`.
    fn newer_than(&self, session_id: &str, read_at: Option<Instant>) -> bool {
        let Some(read_at) = read_at else {
            return false;
        };
        let touched = self.touched.get(session_id).is_some_and(|t| *t > read_at);
        let ended = self
            .ended
            .iter()
            .any(|(id, at)| id == session_id && *at > read_at);
        touched || ended
    }

    /// Applies the calls `shown` (RingOut callbacks already merged away; `ring_outs` names the
    /// agent's own RingOuts among them). A `complete` list ends every call it does not show —
    /// except, for a presence event (`read_at` unset), calls telephony sessions told of.
    fn update(
        &mut self,
        shown: &[&ActiveCall],
        ring_outs: &[String],
        complete: bool,
        read_at: Option<Instant>,
    ) -> Vec<LiveChange> {
        let now = Instant::now();
        let mut seen = BTreeSet::new();
        let mut over = BTreeSet::new();
        let mut changes = Vec::new();
        for &call in shown {
            let Some(session_id) = bounded(call.session_id.as_deref()) else {
                continue;
            };
            let state = match status(call) {
                Status::Live(state) => state,
                Status::Pending => {
                    seen.insert(session_id);
                    continue;
                }
                Status::Over => {
                    over.insert(session_id);
                    continue;
                }
            };
            let inbound = call.direction.as_deref() == Some("Inbound");
            let (number, name) = if inbound {
                (call.from.as_deref(), call.from_name.as_deref())
            } else {
                (call.to.as_deref(), call.to_name.as_deref())
            };
            let ring_out = ring_outs.contains(&call.id);
            if ring_out {
                self.placing = None;
            }
            let callback = inbound
                && self
                    .placing
                    .as_deref()
                    .is_some_and(|placing| legs::digits(number) == placing);
            if callback {
                continue;
            }
            seen.insert(session_id.clone());
            if self.newer_than(&session_id, read_at) {
                continue;
            }
            let previous = self.calls.get(&session_id);
            let next = LiveCall {
                telephony_session_id: bounded(call.telephony_session_id.as_deref()),
                party_id: bounded(call.party_id.as_deref()),
                inbound,
                ring_out: ring_out || previous.is_some_and(|p| p.ring_out),
                number: bounded(number).unwrap_or_default(),
                name: bounded(name),
                state,
                answered: state == CallState::Connected || previous.is_some_and(|p| p.answered),
                started: start_time(call.start_time.as_deref())
                    .or_else(|| previous.and_then(|p| p.started)),
                session_id: session_id.clone(),
            };
            let change = match previous {
                None if inbound && state == CallState::Ringing => {
                    Some(LiveChange::Ringing { call: next.clone() })
                }
                None => Some(LiveChange::Changed { call: next.clone() }),
                Some(p) if p.state != state => Some(LiveChange::Changed { call: next.clone() }),
                Some(_) => None,
            };
            changes.extend(change);
            if read_at.is_none() {
                self.touched.insert(session_id.clone(), now);
            }
            self.calls.insert(session_id, next);
        }
        let gone: Vec<String> = self
            .calls
            .keys()
            .filter(|key| {
                let unlisted = complete
                    && !seen.contains(*key)
                    && (read_at.is_some() || !self.from_sessions.contains(*key));
                (unlisted || over.contains(*key)) && !self.newer_than(key, read_at)
            })
            .cloned()
            .collect();
        for key in gone {
            self.touched.remove(&key);
            self.from_sessions.remove(&key);
            if self.ended.len() == REMEMBERED_ENDS {
                self.ended.pop_front();
            }
            self.ended.push_back((key.clone(), now));
            if let Some(mut call) = self.calls.remove(&key) {
                let missed = call.inbound && !call.answered;
                call.state = CallState::Ended;
                changes.push(LiveChange::Ended { call, missed });
            }
        }
        changes
    }
}
