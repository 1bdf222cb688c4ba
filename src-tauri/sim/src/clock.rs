//! Time as the simulator sees it. Everything that depends on time (token expiry, RingOut
//! progression, SMS delivery, rate-limit windows, WebSocket timeouts) asks a [`Clock`], so tests
//! can move time forward instead of sleeping. The clocks live in `ringdesk-clock`, shared with
//! ringdesk's core.

pub use ringdesk_clock::{Clock, ManualClock, PinnedClock, SystemClock};

/// A configured duration as a `chrono` one, for comparing with timestamps; one too long for
/// `chrono` never passes (a timeout that never fires, a window that never closes).
pub fn never_past(duration: std::time::Duration) -> chrono::Duration {
    chrono::Duration::from_std(duration).unwrap_or(chrono::Duration::MAX)
}
