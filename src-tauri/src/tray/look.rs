//! What the tray shows for the desk's state: which icon, the status line, the tooltip and the
//! Messages item. Pure, so every combination is tested without a tray.

use ringdesk_core::app::{LiveState, LiveView, Mode, SignInState};

/// The four tray icons (`icons/tray-*.png`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// Signed in, live updates flowing.
    Online,
    /// Connecting, reconnecting, polling or rate-limited.
    Warning,
    /// Signed out or offline.
    Offline,
    /// The built-in simulator.
    Demo,
}

impl Icon {
    /// The PNG bytes, built into the binary.
    pub fn png(self) -> &'static [u8] {
        match self {
            Self::Online => include_bytes!("../../../icons/tray-online.png"),
            Self::Warning => include_bytes!("../../../icons/tray-warning.png"),
            Self::Offline => include_bytes!("../../../icons/tray-offline.png"),
            Self::Demo => include_bytes!("../../../icons/tray-demo.png"),
        }
    }
}

/// What the tray knows, updated from the desk's events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrayState {
    /// Signed in or not (`None` until the first session event).
    pub session: Option<SignInState>,
    /// Demo or live.
    pub mode: Option<Mode>,
    /// Live updates' health (`None` before the inbox watch reports).
    pub connection: Option<LiveView>,
    /// Unread texts across conversations.
    pub unread: u64,
    /// Missed calls since History was last opened.
    pub missed: u64,
}

/// The tray's words and picture for a state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    /// The icon.
    pub icon: Icon,
    /// The first (disabled) menu line: the state in words.
    pub status: String,
    /// The tooltip (Windows, macOS; Linux trays show no tooltip).
    pub tooltip: String,
    /// The History item, with the missed-calls count.
    pub history: String,
    /// The Messages item, with the unread count.
    pub messages: String,
}

/// The look of `state`.
pub fn look(state: &TrayState) -> Look {
    let (icon, status) = match (state.session, state.connection.as_ref()) {
        (None | Some(SignInState::Connecting), _) => (Icon::Warning, "Connecting…".to_string()),
        (Some(SignInState::SignedOut), _) => (Icon::Offline, "Signed out".to_string()),
        (Some(SignInState::SignedIn), connection) => signed_in(connection),
    };
    let demo = state.mode == Some(Mode::Demo);
    let icon = if demo && icon == Icon::Online {
        Icon::Demo
    } else {
        icon
    };
    let status = if demo {
        format!("Demo · {status}")
    } else {
        status
    };
    let (tooltip, messages) = match state.unread {
        0 => (format!("ringdesk — {status}"), "Messages".to_string()),
        n => (
            format!("ringdesk — {status} · {n} unread"),
            format!("Messages ({n} unread)"),
        ),
    };
    let (tooltip, history) = match state.missed {
        0 => (tooltip, "History".to_string()),
        n => (
            format!("{tooltip} · {n} missed"),
            format!("History ({n} missed)"),
        ),
    };
    Look {
        icon,
        status,
        tooltip,
        messages,
        history,
    }
}

fn signed_in(connection: Option<&LiveView>) -> (Icon, String) {
    let Some(connection) = connection else {
        return (Icon::Online, "Signed in".into());
    };
    let icon = match connection.state {
        LiveState::Online => Icon::Online,
        LiveState::Reconnecting | LiveState::Polling | LiveState::RateLimited => Icon::Warning,
        LiveState::Offline => Icon::Offline,
    };
    (icon, connection.words.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn connection(state: &'static str) -> Option<LiveView> {
        let state = match state {
            "online" => LiveState::Online,
            "reconnecting" => LiveState::Reconnecting,
            "polling" => LiveState::Polling,
            "rate_limited" => LiveState::RateLimited,
            _ => LiveState::Offline,
        };
        Some(LiveView::new(
            state,
            std::time::Duration::from_secs(20),
            None,
            None,
        ))
    }

    fn live(connection: Option<LiveView>, unread: u64) -> TrayState {
        TrayState {
            session: Some(SignInState::SignedIn),
            mode: Some(Mode::Live),
            connection,
            unread,
            missed: 0,
        }
    }

    #[test]
    fn the_icon_follows_the_connection() {
        let cases = [
            (live(connection("online"), 0), Icon::Online),
            (live(None, 0), Icon::Online),
            (live(connection("reconnecting"), 0), Icon::Warning),
            (live(connection("polling"), 0), Icon::Warning),
            (live(connection("rate_limited"), 0), Icon::Warning),
            (live(connection("offline"), 0), Icon::Offline),
            (TrayState::default(), Icon::Warning),
            (
                TrayState {
                    session: Some(SignInState::SignedOut),
                    ..TrayState::default()
                },
                Icon::Offline,
            ),
        ];
        for (state, icon) in cases {
            assert_eq!(look(&state).icon, icon, "{state:?}");
        }
    }

    #[test]
    fn demo_is_always_labelled_and_problems_still_show() {
        let mut state = live(connection("online"), 0);
        state.mode = Some(Mode::Demo);
        let demo = look(&state);
        assert_eq!(demo.icon, Icon::Demo);
        assert!(demo.status.starts_with("Demo"), "{demo:?}");
        state.connection = connection("offline");
        assert_eq!(
            look(&state).icon,
            Icon::Offline,
            "a demo that lost its simulator is not shown as fine"
        );
    }

    #[test]
    fn unread_texts_are_counted_in_the_tooltip_and_the_menu() {
        let quiet = look(&live(connection("online"), 0));
        assert_eq!(quiet.messages, "Messages");
        assert_eq!(quiet.tooltip, "ringdesk — Connected");
        let busy = look(&live(connection("online"), 3));
        assert_eq!(busy.messages, "Messages (3 unread)");
        let missed = look(&TrayState {
            missed: 2,
            ..TrayState::default()
        });
        assert_eq!(missed.history, "History (2 missed)");
        assert!(missed.tooltip.ends_with("· 2 missed"), "{}", missed.tooltip);
        assert_eq!(busy.tooltip, "ringdesk — Connected · 3 unread");
    }
}
