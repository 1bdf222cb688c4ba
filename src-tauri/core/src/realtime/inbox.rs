//! The cache side of the real-time inbox: messages pushed over the WebSocket are written, and
//! every write is followed by claiming the announcements it makes due — so an inbound text
//! becomes exactly one [`RealtimeEvent::InboundSms`], whichever path stored it first.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::Value;
use tokio::sync::mpsc::UnboundedSender;

use super::error::RealtimeError;
use super::event::{ConnectionState, InboundSms, MessagesChanged, RealtimeEvent, Via};
use super::instant;
use crate::clock::Clock;
use crate::phone::Country;
use crate::store::{MessageEntry, Store};

/// Announcements claimed per transaction.
const CLAIM_BATCH: usize = 100;

/// The first horizon lies this far before the first start, for clocks a little apart.
const HORIZON_SLACK: Duration = Duration::from_secs(10);

/// The main task's cache connection and the event channel.
#[derive(Debug)]
pub(crate) struct Inbox {
    store: Store,
    events: UnboundedSender<RealtimeEvent>,
    clock: Arc<dyn Clock>,
    max_age: Duration,
    state: Option<ConnectionState>,
}

impl Inbox {
    /// Opens the cache at `path`, fixing the announce horizon on the very first start (history
    /// is never announced) and pruning ledger rows too old to matter.
    pub fn open(
        path: &Path,
        country: Country,
        events: UnboundedSender<RealtimeEvent>,
        clock: Arc<dyn Clock>,
        max_age: Duration,
    ) -> Result<Self, RealtimeError> {
        let mut store = Store::open(path, country)?;
        let now: DateTime<Utc> = clock.now().into();
        store.announce_horizon(now - HORIZON_SLACK)?;
        let month = chrono::Duration::days(30);
        let max_age_chrono = chrono::Duration::from_std(max_age).unwrap_or(month);
        store.prune_announced(now - max_age_chrono - month)?;
        Ok(Self {
            store,
            events,
            clock,
            max_age,
            state: None,
        })
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now().into()
    }

    fn cutoff(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - chrono::Duration::from_std(self.max_age).unwrap_or(chrono::Duration::days(1))
    }

    /// The cache connection of the inbox's task.
    pub fn store(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Sends an event to the shell.
    pub fn emit(&self, event: RealtimeEvent) {
        // A closed receiver means nobody listens any more; the cache is still kept current.
        let _ = self.events.send(event);
    }

    /// Stores a pushed instant SMS, then announces what is due (it, unless already announced).
    pub fn instant(&mut self, body: &Value) -> Result<(), RealtimeError> {
        let message = instant::message(body)?;
        let now = self.now();
        let cutoff = self.cutoff(now);
        let mut batch = self.store.batch()?;
        batch.put_message(&message)?;
        let claimed = batch.claim_announcements(cutoff, now, CLAIM_BATCH)?;
        batch.commit()?;
        self.emit_claimed(claimed, Via::Push);
        self.emit(RealtimeEvent::MessagesChanged(MessagesChanged {
            conversations: Some(vec![message.conversation_id]),
        }));
        Ok(())
    }

    /// Announces every message that is due (after a sync wrote into the cache).
    pub fn announce(&mut self, via: Via) -> Result<(), RealtimeError> {
        loop {
            let now = self.now();
            let claimed = self
                .store
                .claim_announcements(self.cutoff(now), now, CLAIM_BATCH)?;
            let more = claimed.len() == CLAIM_BATCH;
            self.emit_claimed(claimed, via);
            if !more {
                return Ok(());
            }
        }
    }

    fn emit_claimed(&self, claimed: Vec<MessageEntry>, via: Via) {
        for entry in claimed {
            tracing::info!(message = entry.id, ?via, "new inbound SMS");
            self.emit(RealtimeEvent::InboundSms(InboundSms::from_entry(
                entry, via,
            )));
        }
    }

    /// Tells the shell that any message may have changed.
    pub fn changed(&self) {
        self.emit(RealtimeEvent::MessagesChanged(MessagesChanged {
            conversations: None,
        }));
    }

    /// Reports the connection state, when it differs from the last one reported.
    pub fn state(&mut self, state: ConnectionState) {
        if self.state.as_ref() != Some(&state) {
            tracing::info!(?state, "real-time inbox");
            self.state = Some(state.clone());
            self.emit(RealtimeEvent::Connection(state));
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use tokio::sync::mpsc::unbounded_channel;

    use super::*;
    use crate::clock::SystemClock;

    fn body(id: i64, direction: &str) -> Value {
        let now = chrono::Utc::now().to_rfc3339();
        json!({"id": id.to_string(), "conversation": {"id": "77"}, "direction": direction,
               "from": {"phoneNumber": "+14155550123"}, "to": [{"phoneNumber": "+16505550101"}],
               "creationTime": now, "lastModifiedTime": now, "readStatus": "Unread",
               "subject": "hello", "availability": "Alive"})
    }

    #[test]
    fn a_replayed_event_is_announced_once_and_outbound_never() {
        let dir = tempfile::TempDir::new().expect("a temp dir");
        let path = dir.path().join("cache.sqlite3");
        let us = Country::from_iso_code("US").expect("US");
        let (events, mut received) = unbounded_channel();
        let day = Duration::from_secs(86_400);
        let mut inbox =
            Inbox::open(&path, us, events, Arc::new(SystemClock), day).expect("cache opens");
        inbox.instant(&body(1, "Inbound")).expect("stored");
        inbox.instant(&body(1, "Inbound")).expect("replay stored");
        inbox.instant(&body(2, "Outbound")).expect("ours stored");
        let mut announced = Vec::new();
        while let Ok(event) = received.try_recv() {
            if let RealtimeEvent::InboundSms(sms) = event {
                announced.push(sms.message_id);
            }
        }
        assert_eq!(
            announced,
            [1],
            "one event for the replay, none for our own text"
        );
        drop(inbox);
        let (events, mut received) = unbounded_channel();
        let mut again =
            Inbox::open(&path, us, events, Arc::new(SystemClock), day).expect("reopens");
        again.announce(Via::Sync).expect("announce after a restart");
        assert!(
            received.try_recv().is_err(),
            "a restart does not announce old texts again"
        );
    }
}
