//! What can go wrong registering ringdesk as the link handler.

use std::path::PathBuf;

use crate::recovery::Recovery;

/// Registering or querying the system's link handler failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HandlerError {
    /// A desktop tool (`xdg-mime`) is not installed.
    #[error("{tool} is not installed")]
    ToolMissing {
        /// The program.
        tool: &'static str,
    },
    /// A desktop tool ran and failed.
    #[error("{tool} failed: {message}")]
    ToolFailed {
        /// The program.
        tool: &'static str,
        /// Its standard error, or its exit status.
        message: String,
    },
    /// The handler entry could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// ringdesk's own path cannot be written into a desktop entry.
    #[error("ringdesk's path is not valid UTF-8: {0}")]
    BadPath(PathBuf),
    /// ringdesk cannot tell where its own program is.
    #[error("ringdesk cannot find its own program: {0}")]
    OwnPath(String),
    /// No home directory to register in.
    #[error("no home directory to register ringdesk in")]
    NoHome,
}

impl HandlerError {
    /// What the agent can do about it.
    pub fn recovery(&self) -> Recovery {
        match self {
            Self::ToolMissing { .. } | Self::NoHome | Self::BadPath(_) => Recovery::FixConfig,
            Self::ToolFailed { .. } | Self::Write { .. } | Self::OwnPath(_) => Recovery::Report,
        }
    }

    /// One sentence: what to do next.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::ToolMissing { .. } => {
                "Install xdg-utils (e.g. `sudo apt install xdg-utils`), then try again."
            }
            Self::ToolFailed { .. } => {
                "Choose ringdesk for phone links in your desktop's default-applications settings."
            }
            Self::Write { .. } => "Check that your ~/.local/share/applications folder is writable.",
            Self::BadPath(_) => "Move ringdesk to a folder whose path has only plain characters.",
            Self::OwnPath(_) => "Start ringdesk from where it is installed, then try again.",
            Self::NoHome => "Set HOME (or XDG_DATA_HOME) and try again.",
        }
    }
}
