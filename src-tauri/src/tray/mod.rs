//! The tray icon: the connection state as a picture (and in words, since Linux trays show no
//! tooltip), the unread count, and a menu — Show, Dial clipboard number, Messages, Do not
//! disturb, Quit. It follows the desk's `session`, `connection` and `messages` events.
//!
//! On a desktop without a tray (GNOME without the AppIndicator extension, a headless test
//! display) the icon is created but nobody shows it: a second `ringdesk` brings the window back.

mod look;

use std::sync::{Arc, Mutex};

use ringdesk_core::app::{Desk, DeskEvent, LinkView};
use tauri::image::Image;
use tauri::menu::{CheckMenuItem, Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIcon, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tokio::sync::broadcast::error::RecvError;

pub use look::{look, Icon, TrayState};

use crate::window::{self, Navigate};

const SHOW: &str = "show";
const DIAL_CLIPBOARD: &str = "dial-clipboard";
const MESSAGES: &str = "messages";
const HISTORY: &str = "history";
const DO_NOT_DISTURB: &str = "do-not-disturb";
const QUIT: &str = "quit";

/// The tray and the menu items that change, kept as app state.
pub struct Tray<R: Runtime> {
    icon: TrayIcon<R>,
    status: MenuItem<R>,
    messages: MenuItem<R>,
    history: MenuItem<R>,
    do_not_disturb: CheckMenuItem<R>,
    state: Mutex<(TrayState, Option<Icon>)>,
}

/// Creates the tray icon and starts following the desk.
pub fn create<R: Runtime>(app: &AppHandle<R>, desk: &Arc<Desk>) -> tauri::Result<()> {
    let events = desk.subscribe();
    // Ticked when the settings cannot be read: ringdesk is then quiet (see settings_in_force).
    let muted = desk.settings_in_force().do_not_disturb;
    let status = MenuItem::with_id(app, "status", "Connecting…", false, None::<&str>)?;
    let messages = MenuItem::with_id(app, MESSAGES, "Messages", true, None::<&str>)?;
    let history = MenuItem::with_id(app, HISTORY, "History", true, None::<&str>)?;
    let do_not_disturb = CheckMenuItem::with_id(
        app,
        DO_NOT_DISTURB,
        "Do not disturb",
        true,
        muted,
        None::<&str>,
    )?;
    let menu = Menu::with_items(
        app,
        &[
            &status,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, SHOW, "Show ringdesk", true, None::<&str>)?,
            &MenuItem::with_id(
                app,
                DIAL_CLIPBOARD,
                "Dial clipboard number",
                true,
                None::<&str>,
            )?,
            &messages,
            &history,
            &PredefinedMenuItem::separator(app)?,
            &do_not_disturb,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, QUIT, "Quit ringdesk", true, None::<&str>)?,
        ],
    )?;
    let icon = TrayIconBuilder::with_id("ringdesk")
        .icon(Image::from_bytes(Icon::Warning.png())?)
        .tooltip("ringdesk")
        .menu(&menu)
        .show_menu_on_left_click(false)
        .on_menu_event(on_menu)
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                window::reveal(tray.app_handle());
            }
        })
        .build(app)?;
    app.manage(Tray {
        icon,
        status,
        messages,
        history,
        do_not_disturb,
        state: Mutex::new((TrayState::default(), None)),
    });
    follow(app.clone(), desk.clone(), events);
    Ok(())
}

/// Settings changed elsewhere (the window): keep the Do not disturb tick in step.
pub fn settings_changed<R: Runtime>(app: &AppHandle<R>, do_not_disturb: bool) {
    if let Some(tray) = app.try_state::<Tray<R>>() {
        if let Err(error) = tray.do_not_disturb.set_checked(do_not_disturb) {
            tracing::debug!(%error, "could not tick Do not disturb");
        }
    }
}

