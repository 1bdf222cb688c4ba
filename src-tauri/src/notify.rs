//! Desktop notifications for texts customers send: the core hands each inbound message over at
//! least once (`Desk::deliver_new_texts`, from the cache's ledger; never the agent's own), and
//! none is shown while the settings say no
//! ([`ringdesk_core::config::AppSettings::notifies`]). Title: the contact (or number); body:
//! the text's preview ([`NewText::preview`]). A click opens that conversation.
//!
//! On Linux the click arrives as the notification's `default` action (tauri-plugin-notification
//! 2.8 reports it as `tap`), when the notification server offers actions — dunst, GNOME and KDE
//! do. The body is never logged.

use std::sync::Arc;

use ringdesk_core::app::{Desk, NewText};
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::window::{self, Navigate};

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
    let app = app.clone();
    let muted_by = desk.clone();
    tauri::async_runtime::spawn(desk.clone().deliver_new_texts(move |text| {
        // Settings that cannot be read mean Do not disturb, never the defaults: a banner the
        // agent turned off cannot be taken back, a quiet text still waits in Messages, and the
        // window says why (Desk::settings_in_force).
        if muted_by.settings_in_force().notifies() {
            show(&app, text);
        } else {
            tracing::info!(
                message_id = text.message_id,
                "new text, not notified (muted)"
            );
        }
    }));
}

fn show<R: Runtime>(app: &AppHandle<R>, text: &NewText) {
    let shown = app
        .notification()
        .builder()
        .title(&text.sender)
        .body(body(text))
        .extra(NUMBER, &text.number)
        .show();
    match shown {
        // The benchmark (scripts/bench-desktop) times this line.
        Ok(()) => tracing::info!(message_id = text.message_id, "new text notified"),
        Err(error) => tracing::warn!(%error, message_id = text.message_id, "could not notify"),
    }
}

/// The notification body: the text's preview. On Linux servers read the body as markup, so
/// `&`, `<` and `>` are escaped: a text never becomes markup.
pub fn body(text: &NewText) -> String {
    let preview = text.preview();
    let mut body = String::with_capacity(preview.len());
    for c in preview.chars() {
        push_escaped(&mut body, c);
    }
    body
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

#[cfg(all(test, unix, not(target_os = "macos")))]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_text_stays_text() {
        let text = NewText {
            message_id: 1,
            number: "+14155550123".into(),
            sender: "Ana".into(),
            text: "<b>free</b> & <a href=x>".into(),
        };
        assert_eq!(
            body(&text),
            "&lt;b&gt;free&lt;/b&gt; &amp; &lt;a href=x&gt;",
            "notification servers render the body as markup"
        );
    }
}
