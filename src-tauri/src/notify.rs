//! Desktop notifications. Team chat posts at each chat's level (`DeskEvent::ChatAlert`; a click
//! opens the chat). Follow-ups promised in wrap-ups when their time comes ("Call back Ana
//! Silva — promised a quote"; a click calls back, per the link action). Texts customers send: the core hands each inbound message over at
//! least once (`Desk::deliver_new_texts`, from the cache's ledger; never the agent's own).
//! Calls: an incoming call while it rings and a missed call (`DeskEvent::CallAlert`, with the
//! words the core chose, see `ringdesk_core::app::CallAlert`). None is shown while the settings
//! say no ([`ringdesk_core::config::AppSettings::notifies`] for texts,
//! [`ringdesk_core::config::AppSettings::alerts_calls`] for calls).
//!
//! A click opens what the notification is about: a text's conversation, an incoming call's
//! contact (or the Contacts view searching the number when nobody knows it), a missed call's
//! History. A missed call's notification also has two buttons: *Call back* (like a number the
//! agent picked outside the window: shown in the dial view, or dialed at once when the link
//! action says so) and *Text* (the conversation). On Linux the click arrives as the
//! notification's `default` action (tauri-plugin-notification 2.8 reports it as `tap`), the
//! buttons as their own ids, when the notification server offers actions — dunst, GNOME and KDE
//! do. No text body is logged.

use std::sync::Arc;

use ringdesk_core::app::{AlertKind, CallAlert, ChatAlert, Desk, DeskEvent, NewText, WrapUpView};
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::{Action, ActionType, NotificationExt};
use tokio::sync::broadcast::error::RecvError;

use crate::links;
use crate::window::{self, Navigate};

/// The key of the number in a notification's payload.
const NUMBER: &str = "number";
/// The key of what a notification is about: `text`, `incoming`, `missed`, `chat` or
/// `follow-up`.
const ABOUT: &str = "about";
/// The key of the contact an incoming call's notification opens.
const CONTACT: &str = "contact";
/// The key of the team chat a post's notification opens.
const CHAT: &str = "chat";
/// The action type of a missed call's notification: its buttons.
const MISSED_CALL_ACTIONS: &str = "missed-call";
/// The *Call back* button.
const CALL_BACK: &str = "call-back";
/// The *Text* button.
const TEXT_BACK: &str = "text";
/// How often follow-ups are looked at for one whose time has come.
const FOLLOW_UP_CHECKS: std::time::Duration = std::time::Duration::from_secs(20);

/// What a performed notification action asks for.
#[derive(Debug, PartialEq, Eq)]
enum Act {
    /// Bring the window forward there.
    Open(Navigate),
    /// Call this number back (per the link action).
    CallBack(String),
}

/// What the action `action_id` on a notification with these extras asks for.
fn act(
    action_id: &str,
    extra: &std::collections::HashMap<String, serde_json::Value>,
) -> Option<Act> {
    let number = || {
        extra
            .get(NUMBER)
            .and_then(|n| n.as_str())
            .map(str::to_string)
    };
    let about = extra.get(ABOUT).and_then(|a| a.as_str());
    match action_id {
        // A follow-up's reminder is clicked to make the promised call.
        "tap" if about == Some("follow-up") => number().map(Act::CallBack),
        "tap" => Some(Act::Open(destination(extra))),
        CALL_BACK => number().map(Act::CallBack),
        TEXT_BACK => Some(Act::Open(Navigate {
            view: "messages",
            number: Some(number()?),
            contact: None,
            chat: None,
        })),
        _ => None,
    }
}

/// Where a click on a notification with these extras goes.
fn destination(extra: &std::collections::HashMap<String, serde_json::Value>) -> Navigate {
    let number = extra
        .get(NUMBER)
        .and_then(|n| n.as_str())
        .map(str::to_string);
    match extra.get(ABOUT).and_then(|a| a.as_str()) {
        Some("incoming") => Navigate {
            view: "contacts",
            contact: extra.get(CONTACT).and_then(serde_json::Value::as_i64),
            number,
            chat: None,
        },
        Some("chat") => Navigate {
            view: "chats",
            chat: extra.get(CHAT).and_then(|c| c.as_str()).map(str::to_string),
            ..Navigate::default()
        },
        Some("missed") => Navigate {
            view: "history",
            number: None,
            contact: None,
            chat: None,
        },
        _ => Navigate {
            view: "messages",
            number,
            contact: None,
            chat: None,
        },
    }
}

