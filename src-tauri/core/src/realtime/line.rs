//! The agent's phone line over the inbox's socket: detailed-presence events (and, with
//! `CallControl`, telephony-session events) feed the live-call model; a missed call is written into the cache before it is announced; presence read again
//! after a gap (or a cut list) reconciles what the socket may have missed.

use std::time::Instant;

use chrono::Utc;
use serde_json::Value;

use super::error::RealtimeError;
use super::event::{PresenceView, RealtimeEvent};
use super::inbox::Inbox;
use crate::api::models::{Presence, TelephonySessionEvent};
use crate::live_calls::{LiveCall, LiveCalls, LiveChange};
use crate::store::{CallParty, CallRecord, Direction};

/// The longest presence status kept from the server.
const LONGEST_STATUS: usize = 40;

/// The live-call model and the last presence told.
#[derive(Debug, Default)]
pub(crate) struct Line {
    live: LiveCalls,
    told: Option<PresenceView>,
    /// When a presence event last set the agent's status: a read of presence that started
    /// before it is older news and does not undo it.
    event_at: Option<Instant>,
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
            self.event_at = Some(Instant::now());
            self.tell_presence(inbox, &presence);
        }
        self.changed(inbox, applied.changes)?;
        Ok(applied.reread)
    }

    /// Applies a telephony-session event (granted with `CallControl`) of the agent
    /// `own_extension`.
    pub fn session_event(
        &mut self,
        inbox: &mut Inbox,
        body: &Value,
        own_extension: Option<&str>,
    ) -> Result<(), RealtimeError> {
        let event: TelephonySessionEvent =
            serde_json::from_value(body.clone()).map_err(|error| {
                RealtimeError::Protocol(format!(
                    "a telephony-session event could not be read: {error}"
                ))
            })?;
        let applied = self.live.session_event(&event, own_extension);
        self.changed(inbox, applied.changes)
    }

    /// Applies presence read again over REST at `read_at`: its list of calls is complete.
    pub fn reread(
        &mut self,
        inbox: &mut Inbox,
        presence: &Presence,
        read_at: Instant,
    ) -> Result<(), RealtimeError> {
        if self.event_at.is_none_or(|at| at <= read_at) {
            self.tell_presence(inbox, presence);
        }
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use tokio::sync::mpsc::unbounded_channel;

    use super::*;
    use crate::clock::SystemClock;
    use crate::phone::Country;

    #[test]
    fn a_presence_read_older_than_an_event_does_not_undo_it() {
        let dir = tempfile::TempDir::new().expect("a temp dir");
        let us = Country::from_iso_code("US").expect("US");
        let (events, mut told) = unbounded_channel();
        let day = Duration::from_secs(86_400);
        let path = dir.path().join("cache.sqlite3");
        let mut inbox =
            Inbox::open(&path, us, events, Arc::new(SystemClock), day).expect("cache opens");
        let mut line = Line::default();
        let read_at = Instant::now();
        let busy = serde_json::json!({ "userStatus": "Busy", "sequence": 1 });
        line.event(&mut inbox, &busy).expect("an event");
        let before = Presence {
            user_status: Some("Available".into()),
            ..Presence::default()
        };
        line.reread(&mut inbox, &before, read_at).expect("a read");
        let mut statuses = Vec::new();
        while let Ok(event) = told.try_recv() {
            if let RealtimeEvent::Presence(view) = event {
                statuses.push(view.user_status);
            }
        }
        assert_eq!(statuses, ["Busy"], "the older read is not told");
        line.reread(&mut inbox, &before, Instant::now())
            .expect("a newer read");
        let newer = told.try_recv();
        assert!(
            matches!(newer, Ok(RealtimeEvent::Presence(ref v)) if v.user_status == "Available"),
            "a read after the event is news: {newer:?}"
        );
    }
}
