//! Noticing that the machine slept: the monotonic clock stops during suspend, the wall clock does
//! not, so after a resume the wall clock has moved further than the monotonic one. A socket that
//! survived a sleep is usually dead without knowing it, and texts may have arrived meanwhile.

use std::time::{Duration, Instant, SystemTime};

/// Compares wall-clock and monotonic progress between checks.
#[derive(Debug, Clone)]
pub(crate) struct JumpWatch {
    wall: SystemTime,
    mono: Instant,
    threshold: Duration,
}

impl JumpWatch {
    /// Starts watching at (`wall`, `mono`).
    pub fn new(wall: SystemTime, mono: Instant, threshold: Duration) -> Self {
        Self {
            wall,
            mono,
            threshold,
        }
    }

    /// Moves to (`wall`, `mono`); returns how far the wall clock jumped (either way) beyond the
    /// monotonic clock, when that exceeds the threshold, with the last wall time before it.
    pub fn check(&mut self, wall: SystemTime, mono: Instant) -> Option<(Duration, SystemTime)> {
        let mono_elapsed = mono.saturating_duration_since(self.mono);
        let jump = match wall.duration_since(self.wall) {
            Ok(wall_elapsed) => wall_elapsed.abs_diff(mono_elapsed),
            Err(backwards) => backwards.duration() + mono_elapsed,
        };
        let before = std::mem::replace(&mut self.wall, wall);
        self.mono = mono;
        (jump > self.threshold).then_some((jump, before))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resume_from_sleep_is_a_jump_a_steady_tick_is_not() {
        let wall = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let mono = Instant::now();
        let mut watch = JumpWatch::new(wall, mono, Duration::from_secs(30));
        let step = Duration::from_secs(5);
        assert_eq!(
            watch.check(wall + step, mono + step),
            None,
            "both clocks moved alike"
        );
        let slept = Duration::from_secs(3600);
        assert_eq!(
            watch.check(wall + step * 2 + slept, mono + step * 2),
            Some((slept, wall + step)),
            "an hour of suspend: only the wall clock moved, since the last check"
        );
        let back = wall + step * 2 + slept - Duration::from_secs(120);
        assert!(
            watch.check(back, mono + step * 3).is_some(),
            "a clock set back is a gap too"
        );
    }
}
