//! Time as the simulator sees it. Everything that depends on time (token expiry, RingOut
//! progression, SMS delivery, rate-limit windows, WebSocket timeouts) asks a [`Clock`], so tests
//! can move time forward instead of sleeping. The clocks live in `ringdesk-clock`, shared with
//! ringdesk's core.

pub use ringdesk_clock::{Clock, ManualClock, PinnedClock, SystemClock};
