//! ringdesk-clock: time, passed in. Token expiry, backoff, rate-limit windows, breaker
//! cool-downs, RingOut phases and WebSocket timeouts all ask a [`Clock`], in ringdesk and in its
//! simulator alike, so tests run instantly and deterministically with a [`ManualClock`].
#![deny(missing_docs)]

mod manual;
mod set_back;
mod system;
mod unix;

pub use manual::ManualClock;
pub use set_back::{earlier, SetBack};
pub use system::{PinnedClock, SystemClock};
pub use unix::{from_unix_seconds, later, unix_seconds, until};

use chrono::{DateTime, Utc};
use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, SystemTime};

/// A future that completes after a clock's sleep.
pub type Sleep = Pin<Box<dyn Future<Output = ()> + Send>>;

/// The source of "now" and of waiting.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// The current wall-clock time.
    fn now(&self) -> SystemTime;

    /// Waits for `duration` of this clock's time.
    fn sleep(&self, duration: Duration) -> Sleep;

    /// The current time as a UTC timestamp.
    fn now_utc(&self) -> DateTime<Utc> {
        self.now().into()
    }
}
