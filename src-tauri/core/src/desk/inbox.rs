//! Real-time texts for the window: the inbox watch (RingCentral WebSocket subscription, with
//! recovery, catch-up and polling) started for the signed-in session, its events turned into
//! window events — a new text to notify about, messages to re-read, connection health.

use std::sync::Arc;

use tokio::sync::mpsc::UnboundedReceiver;

use crate::realtime::{ConnectionState, InboxWatch, RealtimeEvent, RealtimeOptions};

use super::{ConnectionView, Desk, DeskEvent, Live, NewText};

/// The running watch, replaced on each sign-in.
#[derive(Default)]
pub(crate) struct Inbox {
    watch: tokio::sync::Mutex<Option<InboxWatch>>,
    state: std::sync::Mutex<Option<ConnectionView>>,
}

impl Desk {
    /// Starts watching for texts for the signed-in session (stopping any earlier watch).
    pub(crate) async fn watch_inbox(self: &Arc<Self>, live: &Live) {
        self.stop_inbox().await;
        let profile = self.profile();
        let cache = self.paths.cache(&profile.name, profile.mode);
        let client = live.connection.client().clone();
        match InboxWatch::start(client, &cache, live.country, RealtimeOptions::default()) {
            Ok((watch, events)) => {
                *self.inbox.watch.lock().await = Some(watch);
                tokio::spawn(relay(self.clone(), events));
            }
            Err(error) => tracing::warn!(%error, "live updates could not start"),
        }
    }

    /// Stops watching (signed out, reset).
    pub(crate) async fn stop_inbox(&self) {
        if let Some(watch) = self.inbox.watch.lock().await.take() {
            watch.stop().await;
        }
    }

    /// Reconnect and catch up now: after sleep, a network change, or "Reset connection".
    pub async fn nudge_inbox(&self) {
        if let Some(watch) = self.inbox.watch.lock().await.as_ref() {
            watch.nudge();
        }
    }

    /// Live updates' health, for the status strip and the tray.
    pub fn connection(&self) -> Option<ConnectionView> {
        self.inbox.state.lock().ok().and_then(|s| s.clone())
    }
}

async fn relay(desk: Arc<Desk>, mut events: UnboundedReceiver<RealtimeEvent>) {
    while let Some(event) = events.recv().await {
        match event {
            RealtimeEvent::InboundSms(sms) => {
                let number = sms
                    .from
                    .key
                    .clone()
                    .unwrap_or_else(|| sms.from.number.clone());
                desk.emit(DeskEvent::NewText(NewText {
                    message_id: sms.message_id,
                    sender: sms.sender_name().to_string(),
                    text: sms.text.clone(),
                    number: number.clone(),
                }));
                desk.announce_messages(Some(number));
            }
            RealtimeEvent::MessagesChanged(_) => desk.announce_messages(None),
            RealtimeEvent::Connection(state) => {
                let view = connection_view(&state);
                if let Ok(mut current) = desk.inbox.state.lock() {
                    *current = Some(view.clone());
                }
                desk.emit(DeskEvent::Connection(view));
            }
        }
    }
}

/// The strip's words for the watch's state.
pub(crate) fn connection_view(state: &ConnectionState) -> ConnectionView {
    let at = |t: &chrono::DateTime<chrono::Utc>| u64::try_from(t.timestamp_millis()).ok();
    match state {
        ConnectionState::Connected { .. } => ConnectionView {
            state: "online",
            retry_at: None,
            message: None,
        },
        ConnectionState::Connecting => ConnectionView {
            state: "reconnecting",
            retry_at: None,
            message: None,
        },
        ConnectionState::Reconnecting {
            retry_at, reason, ..
        } => ConnectionView {
            state: "reconnecting",
            retry_at: at(retry_at),
            message: Some(reason.clone()),
        },
        ConnectionState::Polling { reason, .. } => ConnectionView {
            state: "polling",
            retry_at: None,
            message: Some(reason.clone()),
        },
        ConnectionState::Offline {
            retry_at, reason, ..
        } => ConnectionView {
            state: "offline",
            retry_at: at(retry_at),
            message: Some(reason.clone()),
        },
        _ => ConnectionView {
            state: "offline",
            retry_at: None,
            message: Some("live updates stopped".into()),
        },
    }
}
