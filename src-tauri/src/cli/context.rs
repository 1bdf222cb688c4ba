//! What every subcommand needs: the resolved launch (profile, paths), the environment, the
//! output, and a way to connect the profile (keychain in live mode, simulator in demo mode).

use std::sync::Arc;

use ringdesk_core::api::ClientOptions;
use ringdesk_core::auth::{KeyringStore, MemoryStore, TokenStore};
use ringdesk_core::config::{ConfigError, Environment, Mode};
use ringdesk_core::connection::Connection;
use ringdesk_core::phone::Country;
use ringdesk_core::store::Store;

use super::{Cli, Output};
use crate::{Launch, UiError};

/// The context of one command.
#[derive(Debug)]
pub struct Context {
    /// Profile and paths.
    pub launch: Launch,
    /// The environment snapshot.
    pub env: Environment,
    /// Where results go.
    pub output: Output,
}

impl Context {
    /// Resolves the profile from the arguments and the process environment.
    pub fn from_cli(cli: &Cli, output: Output) -> Result<Self, ConfigError> {
        let env = Environment::from_process();
        let launch = Launch::resolve(cli, &env)?;
        Ok(Self {
            launch,
            env,
            output,
        })
    }

    /// Whether this is demo mode.
    pub fn is_demo(&self) -> bool {
        self.launch.profile.mode == Mode::Demo
    }

    /// Connects the profile. Live mode needs the system keychain; demo mode keeps its
    /// memory-held tokens and never touches it.
    pub async fn connect(&self) -> Result<Connection, ringdesk_core::Error> {
        let store: Arc<dyn TokenStore> = if self.is_demo() {
            Arc::new(MemoryStore::default())
        } else {
            Arc::new(KeyringStore::platform()?)
        };
        let profile = &self.launch.profile;
        if self.is_demo() {
            tracing::info!(profile = %profile.name, "demo mode: the built-in RingCentral simulator");
            if !self.output.is_json() {
                eprintln!(
                    "DEMO MODE — the built-in RingCentral simulator; no real calls or texts."
                );
            }
        }
        Connection::open(profile, &self.env, store, ClientOptions::default()).await
    }

    /// The profile's local cache file (demo mode keeps its own, never mixed with live data).
    pub fn cache_path(&self) -> std::path::PathBuf {
        let profile = &self.launch.profile;
        self.launch.paths.cache(&profile.name, profile.mode)
    }

    /// The profile's local cache and the country numbers without `+` are read in (from the
    /// profile; US when unset), for commands that work offline.
    pub fn cache(&self) -> Result<(Store, Country), Box<ringdesk_core::Error>> {
        let code = self
            .launch
            .profile
            .settings
            .country
            .as_deref()
            .unwrap_or("US");
        let country = Country::from_iso_code(code).map_err(|e| Box::new(e.into()))?;
        let store = self.open_cache(country)?;
        Ok((store, country))
    }

    /// Opens the profile's local cache.
    pub fn open_cache(&self, country: Country) -> Result<Store, Box<ringdesk_core::Error>> {
        Store::open(&self.cache_path(), country).map_err(|e| Box::new(e.into()))
    }

    /// Reports `error` and returns the failure exit code.
    pub fn fail(&self, error: ringdesk_core::Error) -> i32 {
        fail(&self.output, error)
    }
}

/// Logs the full error, prints `{code, message, hint}`, returns the failure exit code.
pub fn fail(output: &Output, error: ringdesk_core::Error) -> i32 {
    tracing::info!(%error, "command failed");
    output.fail(&UiError::from(error))
}
