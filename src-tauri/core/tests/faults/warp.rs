//! The client's clock in a cell: real time plus an offset. A long wait is not waited — the offset
//! moves instead, so a 30 s `Retry-After` or an hour's penalty passes at once as far as the
//! client can tell — while short ones (backoff, polls) are real. A clock jump moves the offset
//! either way. Every wait of a second or more that completes is counted, so a cell knows how long
//! the client chose to wait.

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use ringdesk_core::clock::{Clock, Sleep};

/// Waits this long or longer are skipped (the offset moves).
const SKIP: Duration = Duration::from_secs(10);
/// Waits this long or longer count as waiting.
const COUNTED: Duration = Duration::from_secs(1);

/// Real time, shifted.
#[derive(Debug, Default)]
pub struct Warp {
    state: Arc<Mutex<State>>,
}

#[derive(Debug, Default)]
struct State {
    /// Nanoseconds ahead of real time (negative: behind).
    offset: i128,
    /// Completed waits of at least [`COUNTED`].
    waited: Duration,
}

fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

impl Warp {
    /// Moves the clock by `by` (back when `forward` is false), as a person or a resume does.
    pub fn jump(&self, by: Duration, forward: bool) {
        let nanos = by.as_nanos() as i128;
        lock(&self.state).offset += if forward { nanos } else { -nanos };
    }

    /// Lets `by` pass at once (time moves forward, nothing is counted as waited).
    pub fn skip(&self, by: Duration) {
        self.jump(by, true);
    }

    /// The waits of a second or more the client completed so far.
    pub fn waited(&self) -> Duration {
        lock(&self.state).waited
    }
}

impl Clock for Warp {
    fn now(&self) -> SystemTime {
        let offset = lock(&self.state).offset;
        let real = SystemTime::now();
        let by = Duration::from_nanos(offset.unsigned_abs().min(u64::MAX as u128) as u64);
        let shifted = if offset >= 0 {
            real.checked_add(by)
        } else {
            real.checked_sub(by)
        };
        shifted.unwrap_or(real)
    }

    fn sleep(&self, duration: Duration) -> Sleep {
        let state = self.state.clone();
        Box::pin(async move {
            if duration >= SKIP {
                lock(&state).offset += duration.as_nanos() as i128;
                tokio::task::yield_now().await;
            } else {
                tokio::time::sleep(duration).await;
            }
            if duration >= COUNTED {
                lock(&state).waited += duration;
            }
        })
    }
}
