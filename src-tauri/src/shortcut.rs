//! Dial from anywhere: a global shortcut (Settings; `Ctrl+Alt+D` by default) takes the selected
//! text — the X11 primary selection, else the clipboard — and acts on the first phone number in
//! it like a clicked `tel:` link (prefilled or dialed as the agent chose, do-not-call and the
//! link guard applied). Where the desktop lets no app grab keys (a Wayland session), nothing is
//! grabbed and Settings says so — the key grab of X11 would fail without a word there.

use std::sync::{Arc, Mutex};

use ringdesk_core::app::{Desk, LinkView};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_global_shortcut::ShortcutState;

/// Whether the shortcut is in force, for Settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShortcutStatus {
    /// The shortcut as set (empty: none).
    pub shortcut: String,
    /// Grabbed: pressing it anywhere dials the selection.
    pub active: bool,
    /// Why it is not, when it was wanted.
    pub problem: Option<String>,
}

/// The shortcut's status, kept for Settings.
#[derive(Debug, Default)]
pub struct Shortcuts(Mutex<ShortcutStatus>);

impl Shortcuts {
    /// The status now.
    pub fn status(&self) -> ShortcutStatus {
        match self.0.lock() {
            Ok(status) => status.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn set(&self, status: ShortcutStatus) {
        match self.0.lock() {
            Ok(mut kept) => *kept = status,
            Err(poisoned) => *poisoned.into_inner() = status,
        }
    }
}

/// The global-shortcut plugin, whose every press dials the selection.
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_global_shortcut::Builder::new()
        .with_handler(|app, _shortcut, event| {
            if event.state() == ShortcutState::Pressed {
                dial_selection(app);
            }
        })
        .build()
}

/// Grabs `shortcut` (letting go of the one before) and keeps the outcome for Settings.
pub fn apply<R: Runtime>(app: &AppHandle<R>, shortcut: &str) {
    let status = grab(app, shortcut);
    match &status.problem {
        Some(problem) => tracing::warn!(shortcut, problem, "no dial-from-anywhere shortcut"),
        None if status.active => tracing::info!(shortcut, "dial-from-anywhere shortcut grabbed"),
        None => {}
    }
    if let Some(kept) = app.try_state::<Shortcuts>() {
        kept.set(status);
    }
}

fn grab<R: Runtime>(app: &AppHandle<R>, shortcut: &str) -> ShortcutStatus {
    let mut status = ShortcutStatus {
        shortcut: shortcut.to_string(),
        ..ShortcutStatus::default()
    };
    let Some(manager) = app.try_state::<tauri_plugin_global_shortcut::GlobalShortcut<R>>() else {
        if !shortcut.is_empty() {
            status.problem = Some("Global shortcuts are not available in this window.".into());
        }
        return status;
    };
    if let Err(error) = manager.unregister_all() {
        tracing::warn!(%error, "the old shortcut could not be let go");
    }
    if shortcut.is_empty() {
        return status;
    }
    if let Some(problem) = desktop_refuses() {
        status.problem = Some(problem);
        return status;
    }
    match manager.register(shortcut) {
        Ok(()) => status.active = true,
        Err(error) => {
            status.problem = Some(format!(
                "{shortcut} could not be taken ({error}): another app may use it; pick another."
            ))
        }
    }
    status
}

/// Why this desktop lets no app grab a key, if it does not.
fn desktop_refuses() -> Option<String> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let wayland = std::env::var_os("WAYLAND_DISPLAY").is_some_and(|d| !d.is_empty())
        || std::env::var("XDG_SESSION_TYPE").is_ok_and(|t| t.eq_ignore_ascii_case("wayland"));
    if wayland {
        return Some(
            "This desktop (Wayland) does not let apps take global shortcuts: copy the number \
             and use the tray's Dial clipboard number instead."
                .into(),
        );
    }
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        return Some("There is no X11 display to take a shortcut from.".into());
    }
    None
}

/// Reads the selection off the main thread (its owner may be this very window, which answers
/// on the main thread) and acts on its first number like a `tel:` link.
pub fn dial_selection<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let desk = app.state::<Arc<Desk>>().inner().clone();
    tauri::async_runtime::spawn(async move {
        let text = tauri::async_runtime::spawn_blocking(selected_text)
            .await
            .ok()
            .flatten();
        let view = match text {
            Some(text) => desk.open_number(&text).await,
            None => LinkView::Error {
                message: "Nothing is selected.".into(),
                hint: "Select a phone number (or copy it), then press the shortcut again.".into(),
            },
        };
        tracing::info!(outcome = crate::links::outcome(&view), "selected number");
        crate::links::present(&app, view);
    });
}

/// The X11 primary selection where there is one, else the clipboard.
fn selected_text() -> Option<String> {
    let mut clipboard = arboard::Clipboard::new().ok()?;
    #[cfg(target_os = "linux")]
    {
        use arboard::{GetExtLinux, LinuxClipboardKind};
        let primary = clipboard
            .get()
            .clipboard(LinuxClipboardKind::Primary)
            .text();
        if let Some(text) = primary.ok().filter(|t| !t.trim().is_empty()) {
            return Some(text);
        }
    }
    clipboard.get_text().ok().filter(|t| !t.trim().is_empty())
}
