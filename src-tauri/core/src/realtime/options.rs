//! How the real-time inbox behaves; the defaults are what agents get, tests shorten them.

use std::sync::Arc;
use std::time::Duration;

use crate::backoff::Backoff;
use crate::clock::Clock;

/// `message-store/instant?type=SMS`: every new inbound SMS, with its text.
pub const INSTANT_SMS_FILTER: &str =
    "/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS";
/// `message-store`: any new or changed message (ids only; fetched with a sync).
pub const MESSAGE_STORE_FILTER: &str = "/restapi/v1.0/account/~/extension/~/message-store";
/// Detailed presence: the agent's status and live calls (who is calling, answered, ended).
pub const DETAILED_PRESENCE_FILTER: &str =
    "/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true";

/// Telephony sessions (app permission `CallControl` only: without it the whole subscription is
/// refused): each party's status as it changes, the keys Call Control needs.
pub const TELEPHONY_SESSIONS_FILTER: &str =
    "/restapi/v1.0/account/~/extension/~/telephony/sessions";

/// Team Messaging posts (app permission `TeamMessaging`): added, changed, removed.
pub const TEAM_POSTS_FILTER: &str = "/team-messaging/v1/posts";
/// Team Messaging chats: joined, renamed, changed, left.
pub const TEAM_CHATS_FILTER: &str = "/team-messaging/v1/chats";

/// Settings of an [`InboxWatch`](super::InboxWatch).
#[derive(Debug, Clone)]
pub struct RealtimeOptions {
    /// The clock for backoff, polling, recovery windows and announcement ages; `None` uses the
    /// client's.
    pub clock: Option<Arc<dyn Clock>>,
    /// Reconnect backoff (with jitter): 1 s doubling to 60 s, so the Auth budget (5 WebSocket
    /// tokens a minute) is never the limit for long.
    pub backoff: Backoff,
    /// Consecutive failures to open the WebSocket before falling back to polling.
    pub failures_before_polling: u32,
    /// Polling interval while WebSockets are unavailable (one Light request each).
    pub poll_interval: Duration,
    /// While polling, how often the WebSocket is tried again.
    pub websocket_retry: Duration,
    /// Silence from the server before a `Heartbeat` is sent.
    pub heartbeat_after: Duration,
    /// No frame at all this long after a `Heartbeat`: the socket is dead.
    pub heartbeat_timeout: Duration,
    /// Limit for each step of opening: handshake, `ConnectionDetails`, subscription reply.
    pub open_timeout: Duration,
    /// Recovery with `wsc` is tried only this far inside RingCentral's `recoveryTimeout`.
    pub recovery_margin: Duration,
    /// Inbound texts older than this when found (after a long absence) are stored, not
    /// announced.
    pub announce_max_age: Duration,
    /// A `message-store` change waits this long for its instant event before a sync is asked.
    pub change_debounce: Duration,
    /// How often the wall clock is compared with the monotonic one.
    pub tick: Duration,
    /// A wall-clock jump larger than this (the machine slept) counts as a gap.
    pub jump_threshold: Duration,
    /// The subscription's event filters.
    pub event_filters: Vec<String>,
}

impl Default for RealtimeOptions {
    fn default() -> Self {
        Self {
            clock: None,
            backoff: Backoff::default(),
            failures_before_polling: 3,
            poll_interval: Duration::from_secs(20),
            websocket_retry: Duration::from_secs(120),
            heartbeat_after: Duration::from_secs(60),
            heartbeat_timeout: Duration::from_secs(15),
            open_timeout: Duration::from_secs(15),
            recovery_margin: Duration::from_secs(5),
            announce_max_age: Duration::from_secs(24 * 3600),
            change_debounce: Duration::from_millis(750),
            tick: Duration::from_secs(5),
            jump_threshold: Duration::from_secs(30),
            event_filters: vec![
                INSTANT_SMS_FILTER.into(),
                MESSAGE_STORE_FILTER.into(),
                DETAILED_PRESENCE_FILTER.into(),
            ],
        }
    }
}
