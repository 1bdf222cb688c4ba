//! Listening on a subscribed socket until it ends: notifications go to the inbox (instant SMS)
//! or ask for a catch-up (`message-store` changes); the latest `wsc` is kept for recovery; a
//! `Heartbeat` goes out after a silence and a socket that stays silent after it is dead; a
//! wall-clock jump (the machine slept) ends the socket session so it is rebuilt and caught up.

use std::time::{Duration, SystemTime};

use serde_json::Value;
use tokio::time::{interval, sleep_until, Instant, MissedTickBehavior};

use super::catch_up::Trigger;
use super::error::RealtimeError;
use super::event::RealtimeEvent;
use super::frame::{self, Incoming, Wsc};
use super::gap::JumpWatch;
use super::options::{RealtimeOptions, TEAM_CHATS_FILTER, TEAM_POSTS_FILTER};
use super::side::{Side, Step};
use super::socket::Socket;
use crate::clock::Clock;
use crate::team::{apply_chat_event, apply_post_event, ChatChange};

/// What a socket session carries to the next: the recovery token and the subscription.
#[derive(Debug, Default)]
pub(crate) struct Resume {
    /// The latest `wsc` (token and sequence).
    pub wsc: Option<Wsc>,
    /// The subscription id.
    pub subscription: Option<String>,
    /// RingCentral's idle timeout for this connection (bounded: `ServerDuration::IdleTimeout`).
    pub idle_timeout: Option<Duration>,
}

impl Resume {
    /// Keeps `wsc` when it is newer (a higher sequence, or another socket session's token).
    pub fn track(&mut self, wsc: Option<Wsc>) {
        if let Some(wsc) = wsc {
            let newer = self
                .wsc
                .as_ref()
                .is_none_or(|w| w.token != wsc.token || wsc.sequence > w.sequence);
            if newer {
                self.wsc = Some(wsc);
            }
        }
    }
}

/// Why a socket session ended.
#[derive(Debug)]
pub(crate) enum End {
    /// Stop was asked.
    Stop,
    /// The socket broke or the server ended it.
    Dropped(RealtimeError),
    /// A gap: the machine slept (since `since`, when known), or the shell nudged; reconnect
    /// at once.
    Gap {
        /// Why.
        reason: String,
        /// The last wall time before a clock jump: when the socket was really lost.
        since: Option<SystemTime>,
    },
}

enum Wake {
    Frame(Result<Option<Incoming>, RealtimeError>),
    Check,
    Tick,
}

/// Serves `socket` until it ends. `early` are frames that arrived before the subscription reply.
pub(crate) async fn listen(
    socket: &mut Socket,
    side: &mut Side,
    resume: &mut Resume,
    options: &RealtimeOptions,
    clock: &dyn Clock,
    early: Vec<Incoming>,
) -> End {
    for incoming in early {
        if let Some(end) = handle(incoming, side, resume, options) {
            return end;
        }
    }
    let keepalive = resume
        .idle_timeout
        .map_or(Duration::from_secs(900), |idle| idle / 2);
    let mut ticker = interval(options.tick);
    ticker.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut jumps = JumpWatch::new(
        clock.now(),
        std::time::Instant::now(),
        options.jump_threshold,
    );
    let (mut heard, mut sent) = (Instant::now(), Instant::now());
    let mut heartbeat: Option<Instant> = None;
    loop {
        let check = match heartbeat {
            Some(at) => at + options.heartbeat_timeout,
            None => {
                let quiet = heard + options.heartbeat_after;
                sent.checked_add(keepalive)
                    .map_or(quiet, |due| quiet.min(due))
            }
        };
        let work = async {
            tokio::select! {
                frame = socket.next() => Wake::Frame(frame),
                _ = sleep_until(check) => Wake::Check,
                _ = ticker.tick() => Wake::Tick,
            }
        };
        let wake = match side.during(work, true).await {
            Step::Done(wake) => wake,
            Step::Nudged => {
                return End::Gap {
                    reason: "asked to reconnect".into(),
                    since: None,
                }
            }
            Step::Stop => return End::Stop,
        };
        match wake {
            Wake::Frame(Err(error)) => return End::Dropped(error),
            Wake::Frame(Ok(frame)) => {
                heard = Instant::now();
                heartbeat = None;
                if let Some(end) = frame.and_then(|f| handle(f, side, resume, options)) {
                    return end;
                }
            }
            Wake::Check if heartbeat.is_some() => {
                let after = options.heartbeat_after + options.heartbeat_timeout;
                return End::Dropped(RealtimeError::Timeout {
                    what: "frame or heartbeat echo",
                    after,
                });
            }
            Wake::Check => {
                if let Err(error) = socket.send(frame::heartbeat(&frame::message_id())).await {
                    return End::Dropped(error);
                }
                (heartbeat, sent) = (Some(Instant::now()), Instant::now());
            }
            Wake::Tick => {
                if let Some((jump, before)) = jumps.check(clock.now(), std::time::Instant::now()) {
                    return End::Gap {
                        reason: format!("the clock jumped {} s", jump.as_secs()),
                        since: Some(before),
                    };
                }
            }
        }
    }
}

