//! A simulator, a signed-in client, a cache file and a running inbox per test, with helpers to
//! push texts, break the WebSocket and read the events.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use ringcentral_sim::{RunningSim, SimConfig};
use ringdesk_core::live_calls::LiveChange;
use ringdesk_core::realtime::{
    ConnectionState, InboundSms, InboxWatch, RealtimeEvent, RealtimeOptions,
};
use ringdesk_core::store::Store;
use ringdesk_core::team::PostChange;
use ringdesk_testkit::admin::matching;
use ringdesk_testkit::fixtures::us;
pub use ringdesk_testkit::signin::quick_realtime;
use ringdesk_testkit::signin::{jwt_client, quick};
use ringdesk_testkit::sim::{roomy, sim, CUSTOMER};
use ringdesk_testkit::SimAdmin;
use tempfile::TempDir;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::time::{timeout_at, Instant};

/// Everything one test needs.
pub struct Rig {
    /// The simulator, running as long as the rig lives.
    pub sim: RunningSim,
    /// The simulator's admin API.
    pub admin: SimAdmin,
    pub client: ringdesk_core::api::Client,
    pub dir: TempDir,
    pub watch: Option<InboxWatch>,
    pub events: UnboundedReceiver<RealtimeEvent>,
    /// Every event read so far, in order.
    pub seen: Vec<RealtimeEvent>,
}

/// A rig whose simulator has `change` applied and whose inbox has not started yet.
pub async fn rig(change: impl FnOnce(&mut SimConfig)) -> Rig {
    let sim = sim(|config| {
        config.rate_limits = roomy();
        change(config);
    })
    .await;
    let client = jwt_client(&sim, quick()).await.client();
    let (_, events) = tokio::sync::mpsc::unbounded_channel();
    Rig {
        admin: SimAdmin::of(&sim),
        sim,
        client,
        dir: TempDir::new().expect("a temp dir"),
        watch: None,
        events,
        seen: Vec::new(),
    }
}

impl Rig {
    pub fn cache(&self) -> PathBuf {
        self.dir.path().join("cache.sqlite3")
    }

    pub fn store(&self) -> Store {
        Store::open(&self.cache(), us()).expect("the cache opens")
    }

    /// Starts the inbox with `options`.
    pub fn start(&mut self, options: RealtimeOptions) {
        let (watch, events) = InboxWatch::start(self.client.clone(), &self.cache(), us(), options)
            .expect("the inbox starts");
        self.watch = Some(watch);
        self.events = events;
    }

    /// Stops the inbox.
    pub async fn stop(&mut self) {
        if let Some(watch) = self.watch.take() {
            watch.stop().await;
        }
        while let Ok(event) = self.events.try_recv() {
            self.seen.push(event);
        }
    }

    /// The next event, if one comes before `deadline`.
    async fn next_before(&mut self, deadline: Instant) -> Option<RealtimeEvent> {
        let event = timeout_at(deadline, self.events.recv()).await.ok()??;
        self.seen.push(event.clone());
        Some(event)
    }

    /// Waits for a connection state matching `wanted`.
    pub async fn state(
        &mut self,
        within: Duration,
        wanted: impl Fn(&ConnectionState) -> bool,
    ) -> ConnectionState {
        let deadline = Instant::now() + within;
        while let Some(event) = self.next_before(deadline).await {
            if let RealtimeEvent::Connection(state) = event {
                if wanted(&state) {
                    return state;
                }
            }
        }
        panic!(
            "no such connection state within {within:?}; events: {:#?}",
            self.seen
        );
    }

    /// Waits for the next connected state and asserts that it recovered the previous
    /// subscription (RingCentral's `recoveryState: Successful`) rather than starting anew.
    pub async fn assert_recovered(&mut self, within: Duration) {
        let state = self.state(within, ConnectionState::is_connected).await;
        assert!(
            matches!(
                state,
                ConnectionState::Connected {
                    recovered: true,
                    ..
                }
            ),
            "recovered inside the (bounded) recovery window: {state:?}"
        );
    }

    /// Waits until subscribed and the start's catch-up has run (the cache holds the history).
    pub async fn connected(&mut self) {
        self.state(Duration::from_secs(10), ConnectionState::is_connected)
            .await;
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.store().counts().expect("counts").messages == 0 {
            assert!(
                Instant::now() < deadline,
                "the first catch-up fills the cache"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Every inbound SMS announced within `within`.
    pub async fn announced(&mut self, within: Duration) -> Vec<InboundSms> {
        let deadline = Instant::now() + within;
        let mut found = Vec::new();
        while let Some(event) = self.next_before(deadline).await {
            if let RealtimeEvent::InboundSms(sms) = event {
                found.push(sms);
            }
        }
        found
    }

    /// The next inbound SMS announced within `within`.
    pub async fn next_sms(&mut self, within: Duration) -> Option<InboundSms> {
        let deadline = Instant::now() + within;
        while let Some(event) = self.next_before(deadline).await {
            if let RealtimeEvent::InboundSms(sms) = event {
                return Some(sms);
            }
        }
        None
    }

    /// The Team Messaging post changes announced until `done` holds for them, within `within`.
    pub async fn posts_until(
        &mut self,
        within: Duration,
        done: impl Fn(&[PostChange]) -> bool,
    ) -> Vec<PostChange> {
        let deadline = Instant::now() + within;
        let mut found = Vec::new();
        while !done(&found) {
            match self.next_before(deadline).await {
                Some(RealtimeEvent::TeamPost(change)) => found.push(change),
                Some(_) => {}
                None => panic!("the posts went on: {found:#?}\nevents: {:#?}", self.seen),
            }
        }
        found
    }

    /// The live-call changes announced until `done` holds for them, within `within`.
    pub async fn calls_until(
        &mut self,
        within: Duration,
        done: impl Fn(&[LiveChange]) -> bool,
    ) -> Vec<LiveChange> {
        let deadline = Instant::now() + within;
        let mut found = Vec::new();
        while !done(&found) {
            match self.next_before(deadline).await {
                Some(RealtimeEvent::Call(change)) => found.push(change),
                Some(_) => {}
                None => panic!("the calls went on: {found:#?}\nevents: {:#?}", self.seen),
            }
        }
        found
    }

    /// A customer texts the agent (`/sim/inbound-sms`); returns the message id.
    pub async fn push(&self, text: &str) -> i64 {
        let stored = self.admin.inbound_sms(CUSTOMER, text).await;
        stored["id"].as_i64().expect("the stored message has an id")
    }

    /// Waits until the simulator has answered a message sync (the inbox's catch-up after a
    /// connection change, or a poll) that arrived at or after `since`: a text pushed from then on
    /// is news to that catch-up, so it reaches the inbox only by the way the test is about.
    pub async fn caught_up_since(&self, since: DateTime<Utc>) {
        // The request log keeps milliseconds.
        let since = since - chrono::Duration::milliseconds(1);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let log = self.admin.requests().await;
            if matching(&log, "GET", "/message-sync")
                .iter()
                .any(|r| r.at >= since)
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "no message sync since {since}: {log:#?}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The WebSocket upgrade requests the simulator saw: (query, status).
    pub async fn upgrades(&self) -> Vec<(String, u16)> {
        let log = self.admin.requests().await;
        log.into_iter()
            .filter(|r| r.path == "/ws")
            .map(|r| (r.query, r.status))
            .collect()
    }
}
