//! How a simulator instance is set up: seed, listener, token lifetimes, seed-data sizes, rate
//! limits and timing. [`SimConfig::default`] is what `ringcentral-sim` runs with no flags.

use crate::clock::Clock;
use chrono::{DateTime, Utc};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// Everything a simulator instance needs to start. Fields are public so callers can use struct
/// update syntax: `SimConfig { seed: 7, ..SimConfig::fast() }`.
#[derive(Clone, Debug)]
pub struct SimConfig {
    /// Seed for every generated value (ids, names, numbers, tokens, seed data).
    pub seed: u64,
    /// Address to listen on; port 0 picks a free port.
    pub listen: SocketAddr,
    /// Longest access-token lifetime the simulated app allows (clients may ask for less).
    pub access_ttl: Duration,
    /// Longest refresh-token lifetime the simulated app allows.
    pub refresh_ttl: Duration,
    /// Parallel sessions allowed per user and app; logging in once more ends the oldest one.
    pub max_sessions: usize,
    /// Absolute session timeout (`None` = not enforced; TokenInfo then omits `session_*`).
    pub session_ttl: Option<Duration>,
    /// Session idle timeout (`None` = not enforced).
    pub session_idle: Option<Duration>,
    /// Number of seeded call-log records (generated lazily, so millions are cheap).
    pub call_log: u64,
    /// Number of seeded personal contacts.
    pub contacts: usize,
    /// Number of seeded SMS messages in the message store.
    pub messages: usize,
    /// Rate limiting per user, app and group.
    pub rate_limits: RateLimitConfig,
    /// How fast calls and messages progress.
    pub timing: TimingMode,
    /// WebSocket protocol timeouts.
    pub ws: WsConfig,
    /// Demo mode: a seeded customer texts the user this often (`None` = never).
    pub demo_inbound_sms: Option<Duration>,
    /// Largest accepted request body, in bytes.
    pub body_limit: usize,
    /// Pins the clock's start instant (the wall clock runs from there); `None` = real time.
    pub start_time: Option<DateTime<Utc>>,
    /// A clock to use instead of the wall clock (e.g. a shared [`crate::ManualClock`]).
    pub clock: Option<Arc<dyn Clock>>,
    /// HTTP keep-alive (on by default). Off, every answer carries `Connection: close`, so a
    /// client opens a new connection for each request: a test that makes the simulator refuse
    /// connections ([`RunningSim::refuse_connections`](crate::RunningSim::refuse_connections))
    /// then knows no idle connection slips a request through.
    pub keep_alive: bool,
    /// When set, the admin API (`/sim/…`) answers only requests carrying this token in
    /// [`ADMIN_TOKEN_HEADER`](crate::ADMIN_TOKEN_HEADER) (demo mode: any local process could
    /// otherwise push fake texts); `None` leaves it open, as a test server wants.
    pub admin_token: Option<String>,
    /// Whether the simulated app holds the `CallControl` permission (RingCentral grants it on
    /// request only): telephony-session events and the Call Control endpoints answer 403
    /// `CMN-401` without it. On by default.
    pub call_control: bool,
    /// Whether the simulated app holds the `TeamMessaging` permission: the
    /// `/team-messaging/v1` endpoints and event filters answer 403 `CMN-401` without it. On by
    /// default.
    pub team_messaging: bool,
}

impl Default for SimConfig {
    fn default() -> Self {
        Self {
            seed: 1,
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            access_ttl: Duration::from_secs(3600),
            refresh_ttl: Duration::from_secs(604_800),
            max_sessions: 5,
            session_ttl: None,
            session_idle: None,
            call_log: 1000,
            contacts: 200,
            messages: 300,
            rate_limits: RateLimitConfig::default(),
            timing: TimingMode::Realistic,
            ws: WsConfig::default(),
            demo_inbound_sms: None,
            admin_token: None,
            call_control: true,
            team_messaging: true,
            keep_alive: true,
            body_limit: 1024 * 1024,
            start_time: None,
            clock: None,
        }
    }
}

