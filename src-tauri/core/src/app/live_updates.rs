//! Live updates for the window: the realtime inbox watch (RingCentral WebSocket subscription,
//! with recovery, catch-up and polling; telephony sessions too when the app has `CallControl`)
//! started for the signed-in session, its events turned into
//! window events — a new text to notify about, messages to re-read, the health of live updates.

use std::sync::Arc;

use tokio::sync::broadcast;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::live_calls::LiveChange;
use crate::realtime::{
    ConnectionState, InboxWatch, RealtimeEvent, RealtimeOptions, TEAM_CHATS_FILTER,
    TEAM_POSTS_FILTER, TELEPHONY_SESSIONS_FILTER,
};
use crate::team::{ChatChange, PostChange};

use super::{ChatsChange, Desk, DeskEvent, Error, Live, LiveState, LiveView, NewText};

/// The running watch, replaced on each sign-in, and its last reported health.
#[derive(Default)]
pub(crate) struct LiveUpdates {
    watch: tokio::sync::Mutex<Option<InboxWatch>>,
    state: std::sync::Mutex<Option<LiveView>>,
}

impl Desk {
    /// Starts watching for texts for the signed-in session (stopping any earlier watch).
    pub(crate) async fn start_live_updates(self: &Arc<Self>, live: &Live) {
        self.stop_live_updates().await;
        let profile = self.profile();
        let cache = self.paths.cache(&profile.name, profile.mode);
        let client = live.connection.client().clone();
        let mut options = RealtimeOptions::default();
        if self.call_control().await {
            options.event_filters.push(TELEPHONY_SESSIONS_FILTER.into());
        }
        if self.granted("TeamMessaging").await {
            options.event_filters.push(TEAM_POSTS_FILTER.into());
            options.event_filters.push(TEAM_CHATS_FILTER.into());
        }
        match InboxWatch::start(client, &cache, live.country, options) {
            Ok((watch, events)) => {
                *self.updates.watch.lock().await = Some(watch);
                tokio::spawn(relay(self.clone(), events));
            }
            Err(error) => tracing::warn!(%error, "live updates could not start"),
        }
    }

    /// Stops watching (signed out, reset).
    pub(crate) async fn stop_live_updates(&self) {
        if let Some(watch) = self.updates.watch.lock().await.take() {
            watch.stop().await;
        }
    }

    /// Follows live calls and texts for a command (`ringdesk calls --live`): starts the watch
    /// for the signed-in session; answers the events from now on.
    pub async fn follow_live(self: &Arc<Self>) -> Result<broadcast::Receiver<DeskEvent>, Error> {
        let live = self.live().await?;
        let events = self.subscribe();
        self.start_live_updates(&live).await;
        Ok(events)
    }

    /// Reconnect and catch up now: after sleep, a network change, or "Reset connection".
    pub async fn nudge_live_updates(&self) {
        if let Some(watch) = self.updates.watch.lock().await.as_ref() {
            watch.nudge();
        }
    }

    /// Live updates' health, for the status strip and the tray.
    pub fn live_updates(&self) -> Option<LiveView> {
        self.updates.state.lock().ok().and_then(|s| s.clone())
    }

    /// How often texts are checked for while WebSockets are unavailable.
    pub(crate) fn poll_every(&self) -> std::time::Duration {
        RealtimeOptions::default().poll_interval
    }
}

async fn relay(desk: Arc<Desk>, mut events: UnboundedReceiver<RealtimeEvent>) {
    while let Some(event) = events.recv().await {
        match event {
            RealtimeEvent::InboundSms(sms) => {
                let text = NewText::of(&sms);
                let number = text.number.clone();
                desk.emit(DeskEvent::NewText(text));
                desk.announce_messages(Some(number));
            }
            RealtimeEvent::MessagesChanged(_) => desk.announce_messages(None),
            RealtimeEvent::Call(change) => {
                let alert = desk.call_alert(&change);
                let card = match &change {
                    LiveChange::Ended { call, .. } => desk.keep_live_draft(call),
                    _ => None,
                };
                desk.emit(DeskEvent::LiveCall(Box::new(change)));
                if let Some(card) = card {
                    desk.emit(DeskEvent::WrapUp(Box::new(card)));
                }
                if let Some(alert) = alert {
                    let missed = alert.kind == super::AlertKind::Missed;
                    // The agent may not want this kind popped at all (banner and notification).
                    let settings = desk.settings_in_force();
                    if (missed && settings.missed_call_alerts) || (!missed && settings.call_alerts)
                    {
                        desk.emit(DeskEvent::CallAlert(alert));
                    }
                    if missed {
                        desk.count_missed();
                    }
                }
            }
            RealtimeEvent::Presence(presence) => desk.emit(DeskEvent::Presence(presence)),
            RealtimeEvent::TeamPost(change) => {
                if let PostChange::Added { post } = &change {
                    if let Some(alert) = desk.chat_alert(post).await {
                        desk.emit(DeskEvent::ChatAlert(alert));
                    }
                }
                let chat = match change {
                    PostChange::Added { post } | PostChange::Changed { post } => Some(post.chat_id),
                    PostChange::Removed { chat, .. } => chat,
                    PostChange::Ignored => continue,
                };
                desk.emit(DeskEvent::Chats(ChatsChange { chat }));
            }
            RealtimeEvent::TeamChat(change) => {
                let chat = match change {
                    ChatChange::Changed(id) | ChatChange::Left(id) => Some(id),
                    ChatChange::Ignored => continue,
                };
                desk.emit(DeskEvent::Chats(ChatsChange { chat }));
            }
            RealtimeEvent::TeamCaughtUp { new_posts: 0 } => {}
            RealtimeEvent::TeamCaughtUp { .. } => {
                desk.emit(DeskEvent::Chats(ChatsChange { chat: None }))
            }
            RealtimeEvent::Connection(state) => {
                let view = live_view(&state, desk.poll_every());
                if let Ok(mut current) = desk.updates.state.lock() {
                    *current = Some(view.clone());
                }
                desk.emit(DeskEvent::Connection(view));
            }
        }
    }
}

/// The window's view of the watch's state.
pub(crate) fn live_view(state: &ConnectionState, poll_every: std::time::Duration) -> LiveView {
    let at = |t: &chrono::DateTime<chrono::Utc>| u64::try_from(t.timestamp_millis()).ok();
    let (state, retry_at, message) = match state {
        ConnectionState::Connected { .. } => (LiveState::Online, None, None),
        ConnectionState::Connecting => (LiveState::Reconnecting, None, None),
        ConnectionState::Reconnecting {
            retry_at, reason, ..
        } => (LiveState::Reconnecting, at(retry_at), Some(reason.clone())),
        ConnectionState::Polling { reason, .. } => (LiveState::Polling, None, Some(reason.clone())),
        ConnectionState::Offline {
            retry_at, reason, ..
        } => (LiveState::Offline, at(retry_at), Some(reason.clone())),
        _ => (
            LiveState::Offline,
            None,
            Some("live updates stopped".to_string()),
        ),
    };
    LiveView::new(state, poll_every, retry_at, message)
}
