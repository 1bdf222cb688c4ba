//! The fault kinds, as data: each is one way RingCentral, the network or the machine misbehaves,
//! and how a cell makes it happen. Request faults strike once — the next request of the
//! operation's target — unless said otherwise; the clock and session faults happen once, at the
//! moment the operation is most exposed to them.

use std::fmt;

use ringdesk_testkit::Fault;
use serde_json::Value;

/// A way things go wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FaultKind {
    /// 429 with `Retry-After: 1`.
    RateLimited,
    /// 429 without `Retry-After` (RingCentral advises waiting 30 s).
    RateLimitedNoRetryAfter,
    /// 429 with `Retry-After: 18446744073709551615` (u64::MAX).
    RateLimitedForever,
    /// 500 after the request was handled (the server failed while answering).
    Status500,
    /// 502 before the request was handled (the gateway reached nothing).
    Status502,
    /// 503 before the request was handled (the service turned it away).
    Status503,
    /// 504 after the request was handled (the gateway gave up waiting for the answer).
    Status504,
    /// Connections are refused while the operation runs: nothing reaches RingCentral.
    Refused,
    /// The request is handled, then the connection drops without an answer.
    Dropped,
    /// The request is handled; its answer comes after the client's timeout.
    Stalled,
    /// 200 whose body is truncated JSON (the request was handled).
    Malformed,
    /// 200 with valid JSON of the wrong shape (the request was handled).
    WrongShape,
    /// 502 with a gateway's HTML page (the request was not handled).
    HtmlPage,
    /// The session's access token expires at RingCentral.
    TokenExpired,
    /// The session is revoked (signed out elsewhere): its refresh token dies too.
    SessionRevoked,
    /// The notification WebSocket drops without a close frame.
    SocketDropped,
    /// The machine's clock jumps two hours forward.
    ClockForward,
    /// The machine's clock jumps two hours back.
    ClockBack,
    /// Every answer links onwards (the next page, the WebSocket address) to another origin.
    ForeignLink,
}

/// Every fault kind, in the table's order.
pub const ALL: [FaultKind; 19] = [
    FaultKind::RateLimited,
    FaultKind::RateLimitedNoRetryAfter,
    FaultKind::RateLimitedForever,
    FaultKind::Status500,
    FaultKind::Status502,
    FaultKind::Status503,
    FaultKind::Status504,
    FaultKind::Refused,
    FaultKind::Dropped,
    FaultKind::Stalled,
    FaultKind::Malformed,
    FaultKind::WrongShape,
    FaultKind::HtmlPage,
    FaultKind::TokenExpired,
    FaultKind::SessionRevoked,
    FaultKind::SocketDropped,
    FaultKind::ClockForward,
    FaultKind::ClockBack,
    FaultKind::ForeignLink,
];

/// The client's timeout in a [`FaultKind::Stalled`] cell (other cells keep the default).
pub const STALL_TIMEOUT_MS: u64 = 1500;
/// How late a stalled answer is.
const STALL_MS: u64 = 4000;
/// How far the clock jumps.
pub const CLOCK_JUMP_SECS: u64 = 2 * 3600;
/// A host that is nobody's: nothing can be sent there.
pub const FOREIGN_HOST: &str = "ringdesk-test.invalid";

impl FaultKind {
    /// The simulator fault that does this to `method path`, for a request fault; `link` is the
    /// merge patch that points the operation's answer elsewhere ([`FaultKind::ForeignLink`]).
    pub fn request_fault(self, method: &str, path: &str, link: Option<Value>) -> Option<Fault> {
        let on = Fault::on(method, path);
        Some(match self {
            Self::RateLimited => on.status(429).retry_after(1),
            Self::RateLimitedNoRetryAfter => on.status(429),
            Self::RateLimitedForever => on.status(429).retry_after(u64::MAX),
            Self::Status500 => on.status(500).processed(),
            Self::Status502 => on.status(502),
            Self::Status503 => on.status(503),
            Self::Status504 => on.status(504).processed(),
            Self::Dropped => on.drop_connection().processed(),
            Self::Stalled => on.delay_ms(STALL_MS).processed(),
            Self::Malformed => on.malformed(),
            Self::WrongShape => on.body(r#"{"records":"none","uri":7}"#),
            Self::HtmlPage => on.status(502).html(),
            Self::ForeignLink => on.times(1000).patch(link?),
            _ => return None,
        })
    }
}

impl fmt::Display for FaultKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Self::RateLimited => "429, Retry-After 1",
            Self::RateLimitedNoRetryAfter => "429, no Retry-After",
            Self::RateLimitedForever => "429, Retry-After u64::MAX",
            Self::Status500 => "500 (handled)",
            Self::Status502 => "502",
            Self::Status503 => "503",
            Self::Status504 => "504 (handled)",
            Self::Refused => "connection refused",
            Self::Dropped => "dropped after handling",
            Self::Stalled => "stalled past the timeout",
            Self::Malformed => "200, truncated JSON",
            Self::WrongShape => "200, wrong JSON shape",
            Self::HtmlPage => "502, HTML page",
            Self::TokenExpired => "access token expired",
            Self::SessionRevoked => "session revoked",
            Self::SocketDropped => "WebSocket dropped",
            Self::ClockForward => "clock +2 h",
            Self::ClockBack => "clock -2 h",
            Self::ForeignLink => "link to another origin",
        };
        f.pad(name)
    }
}
