//! Showing a notification: a call, a chat post, a follow-up, a text — titles and bodies as
//! the core worded them, bodies escaped (Linux servers read them as markup), no text logged.

use ringdesk_core::app::{AlertKind, CallAlert, ChatAlert, NewText, WrapUpView};
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

use super::{ABOUT, CHAT, CONTACT, MISSED_CALL_ACTIONS, NUMBER};

pub(super) fn show_call<R: Runtime>(app: &AppHandle<R>, alert: &CallAlert) {
    let about = match alert.kind {
        AlertKind::Incoming => "incoming",
        AlertKind::Missed => "missed",
    };
    let mut builder = app
        .notification()
        .builder()
        .title(&alert.title)
        .body(escaped(&alert.body))
        .extra(NUMBER, &alert.number)
        .extra(ABOUT, about);
    if let Some(contact) = alert.contact_id {
        builder = builder.extra(CONTACT, contact);
    }
    if alert.kind == AlertKind::Missed && !alert.number.is_empty() {
        builder = builder.action_type_id(MISSED_CALL_ACTIONS);
    }
    match builder.show() {
        // The benchmark (scripts/bench-desktop) times this line.
        Ok(()) => tracing::info!(kind = about, "call notified"),
        Err(error) => tracing::warn!(%error, kind = about, "could not notify the call"),
    }
}

pub(super) fn show_chat<R: Runtime>(app: &AppHandle<R>, alert: &ChatAlert) {
    let shown = app
        .notification()
        .builder()
        .title(&alert.title)
        .body(escaped(&alert.body))
        .extra(CHAT, &alert.chat)
        .extra(ABOUT, "chat")
        .show();
    match shown {
        Ok(()) => tracing::info!(post = %alert.post, "chat post notified"),
        Err(error) => tracing::warn!(%error, post = %alert.post, "could not notify a chat post"),
    }
}

pub(super) fn show_follow_up<R: Runtime>(app: &AppHandle<R>, due: &WrapUpView) {
    let body = if due.follow_up_note.is_empty() {
        "Follow-up due".to_string()
    } else {
        due.follow_up_note.clone()
    };
    let shown = app
        .notification()
        .builder()
        .title(format!("Call back {}", due.party))
        .body(escaped(&body))
        .extra(NUMBER, &due.number)
        .extra(ABOUT, "follow-up")
        .show();
    match shown {
        Ok(()) => tracing::info!("follow-up notified"),
        Err(error) => tracing::warn!(%error, "could not notify a follow-up"),
    }
}

pub(super) fn show<R: Runtime>(app: &AppHandle<R>, text: &NewText) {
    let shown = app
        .notification()
        .builder()
        .title(&text.sender)
        .body(body(text))
        .extra(NUMBER, &text.number)
        .extra(ABOUT, "text")
        .show();
    match shown {
        // The benchmark (scripts/bench-desktop) times this line.
        Ok(()) => tracing::info!(message_id = text.message_id, "new text notified"),
        Err(error) => tracing::warn!(%error, message_id = text.message_id, "could not notify"),
    }
}

/// The notification body: the text's preview, escaped (see [`escaped`]).
fn body(text: &NewText) -> String {
    escaped(&text.preview())
}

/// On Linux servers read the body as markup, so `&`, `<` and `>` are escaped: a text or a
/// caller's name never becomes markup.
fn escaped(text: &str) -> String {
    let mut body = String::with_capacity(text.len());
    for c in text.chars() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(all(unix, not(target_os = "macos")))]
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
