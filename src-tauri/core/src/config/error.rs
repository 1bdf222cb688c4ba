//! Errors from reading or writing configuration.

use std::path::PathBuf;

/// Why configuration could not be read, resolved or saved.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The platform has no home or config directory and none was given.
    #[error("no configuration directory could be found for this user")]
    NoHomeDirectory,
    /// The config file exists but cannot be read or written.
    #[error("cannot access {path}: {source}")]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The config file is not valid TOML for ringdesk: `path:line:column: message`, the form
    /// editors and terminals turn into a link to the place.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        /// The file that failed to parse.
        path: PathBuf,
        /// The line of the mistake, from 1.
        line: usize,
        /// The column of the mistake, from 1 (in characters).
        column: usize,
        /// What is wrong there, in the parser's words (one line).
        message: String,
    },
    /// A managed policy (macOS managed preferences, the Windows registry) holds a setting
    /// ringdesk cannot read: `place: key: message`.
    #[error("{place}: {key}: {message}")]
    InvalidPolicySetting {
        /// The property list's path or the registry key.
        place: String,
        /// The setting's name (empty: the whole policy).
        key: String,
        /// What is wrong with it.
        message: String,
    },
    /// A profile name contains characters that cannot name files and keychain entries.
    #[error("profile name {0:?} is not allowed: use letters, digits, '-' and '_' (at most 64)")]
    BadProfileName(String),
    /// A server URL is not an absolute http(s) URL.
    #[error("server {0:?} is not a URL: use production, sandbox or an https:// address")]
    BadServer(String),
    /// A server URL is plain `http://` to another machine: tokens and the client secret would
    /// cross the network readable.
    #[error("server {0} uses plain http://, which is allowed only for this machine (a simulator): use its https:// address")]
    InsecureServer(String),
    /// Demo mode while the machine's policy turns it off.
    #[error("demo mode is turned off by your organization ({0}): sign in with RingCentral")]
    DemoNotAllowed(String),
}

impl ConfigError {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::NoHomeDirectory => {
                "Set RINGDESK_CONFIG_DIR and RINGDESK_DATA_DIR to writable folders."
            }
            Self::Io { .. } => "Check that the folder exists and that you may write to it.",
            Self::Invalid { .. } => "Fix the line shown, or move the file away to start fresh.",
            Self::InvalidPolicySetting { .. } => {
                "Ask your IT administrator to fix the setting named in ringdesk's managed policy."
            }
            Self::BadProfileName(_) => "Choose a profile name like \"work\" or \"sales-eu\".",
            Self::BadServer(_) | Self::InsecureServer(_) => {
                "Use production, sandbox or an https:// address."
            }
            Self::DemoNotAllowed(_) => {
                "Run without --demo: ringdesk signs in to your organization's RingCentral account."
            }
        }
    }
}
