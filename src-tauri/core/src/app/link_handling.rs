//! Whether ringdesk opens the system's phone links, and making it so: on Linux through the
//! freedesktop entry and `xdg-mime` (run off the async threads: they start processes); on
//! Windows and macOS the user picks the default, so the answer says where.

use std::path::PathBuf;

use crate::link_handler::HandlerStatus;

#[cfg(target_os = "linux")]
use super::DeskError;
use super::{Desk, Error};

impl Desk {
    /// Who opens `tel:`, `callto:`, `sms:` and `ringdesk:` links; `program` is what links should
    /// start (the `ringdesk` front, or the AppImage).
    pub async fn link_handler_status(&self, program: PathBuf) -> Result<HandlerStatus, Error> {
        self.on_handler(program, false).await
    }

    /// Makes ringdesk the handler where the system lets an app do it (Linux) and returns the
    /// state afterwards; elsewhere returns the state with the advice of where to choose.
    pub async fn make_link_handler(&self, program: PathBuf) -> Result<HandlerStatus, Error> {
        self.on_handler(program, true).await
    }

    #[cfg(target_os = "linux")]
    async fn on_handler(
        &self,
        program: PathBuf,
        make_default: bool,
    ) -> Result<HandlerStatus, Error> {
        let handler = crate::link_handler::XdgHandler::from_env(program, &self.env)?;
        let work = move || {
            if make_default {
                handler.make_default()
            } else {
                handler.status()
            }
        };
        let status = tokio::task::spawn_blocking(work)
            .await
            .map_err(|_| DeskError::Internal("link handler check"))??;
        Ok(status)
    }

    #[cfg(not(target_os = "linux"))]
    async fn on_handler(
        &self,
        _program: PathBuf,
        _make_default: bool,
    ) -> Result<HandlerStatus, Error> {
        Ok(if cfg!(windows) {
            HandlerStatus::windows()
        } else if cfg!(target_os = "macos") {
            HandlerStatus::macos()
        } else {
            HandlerStatus::unsupported()
        })
    }
}
