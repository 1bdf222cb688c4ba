//! Forwards the desk's events to the window as Tauri events of the same name.

use std::sync::Arc;

use ringdesk_core::app::Desk;
use tauri::{AppHandle, Emitter, Runtime};
use tokio::sync::broadcast::error::RecvError;

/// Starts forwarding; ends when the desk is dropped.
pub fn forward<R: Runtime>(app: AppHandle<R>, desk: &Arc<Desk>) {
    let mut events = desk.subscribe();
    tauri::async_runtime::spawn(async move {
        loop {
            match events.recv().await {
                Ok(event) => {
                    if let Err(error) = app.emit(event.name(), &event) {
                        tracing::warn!(%error, event = event.name(), "could not tell the window");
                    }
                }
                Err(RecvError::Lagged(missed)) => tracing::warn!(missed, "window events dropped"),
                Err(RecvError::Closed) => return,
            }
        }
    });
}