fn follow<R: Runtime>(
    app: AppHandle<R>,
    desk: Arc<Desk>,
    mut events: tokio::sync::broadcast::Receiver<DeskEvent>,
) {
    tauri::async_runtime::spawn(async move {
        let session = desk.session().await;
        update(&app, |state| {
            state.session = Some(session.state);
            state.mode = Some(session.mode);
            state.connection = desk.live_updates();
        });
        loop {
            match events.recv().await {
                Ok(DeskEvent::SignIn(session)) => update(&app, |state| {
                    state.session = Some(session.state);
                    state.mode = Some(session.mode);
                }),
                Ok(DeskEvent::Connection(connection)) => {
                    update(&app, |state| state.connection = Some(connection))
                }
                Ok(DeskEvent::Messages(change)) => {
                    update(&app, |state| state.unread = change.unread)
                }
                Ok(DeskEvent::MissedCalls(count)) => update(&app, |state| state.missed = count),
                Ok(_) | Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => return,
            }
        }
    });
}

/// Changes the state and redraws what changed.
fn update<R: Runtime>(app: &AppHandle<R>, change: impl FnOnce(&mut TrayState)) {
    let Some(tray) = app.try_state::<Tray<R>>() else {
        return;
    };
    let Ok(mut guard) = tray.state.lock() else {
        return;
    };
    let (state, shown) = &mut *guard;
    change(state);
    let look = look(state);
    let redraw_icon = *shown != Some(look.icon);
    *shown = Some(look.icon);
    drop(guard);
    let results = [
        if redraw_icon {
            Image::from_bytes(look.icon.png()).and_then(|image| tray.icon.set_icon(Some(image)))
        } else {
            Ok(())
        },
        tray.icon.set_tooltip(Some(&look.tooltip)),
        tray.status.set_text(&look.status),
        tray.messages.set_text(&look.messages),
        tray.history.set_text(&look.history),
    ];
    for error in results.into_iter().filter_map(Result::err) {
        tracing::debug!(%error, "the tray could not be updated");
    }
}

fn on_menu<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    match event.id().as_ref() {
        SHOW => window::reveal(app),
        DIAL_CLIPBOARD => dial_clipboard(app),
        MESSAGES => window::navigate(
            app,
            Navigate {
                view: "messages",
                number: None,
                contact: None,
                chat: None,
            },
        ),
        HISTORY => {
            app.state::<Arc<Desk>>().history_seen();
            window::navigate(
                app,
                Navigate {
                    view: "history",
                    number: None,
                    contact: None,
                    chat: None,
                },
            )
        }
        DO_NOT_DISTURB => toggle_do_not_disturb(app),
        QUIT => app.exit(0),
        _ => {}
    }
}

/// Reads the clipboard off the main thread (the owner of the clipboard may be this very
/// window, which answers on the main thread) and acts on it like a `tel:` link.
fn dial_clipboard<R: Runtime>(app: &AppHandle<R>) {
    use tauri_plugin_clipboard_manager::ClipboardExt;

    let app = app.clone();
    let desk = app.state::<Arc<Desk>>().inner().clone();
    tauri::async_runtime::spawn(async move {
        let reader = app.clone();
        let text = tauri::async_runtime::spawn_blocking(move || reader.clipboard().read_text())
            .await
            .ok()
            .and_then(Result::ok);
        let view = match text {
            Some(text) => desk.open_number(&text).await,
            None => LinkView::Error {
                message: "The clipboard holds no text.".into(),
                hint: "Copy a phone number, then choose Dial clipboard number again.".into(),
            },
        };
        tracing::info!(outcome = crate::links::outcome(&view), "clipboard number");
        crate::links::present(&app, view);
    });
}

/// The menu item has already ticked itself: mute notifications and set RingCentral's Do not
/// disturb (`Desk::set_do_not_disturb`), tell the window, and untick on failure.
fn toggle_do_not_disturb<R: Runtime>(app: &AppHandle<R>) {
    let Some(tray) = app.try_state::<Tray<R>>() else {
        return;
    };
    let wanted = tray.do_not_disturb.is_checked().unwrap_or(false);
    let app = app.clone();
    let desk = app.state::<Arc<Desk>>().inner().clone();
    tauri::async_runtime::spawn(async move {
        match desk.set_do_not_disturb(wanted).await {
            Ok(settings) => {
                if let Err(error) = app.emit("settings", settings) {
                    tracing::debug!(%error, "could not tell the window");
                }
            }
            Err(error) => {
                tracing::warn!(%error, "could not save Do not disturb");
                settings_changed(&app, !wanted);
            }
        }
    });
}
