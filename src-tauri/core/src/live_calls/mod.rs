//! The agent's live calls as RingCentral's detailed presence (and, with `CallControl`, its
//! telephony-session events) tell them: inbound calls that
//! ring, get answered, end or are missed; the agent's own RingOut (whose two legs are merged
//! into one outbound call, so its callback never pops as an incoming call); presence events
//! that arrive late or twice are ignored; a cut list asks to be read again.
//!
//! [`LiveCalls`] is pure state: the real-time layer feeds it events and re-reads, the
//! application layer turns its [`LiveChange`]s into notifications and cache records.

mod legs;
mod model;
mod sessions;

pub use model::{Applied, CallState, LiveCall, LiveCalls, LiveChange};

#[cfg(test)]
mod session_tests;
#[cfg(test)]
mod tests;
