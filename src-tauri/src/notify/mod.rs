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

mod clicks;
mod show;

use std::sync::Arc;

use ringdesk_core::app::{AlertKind, Desk, DeskEvent};
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::{Action, ActionType, NotificationExt};
use tokio::sync::broadcast::error::RecvError;

use crate::links;
use crate::window;
use clicks::{act, Act};
use show::{show, show_call, show_chat, show_follow_up};

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
    // Under Do not disturb follow-ups wait, unclaimed, and come when it ends.
    tauri::async_runtime::spawn(desk.clone().remind_follow_ups(
        FOLLOW_UP_CHECKS,
        move || muted_by.settings_in_force().notifies(),
        move |due| show_follow_up(&reminding, due),
    ));
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
