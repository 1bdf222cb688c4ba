//! WebSocket sessions and notification dispatch. A session outlives its connection for the
//! recovery window: events that arrive while it is disconnected are buffered (the latest 100)
//! and replayed when the client reconnects with its `wsc` token.

use super::filters::{EventKind, Filter};
use super::frames;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use tokio::sync::mpsc::UnboundedSender;

/// Most buffered notifications per disconnected session (`recoveryBufferSize`).
const RECOVERY_BUFFER: usize = 100;

/// What a connection task is told to do.
#[derive(Debug)]
pub enum Outgoing {
    /// Send this text frame.
    Text(String),
    /// Drop the connection at once, without a close frame (`/sim/ws/drop`).
    Drop,
}

/// A subscription made over the socket.
#[derive(Clone, Debug)]
pub struct Subscription {
    /// UUID.
    pub id: String,
    /// The filters as given.
    pub filters: Vec<String>,
    /// Parsed filters.
    pub parsed: Vec<Filter>,
    /// `creationTime`.
    pub created: DateTime<Utc>,
    /// `expiresIn` (renewed automatically for WebSocket subscriptions).
    pub expires_in: u32,
}

/// A WebSocket session (keyed by its `wsc` token).
#[derive(Debug)]
pub struct WsSession {
    /// Owner extension.
    pub owner: u64,
    /// The OAuth session it acts for (tunnelled REST requests use its current access token).
    pub oauth_session: String,
    /// The active subscription (one per connection).
    pub subscription: Option<Subscription>,
    sequence: u64,
    sender: Option<(u64, UnboundedSender<Outgoing>)>,
    disconnected_at: Option<DateTime<Utc>>,
    missed: VecDeque<(String, Value)>,
}

/// All WebSocket sessions.
#[derive(Debug, Default)]
pub struct Hub {
    sessions: HashMap<String, WsSession>,
    next_connection: u64,
}

impl Hub {
    /// Registers a new session and its connection. Returns the connection number.
    pub fn open(
        &mut self,
        wsc: &str,
        owner: u64,
        oauth_session: &str,
        sender: UnboundedSender<Outgoing>,
    ) -> u64 {
        self.next_connection += 1;
        let session = WsSession {
            owner,
            oauth_session: oauth_session.to_owned(),
            subscription: None,
            sequence: 0,
            sender: Some((self.next_connection, sender)),
            disconnected_at: None,
            missed: VecDeque::new(),
        };
        self.sessions.insert(wsc.to_owned(), session);
        self.next_connection
    }

    /// Re-attaches a connection to a disconnected session within the recovery window. Returns
    /// the connection number and the buffered notifications, or `None` when recovery fails.
    pub fn recover(
        &mut self,
        wsc: &str,
        owner: u64,
        oauth_session: &str,
        sender: UnboundedSender<Outgoing>,
        now: DateTime<Utc>,
        window: chrono::Duration,
    ) -> Option<(u64, Vec<(String, Value)>)> {
        let session = self.sessions.get_mut(wsc)?;
        let fresh = session.disconnected_at.is_some_and(|at| now - at <= window);
        if session.owner != owner || !fresh {
            return None;
        }
        self.next_connection += 1;
        session.sender = Some((self.next_connection, sender));
        session.disconnected_at = None;
        session.oauth_session = oauth_session.to_owned();
        Some((self.next_connection, session.missed.drain(..).collect()))
    }

    /// Marks the session's connection gone (if it is still `connection`).
    pub fn disconnect(&mut self, wsc: &str, connection: u64, now: DateTime<Utc>) {
        if let Some(session) = self.sessions.get_mut(wsc) {
            if session
                .sender
                .as_ref()
                .is_some_and(|(c, _)| *c == connection)
            {
                session.sender = None;
                session.disconnected_at = Some(now);
            }
        }
    }

    /// A session by `wsc` token.
    pub fn session_mut(&mut self, wsc: &str) -> Option<&mut WsSession> {
        self.sessions.get_mut(wsc)
    }

    /// The next `meta.wsc` of a session.
    pub fn next_wsc(&mut self, wsc: &str) -> Value {
        let sequence = self.sessions.get_mut(wsc).map_or(1, |s| {
            s.sequence += 1;
            s.sequence
        });
        frames::wsc(wsc, sequence)
    }

    /// Every subscription of `owner`.
    pub fn subscriptions(&self, owner: u64) -> Vec<Subscription> {
        self.sessions
            .values()
            .filter(|s| s.owner == owner)
            .filter_map(|s| s.subscription.clone())
            .collect()
    }

    /// Delivers an event to every matching subscription of `owner`. `payload` builds the
    /// notification `body` for a filter; `uuid` makes notification ids.
    pub fn publish(
        &mut self,
        owner: u64,
        kind: EventKind,
        ids: (u64, u64),
        now: &str,
        uuid: &mut dyn FnMut() -> String,
        payload: &dyn Fn(&Filter) -> Value,
    ) {
        for (wsc, session) in &mut self.sessions {
            if session.owner != owner {
                continue;
            }
            let Some(sub) = &session.subscription else {
                continue;
            };
            let Some(filter) = sub.parsed.iter().find(|f| f.matches(kind)) else {
                continue;
            };
            let message_id = uuid();
            let envelope = json!({
                "uuid": message_id,
                "event": filter.event_uri(ids.0, ids.1),
                "timestamp": now,
                "subscriptionId": sub.id,
                "ownerId": owner.to_string(),
                "body": payload(filter),
            });
            match &session.sender {
                Some((_, sender)) => {
                    session.sequence += 1;
                    let frame = frames::notification(
                        &message_id,
                        frames::wsc(wsc, session.sequence),
                        &envelope,
                    );
                    // A closed receiver means the connection is going away; recovery covers it.
                    let _ = sender.send(Outgoing::Text(frame));
                }
                None => {
                    if session.missed.len() == RECOVERY_BUFFER {
                        session.missed.pop_front();
                    }
                    session.missed.push_back((message_id, envelope));
                }
            }
        }
    }

    /// Drops every live connection (their sessions stay recoverable). Returns how many.
    pub fn drop_all(&mut self) -> usize {
        let mut dropped = 0;
        for session in self.sessions.values_mut() {
            if let Some((_, sender)) = &session.sender {
                dropped += usize::from(sender.send(Outgoing::Drop).is_ok());
            }
        }
        dropped
    }

    /// Forgets sessions disconnected for longer than the recovery window.
    pub fn prune(&mut self, now: DateTime<Utc>, window: chrono::Duration) {
        self.sessions
            .retain(|_, s| s.disconnected_at.is_none_or(|at| now - at <= window));
    }
}

impl Hub {
    /// The session holding subscription `id` of `owner`.
    pub fn with_subscription(&mut self, owner: u64, id: &str) -> Option<&mut WsSession> {
        self.sessions
            .values_mut()
            .find(|s| s.owner == owner && s.subscription.as_ref().is_some_and(|sub| sub.id == id))
    }
}
