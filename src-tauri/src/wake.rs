//! Catching up when the agent comes back: when the window regains focus after a long absence,
//! or while live updates are not online, the inbox reconnects and catches up at once instead of
//! waiting for its next retry. (Tauri reports no suspend/resume on Linux or Windows; the core
//! notices a sleep by itself from the wall clock within seconds — this is the quicker path.)

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ringdesk_core::app::{Desk, LiveState};
use tauri::{Runtime, WebviewWindow, WindowEvent};

/// Away at least this long: catch up on return.
const LONG_ABSENCE: Duration = Duration::from_secs(10 * 60);

/// Nudges the desk's inbox when `window` is focused again, if [`should_nudge`] says so.
pub fn watch<R: Runtime>(window: &WebviewWindow<R>, desk: &Arc<Desk>) {
    let desk = desk.clone();
    let left = Mutex::new(None::<Instant>);
    window.on_window_event(move |event| {
        let WindowEvent::Focused(focused) = event else {
            return;
        };
        let Ok(mut left) = left.lock() else {
            return;
        };
        if !focused {
            *left = Some(Instant::now());
            return;
        }
        let away = left.take().map(|since| since.elapsed());
        let online = desk
            .live_updates()
            .is_some_and(|c| c.state == LiveState::Online);
        if should_nudge(away, online) {
            tracing::info!(?away, online, "window focused: catching up");
            let desk = desk.clone();
            tauri::async_runtime::spawn(async move { desk.nudge_live_updates().await });
        }
    });
}

/// On a return (`away` is how long the window was unfocused; `None` for the first focus at
/// start-up): catch up after [`LONG_ABSENCE`], or at once when live updates are not online.
pub fn should_nudge(away: Option<Duration>, online: bool) -> bool {
    away.is_some_and(|away| !online || away >= LONG_ABSENCE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_glance_away_costs_nothing() {
        assert!(!should_nudge(Some(Duration::from_secs(30)), true));
        assert!(
            !should_nudge(None, false),
            "the first focus at start-up is no return, even before live updates connect"
        );
    }

    #[test]
    fn a_long_absence_or_a_broken_connection_catches_up() {
        assert!(should_nudge(Some(Duration::from_secs(3600)), true));
        assert!(
            should_nudge(Some(Duration::from_secs(1)), false),
            "offline or reconnecting: try now, the agent is looking"
        );
    }
}
