//! The live-texts row: the inbox (WebSocket token, WebSocket, subscription) under the fault — one
//! that strikes the start, or, for a dropped socket and clock jumps, a running subscription. A
//! customer texts while the fault is in effect and again after recovery: each text is announced
//! exactly once.

use std::time::Duration;

use ringcentral_sim::SimConfig;
use ringdesk_core::realtime::{ConnectionState, InboxWatch, RealtimeEvent};
use ringdesk_testkit::fixtures::us;
use ringdesk_testkit::signin::quick_realtime;
use ringdesk_testkit::sim::CUSTOMER;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::time::{timeout_at, Instant};

use crate::cell::Cell;
use crate::kinds::{FaultKind, FOREIGN_HOST};
use crate::operations::Operation;
use crate::outcome::Outcome;
use crate::runner::{play_row, Drill};

/// Whether the fault strikes a running subscription rather than its start.
fn strikes_running(kind: FaultKind) -> bool {
    matches!(
        kind,
        FaultKind::SocketDropped | FaultKind::ClockForward | FaultKind::ClockBack
    )
}

/// The running inbox and what it said.
pub struct Live {
    watch: Option<InboxWatch>,
    events: Option<UnboundedReceiver<RealtimeEvent>>,
    /// Ids of the texts announced, in order.
    announced: Vec<i64>,
    /// The connection states, in order.
    states: Vec<ConnectionState>,
    /// The text pushed while the fault was in effect.
    during: Option<i64>,
}

impl Live {
    /// The next connection state before `deadline` (texts announced meanwhile are kept).
    async fn next_state(&mut self, deadline: Instant) -> Option<ConnectionState> {
        let events = self.events.as_mut()?;
        loop {
            match timeout_at(deadline, events.recv()).await.ok()?? {
                RealtimeEvent::InboundSms(sms) => self.announced.push(sms.message_id),
                RealtimeEvent::Connection(state) => {
                    self.states.push(state.clone());
                    return Some(state);
                }
                _ => {}
            }
        }
    }

    /// Waits until subscribed.
    async fn connected(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while let Some(state) = self.next_state(deadline).await {
            if state.is_connected() {
                return;
            }
        }
        panic!("never connected: {:#?}", self.states);
    }

    /// Reads the events for `period` (texts announced meanwhile are kept).
    async fn listen(&mut self, period: Duration) {
        let deadline = Instant::now() + period;
        while self.next_state(deadline).await.is_some() {}
    }

    /// The first state that decides the outcome.
    async fn decide(&mut self, cell: &Cell, running: bool) -> Outcome {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut reconnected = false;
        while let Some(state) = self.next_state(deadline).await {
            let reason = match &state {
                ConnectionState::Reconnecting { reason, .. }
                | ConnectionState::Polling { reason, .. }
                | ConnectionState::Offline { reason, .. } => reason.as_str(),
                _ => "",
            };
            if reason.contains(FOREIGN_HOST) {
                return Outcome::LinkRefused;
            }
            match state {
                ConnectionState::Connected { .. } if running || reconnected => {
                    return Outcome::Reconnects
                }
                ConnectionState::Connected { .. } => return Outcome::Succeeds,
                // Nothing reaches RingCentral until the outage ends: "reconnecting" is what the
                // agent sees of it (what comes next depends on how many requests failed
                // meanwhile, the breaker's count).
                ConnectionState::Reconnecting { .. } if cell.kind == FaultKind::Refused => {
                    return Outcome::Reconnects
                }
                ConnectionState::Reconnecting { .. } => reconnected = true,
                ConnectionState::Polling { .. } => return Outcome::Polls,
                ConnectionState::Offline { recovery, .. } => {
                    return Outcome::Fails(recovery.into())
                }
                _ => {}
            }
        }
        Outcome::Unexpected("no decisive state in 20 s")
    }

    /// Waits until the text `id` is announced (or 10 s pass).
    async fn announced(&mut self, id: i64) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.announced.contains(&id) && Instant::now() < deadline {
            self.listen(Duration::from_millis(100)).await;
        }
    }
}

/// A connection state in a word or two (with the way out, when offline).
fn state_name(state: &ConnectionState) -> String {
    match state {
        ConnectionState::Connecting => "connecting".into(),
        ConnectionState::Connected { recovered, .. } => match recovered {
            true => "recovered".into(),
            false => "connected".into(),
        },
        ConnectionState::Reconnecting { .. } => "reconnecting".into(),
        ConnectionState::Polling { .. } => "polling".into(),
        ConnectionState::Offline { recovery, .. } => format!("offline ({recovery:?})"),
        ConnectionState::Stopped => "stopped".into(),
        _ => "another state".into(),
    }
}

/// A customer texts the agent; the message id.
async fn push(cell: &Cell, text: &str) -> i64 {
    let stored = cell.bench.admin.inbound_sms(CUSTOMER, text).await;
    stored["id"].as_i64().expect("the stored message has an id")
}

impl Drill for Live {
    fn simulator(config: &mut SimConfig) {
        config.messages = 20;
    }

    async fn prepare(_: &Cell) -> Self {
        Self {
            watch: None,
            events: None,
            announced: Vec::new(),
            states: Vec::new(),
            during: None,
        }
    }

    async fn act(&mut self, cell: &Cell) -> Outcome {
        let running = strikes_running(cell.kind);
        if !running {
            cell.inject().await;
        }
        let client = cell.client.client();
        let (watch, events) = InboxWatch::start(client, &cell.cache(), us(), quick_realtime())
            .expect("the inbox starts");
        self.watch = Some(watch);
        self.events = Some(events);
        if running {
            self.connected().await;
            cell.inject().await;
        }
        // The admin API is as unreachable as the rest while connections are refused.
        if cell.kind != FaultKind::Refused {
            self.during = Some(push(cell, &format!("during: {}", cell.kind)).await);
        }
        self.decide(cell, running).await
    }

    async fn settle(mut self, cell: &Cell, outcome: Outcome) {
        let seen: Vec<_> = self.states.iter().map(state_name).collect();
        eprintln!(
            "  live texts × {}: {outcome} after {}",
            cell.kind,
            seen.join(" → ")
        );
        if !self
            .states
            .last()
            .is_some_and(ConnectionState::is_connected)
        {
            self.connected().await;
        }
        let after = push(cell, &format!("after: {}", cell.kind)).await;
        self.announced(after).await;
        // Long enough for a replay or a catch-up to announce anything a second time.
        self.listen(Duration::from_secs(1)).await;
        if let Some(watch) = self.watch.take() {
            watch.stop().await;
        }
        for id in self.during.iter().chain([&after]) {
            let times = self.announced.iter().filter(|a| *a == id).count();
            assert_eq!(
                times, 1,
                "text {id} announced {times} times: {:?}; states {:#?}",
                self.announced, self.states
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_texts() {
    play_row::<Live>(Operation::Subscription).await;
}
