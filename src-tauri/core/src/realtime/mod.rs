//! Real-time inbound SMS: RingCentral's notification WebSocket, with recovery, a catch-up sync
//! after every gap, polling when WebSockets are unavailable, and one event per new inbound text.
//!
//! # Use
//!
//! ```no_run
//! # async fn demo(client: &ringdesk_core::api::Client, cache: &std::path::Path)
//! # -> Result<(), ringdesk_core::realtime::RealtimeError> {
//! use ringdesk_core::realtime::{InboxWatch, RealtimeEvent, RealtimeOptions};
//! use ringdesk_core::phone::Country;
//!
//! let country = Country::from_iso_code("US").expect("US");
//! let (watch, mut events) =
//!     InboxWatch::start(client.clone(), cache, country, RealtimeOptions::default())?;
//! while let Some(event) = events.recv().await {
//!     match event {
//!         RealtimeEvent::InboundSms(sms) => println!("{}: {}", sms.sender_name(), sms.text),
//!         RealtimeEvent::MessagesChanged(_) => { /* refresh the open views */ }
//!         RealtimeEvent::Connection(state) => { /* status strip and tray */ }
//!         _ => {}
//!     }
//! #   break;
//! }
//! watch.nudge(); // the OS reported a network change or a resume: reconnect and catch up now
//! watch.stop().await;
//! # Ok(()) }
//! ```
//!
//! [`InboxWatch::start`] takes the signed-in [`Client`] (the application layer's connection
//! holds it), the profile's cache file
//! and its country, and runs one tokio task until [`InboxWatch::stop`] (or until the handle is
//! dropped). Events come out of an unbounded channel, in order:
//!
//! - [`RealtimeEvent::InboundSms`] ([`InboundSms`]: message id, conversation id, sender
//!   [`Peer`](crate::store::Peer) with number, caller-ID name and matched contact, the agent's
//!   number, text, time, [`Via`]) — the message is already in the cache when it is emitted.
//! - [`RealtimeEvent::MessagesChanged`] — the conversations touched (`None`: any, after a sync).
//! - [`RealtimeEvent::Connection`] ([`ConnectionState`]: connecting, connected, reconnecting
//!   with `retry_at`, polling, offline with a [`Recovery`](crate::Recovery), stopped).
//!
//! # How it works
//!
//! - **WebSocket** (docs/ringcentral/API-NOTES.md §10): a new single-use `wstoken` for every connection (Auth group,
//!   background priority); nothing is sent before `ConnectionDetails`; one subscription per
//!   connection to `message-store/instant?type=SMS` (the text itself, stored at once) and
//!   `message-store` (ids only: a debounced catch-up unless the instant event already stored
//!   them); replies matched by `messageId`; the latest `wsc` kept; pings answered; a
//!   `Heartbeat` after 60 s of silence and a dead socket declared 15 s later; `WSG-902/903`
//!   end the session.
//! - **Recovery**: after a drop, reconnect with backoff (1 s doubling to 60 s, jittered) and
//!   `&wsc=` while inside `recoveryTimeout`; `Successful` keeps the subscription (RingCentral
//!   replays what was missed), `Failed` or too late re-subscribes.
//! - **Catch-up**: after any gap — start, drop, failed recovery, a wall-clock jump (sleep),
//!   [`InboxWatch::nudge`] — the sync engine's messages feed runs (`message-sync` ISync, or the
//!   first full sync) in its own task, retried with backoff until it succeeds.
//! - **Polling**: after 3 failed opens (token refused, handshake failing, subscription
//!   refused) the inbox polls with the same sync every 20 s (Light, background) and tries the
//!   WebSocket again every 2 minutes, or at once on a nudge.
//!
//! # Exactly once
//!
//! Every path writes into the cache first; announcing is then *claiming*: the unread inbound
//! messages created after the cache's announce horizon (fixed the first time the inbox ever
//! runs, so history is never announced) and within [`RealtimeOptions::announce_max_age`],
//! not yet in the `announced` ledger, are inserted into it in the same SQLite transaction that
//! selects them. A live event, its replay after recovery, the catch-up that finds it again, a
//! restart, and a second process on the same cache all find it claimed. Outbound texts are
//! never candidates; neither are texts already read elsewhere. An event is emitted after its
//! claim commits: a crash between the two loses that one notification, never repeats it.

mod catch_up;
mod engine;
mod error;
mod event;
pub(crate) mod frame;
mod gap;
mod inbox;
pub(crate) mod instant;
mod line;
mod listen;
mod options;
mod side;
mod socket;
#[cfg(test)]
mod tests;

use std::path::Path;

use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tokio::task::JoinHandle;

use crate::api::Client;
use crate::phone::Country;

pub use error::RealtimeError;
pub use event::{ConnectionState, InboundSms, MessagesChanged, PresenceView, RealtimeEvent, Via};
pub use options::{
    RealtimeOptions, DETAILED_PRESENCE_FILTER, INSTANT_SMS_FILTER, MESSAGE_STORE_FILTER,
    TEAM_CHATS_FILTER, TEAM_POSTS_FILTER, TELEPHONY_SESSIONS_FILTER,
};

use catch_up::CatchUp;
use engine::Engine;
use inbox::Inbox;
use side::{Control, Side};

/// The running real-time inbox of one profile. Dropping it stops the task too.
#[derive(Debug)]
pub struct InboxWatch {
    control: UnboundedSender<Control>,
    task: JoinHandle<()>,
}

impl InboxWatch {
    /// Starts watching for inbound texts with `client`, writing into the cache at `cache`
    /// (opened with `country`). Must be called inside a tokio runtime. Fails only when the
    /// cache cannot be opened; everything else is retried and reported as events.
    pub fn start(
        client: Client,
        cache: &Path,
        country: Country,
        options: RealtimeOptions,
    ) -> Result<(Self, UnboundedReceiver<RealtimeEvent>), RealtimeError> {
        let clock = options
            .clock
            .clone()
            .unwrap_or_else(|| client.transport().options().clock.clone());
        let (events, receiver) = unbounded_channel();
        let inbox = Inbox::open(
            cache,
            country,
            events,
            clock.clone(),
            options.announce_max_age,
        )?;
        let mut catch_up = CatchUp::new(
            client.clone(),
            cache.to_path_buf(),
            country,
            clock.clone(),
            options.backoff.clone(),
        );
        catch_up.chats = options.event_filters.iter().any(|f| f == TEAM_POSTS_FILTER);
        let (control, commands) = unbounded_channel();
        let side = Side::new(inbox, catch_up, commands);
        let task = tokio::spawn(Engine::new(client, options, clock, side).run());
        Ok((Self { control, task }, receiver))
    }

    /// Reconnects and catches up now: call it when the OS reports a network change or a resume
    /// from sleep (a sleep is also noticed by itself, within a few seconds).
    pub fn nudge(&self) {
        let _ = self.control.send(Control::Nudge);
    }

    /// Stops: closes the socket and ends the task ([`ConnectionState::Stopped`] is the last
    /// event).
    pub async fn stop(self) {
        let _ = self.control.send(Control::Stop);
        if let Err(error) = self.task.await {
            tracing::warn!(%error, "the real-time inbox task failed");
        }
    }
}