/// Handles one frame; `Some` when it ends the socket session.
fn handle(
    incoming: Incoming,
    side: &mut Side,
    resume: &mut Resume,
    options: &RealtimeOptions,
) -> Option<End> {
    match incoming {
        Incoming::Notification {
            wsc,
            event,
            subscription_id,
            owner_id,
            body,
        } => {
            resume.track(wsc);
            let ours = match (&resume.subscription, &subscription_id) {
                (Some(ours), Some(theirs)) => ours == theirs,
                _ => true,
            };
            if !ours {
                tracing::debug!("a notification for another subscription");
            } else if event.contains("/message-store/instant") {
                if let Err(error) = side.inbox.instant(&body) {
                    tracing::warn!(%error, "an instant SMS event could not be stored; syncing");
                    side.catch_up.gap();
                }
            } else if event.contains("/message-store") {
                side.catch_up.ask(changes(&body), options.change_debounce);
            } else if event.starts_with(TEAM_POSTS_FILTER) {
                match apply_post_event(side.inbox.store(), &body) {
                    Ok(change) => side.inbox.emit(RealtimeEvent::TeamPost(change)),
                    Err(error) => {
                        tracing::warn!(%error, "a post event could not be stored; reading the chats");
                        side.catch_up.chats();
                    }
                }
            } else if event.starts_with(TEAM_CHATS_FILTER) {
                match apply_chat_event(side.inbox.store(), &body) {
                    Ok(change) => {
                        if matches!(change, ChatChange::Changed(_)) {
                            side.catch_up.chats();
                        }
                        side.inbox.emit(RealtimeEvent::TeamChat(change));
                    }
                    Err(error) => {
                        tracing::warn!(%error, "a chat event could not be stored; reading the chats");
                        side.catch_up.chats();
                    }
                }
            } else if event.contains("/telephony/sessions") {
                let own = owner_id.as_deref();
                if let Err(error) = side.line.session_event(&mut side.inbox, &body, own) {
                    tracing::warn!(%error, "a telephony-session event could not be used; reading presence");
                    side.catch_up.presence();
                }
            } else if event.contains("/presence") {
                match side.line.event(&mut side.inbox, &body) {
                    Ok(false) => {}
                    Ok(true) => side.catch_up.presence(),
                    Err(error) => {
                        tracing::warn!(%error, "a presence event could not be used; reading presence");
                        side.catch_up.presence();
                    }
                }
            }
            None
        }
        Incoming::ConnectionDetails { wsc, .. } => {
            resume.track(wsc);
            None
        }
        Incoming::Error { code, message } => {
            Some(End::Dropped(RealtimeError::Ended { code, message }))
        }
        Incoming::Response { .. } | Incoming::Heartbeat | Incoming::Other => None,
    }
}

/// What a `message-store` event (`changes[{type, newCount, updatedCount, newMessageIds}]`)
/// asks for. An unreadable one asks for a full catch-up.
fn changes(body: &Value) -> Trigger {
    let Some(changes) = body.get("changes").and_then(Value::as_array) else {
        return Trigger {
            gap: true,
            ..Trigger::default()
        };
    };
    let mut trigger = Trigger::default();
    let sms = |change: &&Value| {
        change
            .get("type")
            .and_then(Value::as_str)
            .is_none_or(|kind| kind.eq_ignore_ascii_case("SMS"))
    };
    for change in changes.iter().filter(sms) {
        let count = |name: &str| change.get(name).and_then(Value::as_u64).unwrap_or(0);
        let ids: Vec<i64> = change
            .get("newMessageIds")
            .and_then(Value::as_array)
            .map(|ids| ids.iter().filter_map(Value::as_i64).collect())
            .unwrap_or_default();
        trigger.updated |= count("updatedCount") > 0 || count("newCount") > ids.len() as u64;
        trigger.new_ids.extend(ids);
    }
    trigger
}
