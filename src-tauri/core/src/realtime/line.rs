//! The agent's phone line over the inbox's socket: detailed-presence events feed the live-call
//! model; a missed call is written into the cache before it is announced; presence read again
//! after a gap (or a cut list) reconciles what the socket may have missed.

use std::time::Instant;

use chrono::Utc;
use serde_json::Value;

use super::error::RealtimeError;
use super::event::{PresenceView, RealtimeEvent};
use super::inbox::Inbox;
use crate::api::models::Presence;
use crate::live_calls::{LiveCall, LiveCalls, LiveChange};
use crate::store::{CallParty, CallRecord, Direction};

/// The longest presence status kept from the server.
const LONGEST_STATUS: usize = 40;

/// The live-call model and the last presence told.
#[derive(Debug, Default)]
pub(crate) struct Line {
    live: LiveCalls,
    told: Option<PresenceView>,
}

fn status(text: Option<&str>, default: &str) -> String {
    text.unwrap_or(default)
        .chars()
        .take(LONGEST_STATUS)
        .collect()
}

impl Line {
    /// Applies a detailed-presence event; answers whether presence must be read again (its
    /// list of calls was cut).
    pub fn event(&mut self, inbox: &mut Inbox, body: &Value) -> Result<bool, RealtimeError> {
        let presence: Presence = serde_json::from_value(body.clone()).map_err(|error| {
            RealtimeError::Protocol(format!("a presence event could not be read: {error}"))
        })?;
        let applied = self.live.event(&presence);
        if !applied.stale {
            self.tell_presence(inbox, &presence);
        }
        self.changed(inbox, applied.changes)?;
        Ok(applied.reread)
    }

    /// Applies presence read again over REST at `read_at`: its list of calls is complete.
    pub fn reread(
        &mut self,
        inbox: &mut Inbox,
        presence: &Presence,
        read_at: Instant,
    ) -> Result<(), RealtimeError> {
        self.tell_presence(inbox, presence);
        let changes = self.live.reread(presence, read_at);
        self.changed(inbox, changes)
    }

    /// Tells the shell the agent's presence when it changed.
    fn tell_presence(&mut self, inbox: &Inbox, presence: &Presence) {
        let view = PresenceView {
            user_status: status(presence.user_status.as_deref(), "Available"),
            dnd_status: status(presence.dnd_status.as_deref(), "TakeAllCalls"),
            telephony_status: status(presence.telephony_status.as_deref(), "NoCall"),
        };
        if self.told.as_ref() != Some(&view) {
            self.told = Some(view.clone());
            inbox.emit(RealtimeEvent::Presence(view));
        }
    }

    fn changed(
        &mut self,
        inbox: &mut Inbox,
        changes: Vec<LiveChange>,
    ) -> Result<(), RealtimeError> {
        for change in changes {
            if let LiveChange::Ended { call, missed: true } = &change {
                inbox.store().put_live_call(&missed_record(call))?;
            }
            inbox.emit(RealtimeEvent::Call(change));
        }
        Ok(())
    }
}

/// The cache row of a missed call, until the call log brings the real record.
fn missed_record(call: &LiveCall) -> CallRecord {
    CallRecord {
        id: String::new(),
        session_id: call.session_id.clone(),
        start: call.started.unwrap_or_else(Utc::now),
        duration_secs: 0,
        direction: Direction::Inbound,
        kind: "Voice".into(),
        action: "Phone Call".into(),
        result: "Missed".into(),
        from: CallParty {
            number: Some(call.number.clone()).filter(|n| !n.is_empty()),
            extension: None,
            name: call.name.clone(),
        },
        to: CallParty::default(),
        legs: Vec::new(),
        raw: None,
    }
}