/// Opens what a clicked notification is about, and notifies of new texts and calls from now on.
pub fn attach<R: Runtime>(app: &AppHandle<R>, desk: &Arc<Desk>) {
    let buttons = ActionType::builder(MISSED_CALL_ACTIONS)
        .actions(vec![
            Action::builder(CALL_BACK, "Call back").build(),
            Action::builder(TEXT_BACK, "Text").build(),
        ])
        .build();
    if let Err(error) = app.notification().register_action_types(vec![buttons]) {
        tracing::warn!(%error, "missed calls will be notified without buttons");
    }
    let handle = app.clone();
    let caller = desk.clone();
    let clicks = app.notification().on_action(move |performed| {
        let Some(notification) = performed.notification() else {
            return;
        };
        match act(performed.action_id(), notification.extra()) {
            Some(Act::Open(to)) => window::navigate(&handle, to),
            Some(Act::CallBack(number)) => {
                let (app, desk) = (handle.clone(), caller.clone());
                tauri::async_runtime::spawn(async move {
                    let view = desk.open_number(&number).await;
                    tracing::info!(
                        outcome = links::outcome(&view),
                        "call back from a notification"
                    );
                    links::present(&app, view);
                });
            }
            None => {}
        }
    });
    if let Err(error) = clicks {
        tracing::warn!(%error, "clicking a notification will not open what it is about");
    }
    follow_calls(app.clone(), desk.clone());
    let (reminding, muted_by) = (app.clone(), desk.clone());
    tauri::async_runtime::spawn(
        desk.clone()
            .remind_follow_ups(FOLLOW_UP_CHECKS, move |due| {
                if muted_by.settings_in_force().notifies() {
                    show_follow_up(&reminding, due);
                } else {
                    tracing::info!("follow-up due, not notified (muted)");
                }
            }),
    );
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

/// Notifies incoming and missed calls, and team chat posts, as the desk announces them.
fn follow_calls<R: Runtime>(app: AppHandle<R>, desk: Arc<Desk>) {
    let mut events = desk.subscribe();
    tauri::async_runtime::spawn(async move {
        loop {
            match events.recv().await {
                Ok(DeskEvent::CallAlert(alert))
                    if desk
                        .settings_in_force()
                        .alerts_calls(alert.kind == AlertKind::Missed) =>
                {
                    show_call(&app, &alert)
                }
                Ok(DeskEvent::CallAlert(alert)) => {
                    tracing::info!(kind = ?alert.kind, "call alert, not notified (muted)")
                }
                // Do not disturb (or notifications off) holds chat posts back like texts.
                Ok(DeskEvent::ChatAlert(alert)) if desk.settings_in_force().notifies() => {
                    show_chat(&app, &alert)
                }
                Ok(DeskEvent::ChatAlert(alert)) => {
                    tracing::info!(post = %alert.post, "chat post, not notified (muted)")
                }
                Ok(_) | Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => return,
            }
        }
    });
}

fn show_call<R: Runtime>(app: &AppHandle<R>, alert: &CallAlert) {
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

fn show_chat<R: Runtime>(app: &AppHandle<R>, alert: &ChatAlert) {
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

fn show_follow_up<R: Runtime>(app: &AppHandle<R>, due: &WrapUpView) {
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

fn show<R: Runtime>(app: &AppHandle<R>, text: &NewText) {
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
pub fn body(text: &NewText) -> String {
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

    #[test]
    fn a_click_opens_what_the_notification_is_about() {
        let extra = |pairs: &[(&str, serde_json::Value)]| {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect::<std::collections::HashMap<_, _>>()
        };
        let number = serde_json::json!("+14155550188");
        let incoming = destination(&extra(&[
            (NUMBER, number.clone()),
            (ABOUT, "incoming".into()),
            (CONTACT, 7.into()),
        ]));
        assert_eq!((incoming.view, incoming.contact), ("contacts", Some(7)));
        let missed = destination(&extra(&[
            (NUMBER, number.clone()),
            (ABOUT, "missed".into()),
        ]));
        assert_eq!(missed.view, "history");
        let text = destination(&extra(&[(NUMBER, number.clone())]));
        assert_eq!(
            (text.view, text.number.as_deref()),
            ("messages", Some("+14155550188"))
        );
        let chat = destination(&extra(&[(ABOUT, "chat".into()), (CHAT, "77".into())]));
        assert_eq!((chat.view, chat.chat.as_deref()), ("chats", Some("77")));
    }

    #[test]
    fn a_missed_calls_buttons_call_back_and_open_the_conversation() {
        let extra: std::collections::HashMap<String, serde_json::Value> = [
            (NUMBER.to_owned(), serde_json::json!("+14155550188")),
            (ABOUT.to_owned(), serde_json::json!("missed")),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            act(CALL_BACK, &extra),
            Some(Act::CallBack("+14155550188".into()))
        );
        assert_eq!(
            act(TEXT_BACK, &extra),
            Some(Act::Open(Navigate {
                view: "messages",
                number: Some("+14155550188".into()),
                contact: None,
                chat: None,
            }))
        );
        assert!(
            matches!(
                act("tap", &extra),
                Some(Act::Open(Navigate {
                    view: "history",
                    ..
                }))
            ),
            "a click on the notification itself opens History"
        );
        let follow_up: std::collections::HashMap<String, serde_json::Value> = [
            (NUMBER.to_owned(), serde_json::json!("+14155550188")),
            (ABOUT.to_owned(), serde_json::json!("follow-up")),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            act("tap", &follow_up),
            Some(Act::CallBack("+14155550188".into())),
            "a follow-up's reminder calls back"
        );
        assert_eq!(act("dismissed", &extra), None);
        assert_eq!(
            act(CALL_BACK, &Default::default()),
            None,
            "no number, no call"
        );
    }
}
