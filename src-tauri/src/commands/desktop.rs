//! Whether ringdesk opens the system's phone links, and making it so.

use ringdesk_core::handler::HandlerStatus;
use tauri::{AppHandle, Runtime, State};

use crate::{Launch, UiError, UiErrorCode};

/// Who opens `tel:`, `callto:`, `sms:` and `ringdesk:` links on this computer.
#[tauri::command]
pub async fn handler_status<R: Runtime>(
    app: AppHandle<R>,
    launch: State<'_, Launch>,
) -> Result<HandlerStatus, UiError> {
    system::status(&app, &launch).await
}

/// Makes ringdesk the handler where the system allows it (Linux), or opens the place where the
/// user chooses (Windows); returns the state afterwards.
#[tauri::command]
pub async fn make_default_handler<R: Runtime>(
    app: AppHandle<R>,
    launch: State<'_, Launch>,
) -> Result<HandlerStatus, UiError> {
    system::make_default(&app, &launch).await
}

fn blocking_failed(error: tauri::Error) -> UiError {
    UiError {
        code: UiErrorCode::Internal,
        message: format!("checking the link handler failed: {error}"),
        hint: "Try again; if it keeps happening, restart ringdesk.".into(),
    }
}

#[cfg(target_os = "linux")]
mod system {
    use ringdesk_core::handler::{HandlerError, HandlerStatus, XdgHandler};
    use tauri::{AppHandle, Manager, Runtime};

    use super::blocking_failed;
    use crate::{Launch, UiError};

    /// The program links should start: the AppImage when running from one, else the `ringdesk`
    /// front next to this program.
    fn handler<R: Runtime>(app: &AppHandle<R>, launch: &Launch) -> Result<XdgHandler, UiError> {
        let exe = match app.env().appimage {
            Some(appimage) => appimage.into(),
            None => tauri::utils::platform::current_exe()
                .map(crate::front::front_program)
                .map_err(|error| ui(HandlerError::OwnPath(error.to_string())))?,
        };
        XdgHandler::from_env(exe, &launch.env).map_err(ui)
    }

    fn ui(error: HandlerError) -> UiError {
        ringdesk_core::Error::from(error).into()
    }

    pub async fn status<R: Runtime>(
        app: &AppHandle<R>,
        launch: &Launch,
    ) -> Result<HandlerStatus, UiError> {
        let handler = handler(app, launch)?;
        tauri::async_runtime::spawn_blocking(move || handler.status())
            .await
            .map_err(blocking_failed)?
            .map_err(ui)
    }

    pub async fn make_default<R: Runtime>(
        app: &AppHandle<R>,
        launch: &Launch,
    ) -> Result<HandlerStatus, UiError> {
        let handler = handler(app, launch)?;
        tauri::async_runtime::spawn_blocking(move || handler.make_default())
            .await
            .map_err(blocking_failed)?
            .map_err(ui)
    }
}

#[cfg(not(target_os = "linux"))]
mod system {
    use ringdesk_core::handler::HandlerStatus;
    use tauri::{AppHandle, Runtime};

    use crate::{Launch, UiError, UiErrorCode};

    fn here() -> HandlerStatus {
        if cfg!(windows) {
            HandlerStatus::windows()
        } else if cfg!(target_os = "macos") {
            HandlerStatus::macos()
        } else {
            HandlerStatus::unsupported()
        }
    }

    pub async fn status<R: Runtime>(
        _app: &AppHandle<R>,
        _launch: &Launch,
    ) -> Result<HandlerStatus, UiError> {
        Ok(here())
    }

    /// Windows: the Default apps page, where the user picks ringdesk for TEL, CALLTO and SMS.
    pub async fn make_default<R: Runtime>(
        _app: &AppHandle<R>,
        _launch: &Launch,
    ) -> Result<HandlerStatus, UiError> {
        if cfg!(windows) {
            opener::open("ms-settings:defaultapps").map_err(|error| {
                tracing::warn!(%error, "could not open Default apps");
                UiError {
                    code: UiErrorCode::Internal,
                    message: "ringdesk could not open Windows' Default apps settings.".into(),
                    hint: "Open Settings → Apps → Default apps and choose ringdesk for TEL, \
                           CALLTO and SMS."
                        .into(),
                }
            })?;
        }
        Ok(here())
    }
}
