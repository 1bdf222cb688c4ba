//! The inbox's one task: WebSocket sessions with recovery and backoff, falling back to polling
//! when WebSockets stay unavailable, and a catch-up after every gap.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};

use super::error::RealtimeError;
use super::event::ConnectionState;
use super::listen::{self, End, Resume};
use super::options::RealtimeOptions;
use super::side::{Side, Step};
use super::socket;
use crate::api::{Client, ServerDuration};
use crate::clock::{later, Clock};
use crate::secret::Secret;

/// Go on, or stop.
enum Flow {
    Continue,
    Stop,
}

/// RingCentral's documented recovery window, until `ConnectionDetails` says otherwise.
const RECOVERY_WINDOW: Duration = Duration::from_secs(180);

/// The engine's state between sessions.
pub(crate) struct Engine {
    client: Client,
    options: RealtimeOptions,
    clock: Arc<dyn Clock>,
    side: Side,
    resume: Resume,
    /// When the last session ended (the recovery window runs from there).
    dropped_at: Option<SystemTime>,
    recovery_window: Duration,
    /// Consecutive failures to open a subscribed WebSocket.
    failures: u32,
    /// Polling, with why, and when to try the WebSocket again.
    polling: Option<(String, SystemTime)>,
}

fn utc(time: SystemTime) -> DateTime<Utc> {
    time.into()
}

impl Engine {
    pub fn new(
        client: Client,
        options: RealtimeOptions,
        clock: Arc<dyn Clock>,
        side: Side,
    ) -> Self {
        Self {
            client,
            options,
            clock,
            side,
            resume: Resume::default(),
            dropped_at: None,
            recovery_window: RECOVERY_WINDOW,
            failures: 0,
            polling: None,
        }
    }

    /// Runs until stopped. The start itself is a gap: a catch-up runs first.
    pub async fn run(mut self) {
        self.side.catch_up.gap();
        loop {
            let flow = match self.polling.is_some() {
                true => self.poll().await,
                false => self.websocket().await,
            };
            if let Flow::Stop = flow {
                break;
            }
        }
        self.side.inbox.state(ConnectionState::Stopped);
    }

    /// The `wsc` token to recover with, while the last session is inside its recovery window.
    fn recoverable(&self) -> Option<Secret> {
        let dropped = self.dropped_at?;
        let window = self
            .recovery_window
            .checked_sub(self.options.recovery_margin)?;
        let inside = self.clock.now() < later(dropped, window);
        inside.then(|| self.resume.wsc.as_ref().map(|w| w.token.clone()))?
    }

    /// Waits `delay` (cut short by a nudge).
    async fn pause(&mut self, delay: Duration) -> Flow {
        let sleep = self.clock.sleep(delay);
        match self.side.during(sleep, true).await {
            Step::Stop => Flow::Stop,
            Step::Done(()) | Step::Nudged => Flow::Continue,
        }
    }

