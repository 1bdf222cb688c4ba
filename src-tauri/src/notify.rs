//! Desktop notifications for texts customers send: one per `new-text` event (the core announces
//! each inbound message exactly once, never the agent's own), none while notifications are off
//! or Do not disturb is on. Title: the contact (or number); body: the text, shortened. A click
//! opens that conversation.
//!
//! On Linux the click arrives as the notification's `default` action (tauri-plugin-notification
//! 2.8 reports it as `tap`), when the notification server offers actions — dunst, GNOME and KDE
//! do. The body is never logged.

use std::sync::Arc;

use ringdesk_core::config::AppSettings;
use ringdesk_core::desk::{Desk, DeskEvent, NewText};
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::broadcast::error::RecvError;

use crate::window::{self, Navigate};

/// The longest body shown, in characters; longer texts end with "…".
const MAX_BODY_CHARS: usize = 200;

/// The key of the sender's number in a notification's payload.
const NUMBER: &str = "number";

/// Opens the thread when a notification is clicked, and notifies of new texts from now on.
pub fn attach<R: Runtime>(app: &AppHandle<R>, desk: &Arc<Desk>) {
    let handle = app.clone();
    let clicks = app.notification().on_action(move |performed| {
        if performed.action_id() != "tap" {
            return;
        }
        let number = performed
            .notification()
            .and_then(|n| n.extra().get(NUMBER))
            .and_then(|n| n.as_str())
            .map(str::to_string);
        window::navigate(
            &handle,
            Navigate {
                view: "messages",
                number,
            },
        );
    });
    if let Err(error) = clicks {
        tracing::warn!(%error, "clicking a notification will not open its thread");
    }
    let mut events = desk.subscribe();
    let desk = desk.clone();
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            match events.recv().await {
                Ok(DeskEvent::NewText(text)) => {
                    let settings = desk.app_settings().unwrap_or_default();
                    if wanted(&settings) {
                        show(&app, &text);
                    } else {
                        tracing::info!(
                            message_id = text.message_id,
                            "new text, not notified (muted)"
                        );
                    }
                }
                Ok(_) => {}
                Err(RecvError::Lagged(missed)) => {
                    tracing::warn!(missed, "events dropped before notifying");
                }
                Err(RecvError::Closed) => return,
            }
        }
    });
}

/// Notifications are on and Do not disturb is off.
pub fn wanted(settings: &AppSettings) -> bool {
    settings.notifications && !settings.do_not_disturb
}

fn show<R: Runtime>(app: &AppHandle<R>, text: &NewText) {
    let shown = app
        .notification()
        .builder()
        .title(&text.sender)
        .body(body(&text.text))
        .extra(NUMBER, &text.number)
        .show();
    match shown {
        // The benchmark (scripts/bench-desktop) times this line.
        Ok(()) => tracing::info!(message_id = text.message_id, "new text notified"),
        Err(error) => tracing::warn!(%error, message_id = text.message_id, "could not notify"),
    }
}

/// The notification body for a text: whitespace runs folded to one space, control characters
/// dropped, at most [`MAX_BODY_CHARS`] characters. On Linux servers read the body as markup,
/// so `&`, `<` and `>` are escaped: a text never becomes markup.
pub fn body(text: &str) -> String {
    let mut folded = String::with_capacity(text.len().min(MAX_BODY_CHARS * 4));
    let mut count = 0;
    let mut words = text.split_whitespace().peekable();
    'words: while let Some(word) = words.next() {
        for c in word.chars().filter(|c| !c.is_control()) {
            if count == MAX_BODY_CHARS {
                folded.push('…');
                break 'words;
            }
            push_escaped(&mut folded, c);
            count += 1;
        }
        if words.peek().is_some() {
            if count == MAX_BODY_CHARS {
                folded.push('…');
                break;
            }
            folded.push(' ');
            count += 1;
        }
    }
    folded
}

#[cfg(all(unix, not(target_os = "macos")))]
fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        _ => out.push(c),
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn push_escaped(out: &mut String, c: char) {
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn muted_or_switched_off_means_no_notification() {
        let on = AppSettings::default();
        assert!(wanted(&on), "notifications are on by default");
        assert!(!wanted(&AppSettings {
            do_not_disturb: true,
            ..on.clone()
        }));
        assert!(!wanted(&AppSettings {
            notifications: false,
            ..on
        }));
    }

    #[test]
    fn long_texts_are_cut_on_a_character_boundary() {
        let text = "é".repeat(500);
        let shown = body(&text);
        assert_eq!(
            shown.chars().count(),
            MAX_BODY_CHARS + 1,
            "the limit plus the ellipsis"
        );
        assert!(shown.ends_with('…'));
        assert_eq!(body("short one"), "short one", "short texts stay whole");
    }

    #[test]
    fn whitespace_folds_and_control_characters_go() {
        assert_eq!(body("  Hi\n\n there\t\u{7}you "), "Hi there you");
    }

    #[cfg(all(unix, not(target_os = "macos")))]
    #[test]
    fn markup_in_a_text_stays_text() {
        assert_eq!(
            body("<b>free</b> & <a href=x>"),
            "&lt;b&gt;free&lt;/b&gt; &amp; &lt;a href=x&gt;",
            "notification servers render the body as markup"
        );
    }
}
