//! Where ringdesk keeps its files and how a profile is configured.
//!
//! Configuration is a TOML file in the platform config directory with one section per profile,
//! overridden by environment variables (`RINGCENTRAL_SERVER_URL`, `RINGCENTRAL_CLIENT_ID`,
//! `RINGCENTRAL_CLIENT_SECRET`, `RINGCENTRAL_JWT`, `RINGDESK_DATA_DIR`, `RINGDESK_CONFIG_DIR`).
//! Secrets are never read from or written to the file.

mod environment;
mod error;
mod file;
mod integrations;
mod managed_policy;
mod paths;
mod policy;
mod profile;

pub use environment::Environment;
pub use error::ConfigError;
pub use file::{
    AppSettings, ConfigFile, LinkAction, ProfileSettings, SettingDefaults, Theme,
    DEFAULT_DIAL_SHORTCUT, MOST_LIST_COUNTDOWN_SECS,
};
pub use integrations::{
    IntegrationSettings, SuiteDashSettings, WebhookSettings, SUITEDASH_API_URL,
    SUITEDASH_DEFAULT_QUOTA,
};
pub use managed_policy::{ManagedValue, WINDOWS_POLICY_KEY};
pub use paths::Paths;
pub use policy::{
    policy_path, Lockable, Policy, PolicyInForce, SignInPolicy, MACOS_MANAGED_PREFERENCES,
    POLICY_FILE_ENV,
};
pub use profile::{Mode, Profile, Server};

/// The profile used when none is named.
pub const DEFAULT_PROFILE: &str = "default";
