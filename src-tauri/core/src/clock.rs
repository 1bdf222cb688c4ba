//! Time, passed in: token expiry, backoff, rate-limit windows and breaker cool-downs all ask a
//! [`Clock`], so tests run instantly and deterministically with a [`ManualClock`]. The clocks
//! live in `ringdesk-clock`, shared with the simulator.

pub use ringdesk_clock::*;