impl SimConfig {
    /// Defaults with fast timing: a RingOut reaches `Success` in well under a second and an SMS is
    /// delivered in a fraction of a second. Meant for tests.
    pub fn fast() -> Self {
        Self {
            timing: TimingMode::Fast,
            ..Self::default()
        }
    }
}

/// Rate-limit settings. Limits are requests per `window` per user, app and group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateLimitConfig {
    /// `false` turns limiting (and the `X-Rate-Limit-*` headers) off, e.g. for benchmarks.
    pub enabled: bool,
    /// Light group limit (default 50).
    pub light: u32,
    /// Medium group limit (default 40).
    pub medium: u32,
    /// Heavy group limit (default 10).
    pub heavy: u32,
    /// Auth group limit (default 5).
    pub auth: u32,
    /// Sliding window length (default 60 s).
    pub window: Duration,
    /// Penalty after exceeding a limit; every request during it restarts it (default 60 s).
    pub penalty: Duration,
}

impl Default for RateLimitConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            light: 50,
            medium: 40,
            heavy: 10,
            auth: 5,
            window: Duration::from_secs(60),
            penalty: Duration::from_secs(60),
        }
    }
}

/// WebSocket protocol settings, as advertised in the `ConnectionDetails` frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WsConfig {
    /// Lifetime of a `ws_access_token` (single use).
    pub token_ttl: Duration,
    /// A connection without client frames for this long gets `WSG-902` and is closed.
    pub idle_timeout: Duration,
    /// A connection older than this gets `WSG-903` and is closed.
    pub absolute_timeout: Duration,
    /// A dropped session can be recovered with its `wsc` token within this window.
    pub recovery_timeout: Duration,
    /// Interval of server WebSocket pings.
    pub ping_interval: Duration,
}

impl Default for WsConfig {
    fn default() -> Self {
        Self {
            token_ttl: Duration::from_secs(60),
            idle_timeout: Duration::from_secs(1800),
            absolute_timeout: Duration::from_secs(86_400),
            recovery_timeout: Duration::from_secs(180),
            ping_interval: Duration::from_secs(30),
        }
    }
}

/// How fast simulated calls and messages progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TimingMode {
    /// Human-scale: phones ring for seconds, calls last half a minute.
    #[default]
    Realistic,
    /// Test-scale: every phase takes a fraction of a second.
    Fast,
}

/// The durations of each simulated phase for a [`TimingMode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timings {
    /// The caller's own phone ("ring me at") rings this long before it answers.
    pub caller_ring: Duration,
    /// The callee rings this long before answering, busy or rejecting.
    pub callee_ring: Duration,
    /// A leg that is never answered gives up after this long.
    pub no_answer: Duration,
    /// A connected RingOut call lasts this long, then ends and enters the call log.
    pub talk: Duration,
    /// An outbound SMS moves from `Queued` to `Sent` after this long.
    pub sms_sent: Duration,
    /// ... and from `Sent` to `Delivered` (or `DeliveryFailed`) after this long.
    pub sms_delivered: Duration,
}

impl TimingMode {
    /// The phase durations of this mode.
    pub fn timings(self) -> Timings {
        match self {
            TimingMode::Realistic => Timings {
                caller_ring: Duration::from_secs(4),
                callee_ring: Duration::from_secs(5),
                no_answer: Duration::from_secs(30),
                talk: Duration::from_secs(30),
                sms_sent: Duration::from_secs(1),
                sms_delivered: Duration::from_secs(3),
            },
            TimingMode::Fast => Timings {
                caller_ring: Duration::from_millis(100),
                callee_ring: Duration::from_millis(100),
                no_answer: Duration::from_millis(300),
                talk: Duration::from_millis(300),
                sms_sent: Duration::from_millis(50),
                sms_delivered: Duration::from_millis(100),
            },
        }
    }
}