    /// One WebSocket session: open (recovering if possible), subscribe unless recovered, catch
    /// up, listen until it ends.
    async fn websocket(&mut self) -> Flow {
        if self.failures == 0 && self.dropped_at.is_none() {
            self.side.inbox.state(ConnectionState::Connecting);
        }
        let recover = self.recoverable();
        let limit = self.options.open_timeout;
        let open = socket::open(&self.client, recover.as_ref(), limit);
        let mut opened = match self.side.during(open, false).await {
            Step::Done(Ok(opened)) => opened,
            Step::Done(Err(error)) => return self.failed(error).await,
            // Opening is never interrupted by a nudge (it asks for a catch-up instead).
            Step::Nudged => return Flow::Continue,
            Step::Stop => return Flow::Stop,
        };
        self.resume.wsc = opened.wsc.take().or(self.resume.wsc.take());
        // The server's numbers, bounded: neither can overflow a clock or flood the socket.
        self.resume.idle_timeout = opened
            .details
            .idle_timeout
            .map(|seconds| ServerDuration::IdleTimeout.from_secs(seconds));
        if let Some(seconds) = opened.details.recovery_timeout {
            self.recovery_window = ServerDuration::RecoveryTimeout.from_secs(seconds);
        }
        let recovered = opened.details.recovered == Some(true);
        let mut early = Vec::new();
        if !recovered {
            let filters = &self.options.event_filters;
            let subscribe = opened.socket.subscribe(filters, limit);
            match self.side.during(subscribe, false).await {
                Step::Done(Ok((id, frames))) => {
                    self.resume.subscription = Some(id);
                    early = frames;
                }
                Step::Done(Err(error)) => {
                    opened.socket.close().await;
                    return self.failed(error).await;
                }
                Step::Stop | Step::Nudged => {
                    opened.socket.close().await;
                    return Flow::Stop;
                }
            }
        }
        self.failures = 0;
        let since = utc(self.clock.now());
        self.side
            .inbox
            .state(ConnectionState::Connected { since, recovered });
        self.side.catch_up.gap();
        let clock = self.clock.clone();
        let end = listen::listen(
            &mut opened.socket,
            &mut self.side,
            &mut self.resume,
            &self.options,
            clock.as_ref(),
            early,
        )
        .await;
        let now = self.clock.now();
        self.dropped_at = Some(match &end {
            End::Gap {
                since: Some(since), ..
            } => now.min(*since),
            _ => now,
        });
        match end {
            End::Stop => {
                opened.socket.close().await;
                Flow::Stop
            }
            End::Gap { reason, .. } => {
                tracing::info!(%reason, "reconnecting after a gap");
                Flow::Continue
            }
            End::Dropped(error) => {
                tracing::info!(%error, "the notification WebSocket dropped");
                let delay = self.options.backoff.next(0);
                let retry_at = utc(self.clock.now() + delay);
                self.side.inbox.state(ConnectionState::Reconnecting {
                    attempt: 0,
                    retry_at,
                    reason: error.to_string(),
                });
                self.pause(delay).await
            }
        }
    }

    /// After a failed open: back off, or fall back to polling after too many failures.
    async fn failed(&mut self, error: RealtimeError) -> Flow {
        self.failures += 1;
        let now = self.clock.now();
        tracing::warn!(%error, failures = self.failures, "the notification WebSocket failed");
        if error.is_signed_out() {
            let delay = self.options.backoff.cap;
            self.side.inbox.state(ConnectionState::Offline {
                retry_at: utc(now + delay),
                reason: error.to_string(),
                recovery: error.recovery(),
                hint: error.hint(),
            });
            return self.pause(delay).await;
        }
        if self.failures >= self.options.failures_before_polling {
            self.polling = Some((error.to_string(), now + self.options.websocket_retry));
            return Flow::Continue;
        }
        let delay = self.options.backoff.next(self.failures);
        self.side.inbox.state(ConnectionState::Reconnecting {
            attempt: self.failures,
            retry_at: utc(now + delay),
            reason: error.to_string(),
        });
        self.pause(delay).await
    }

    /// One polling round: a catch-up, then the interval; the WebSocket is tried again when its
    /// time comes (or on a nudge), and one failure brings polling back.
    async fn poll(&mut self) -> Flow {
        let Some((reason, websocket_at)) = self.polling.clone() else {
            return Flow::Continue;
        };
        let now = self.clock.now();
        if now >= websocket_at {
            self.polling = None;
            self.failures = self.options.failures_before_polling.saturating_sub(1);
            return Flow::Continue;
        }
        let delay = self
            .options
            .poll_interval
            .min(websocket_at.duration_since(now).unwrap_or_default());
        let retry_at = utc(now + delay);
        let state = match &self.side.sync_failure {
            Some(error) => ConnectionState::Offline {
                retry_at,
                reason: error.to_string(),
                recovery: error.recovery(),
                hint: error.hint(),
            },
            None => ConnectionState::Polling {
                next_poll: retry_at,
                reason,
            },
        };
        self.side.inbox.state(state);
        self.side.catch_up.gap();
        let sleep = self.clock.sleep(delay);
        match self.side.during(sleep, true).await {
            Step::Stop => Flow::Stop,
            Step::Done(()) => Flow::Continue,
            Step::Nudged => {
                self.polling = Some((String::new(), now));
                Flow::Continue
            }
        }
    }
}
