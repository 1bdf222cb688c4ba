//! Resolving a profile: file settings, then environment overrides, then demo or live.

use serde::Serialize;

use super::{ConfigError, ConfigFile, Environment, Paths, PolicyInForce, ProfileSettings};
use crate::origin;

/// RingCentral's production API.
pub const PRODUCTION_URL: &str = "https://platform.ringcentral.com";
/// RingCentral's developer sandbox.
pub const SANDBOX_URL: &str = "https://platform.devtest.ringcentral.com";

/// Which RingCentral platform a profile talks to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "url", rename_all = "snake_case")]
pub enum Server {
    /// `platform.ringcentral.com`.
    Production,
    /// `platform.devtest.ringcentral.com`.
    Sandbox,
    /// Any other base URL (a simulator, a proxy).
    Custom(String),
}

impl Server {
    /// Parses `production`, `sandbox` or an http(s) URL; plain `http://` only for this machine
    /// (a simulator on loopback).
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        let text = text.trim();
        let url = text.trim_end_matches('/');
        match text.to_ascii_lowercase().as_str() {
            "production" | "prod" => Ok(Self::Production),
            "sandbox" | "devtest" => Ok(Self::Sandbox),
            lower if lower.starts_with("https://") => Ok(Self::Custom(url.to_string())),
            lower if lower.starts_with("http://") => match url::Url::parse(url) {
                Ok(parsed) if origin::is_loopback(&parsed) => Ok(Self::Custom(url.to_string())),
                _ => Err(ConfigError::InsecureServer(url.to_string())),
            },
            _ => Err(ConfigError::BadServer(text.to_string())),
        }
    }

    /// The base URL requests go to.
    pub fn url(&self) -> &str {
        match self {
            Self::Production => PRODUCTION_URL,
            Self::Sandbox => SANDBOX_URL,
            Self::Custom(url) => url,
        }
    }
}

/// Whether ringdesk talks to RingCentral or to its built-in simulator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A RingCentral app is configured.
    Live,
    /// No app is configured (or `--demo`): the built-in simulator, clearly labelled.
    Demo,
}

/// A profile with every override applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The profile's name.
    pub name: String,
    /// Demo or live.
    pub mode: Mode,
    /// The platform (meaningless in demo mode, where the simulator's URL is used).
    pub server: Server,
    /// The RingCentral app's client id, when live.
    pub client_id: Option<String>,
    /// The file settings, with no secrets.
    pub settings: ProfileSettings,
}

impl Profile {
    /// The profile a launch uses: the machine's policy, then the config file in `paths` (a
    /// setting it does not write takes the policy's default), then the environment, with the
    /// policy's app, server and demo rule over all.
    pub fn for_launch(
        name: &str,
        paths: &Paths,
        env: &Environment,
        force_demo: bool,
    ) -> Result<Self, ConfigError> {
        let policy = PolicyInForce::load(env)?;
        let file = ConfigFile::load_with(&paths.config_file(), &policy.defaults())?;
        Self::resolve(name, &file, env, force_demo)?.under_policy(&policy)
    }

    /// Resolves `name` from the file and the environment; `force_demo` is `--demo`.
    pub fn resolve(
        name: &str,
        file: &ConfigFile,
        env: &Environment,
        force_demo: bool,
    ) -> Result<Self, ConfigError> {
        check_name(name)?;
        let settings = file.profile(name);
        let server = match env
            .get("RINGCENTRAL_SERVER_URL")
            .or(settings.server.as_deref())
        {
            Some(text) => Server::parse(text)?,
            None => Server::Production,
        };
        let client_id = env
            .get("RINGCENTRAL_CLIENT_ID")
            .map(str::to_string)
            .or_else(|| settings.client_id.clone())
            .filter(|id| !id.trim().is_empty());
        let mode = if force_demo || client_id.is_none() {
            Mode::Demo
        } else {
            Mode::Live
        };
        Ok(Self {
            name: name.to_string(),
            mode,
            server,
            client_id,
            settings,
        })
    }
}

impl Profile {
    /// This profile under the machine's policy: its RingCentral app and server, when the policy
    /// names them, are the only ones (the file's and the environment's give way); demo mode is
    /// refused when the policy turns it off.
    pub fn under_policy(mut self, policy: &PolicyInForce) -> Result<Self, ConfigError> {
        let set = &policy.policy;
        if let (Some(client_id), Some(server)) = (&set.client_id, &set.server) {
            self.server = Server::parse(server)?;
            self.settings.server = Some(server.clone());
            self.client_id = Some(client_id.clone());
            self.settings.client_id = Some(client_id.clone());
        }
        if self.mode == Mode::Demo && set.allow_demo == Some(false) {
            return Err(ConfigError::DemoNotAllowed(
                policy
                    .path
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            ));
        }
        Ok(self)
    }
}

fn check_name(name: &str) -> Result<(), ConfigError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(ConfigError::BadProfileName(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with(name: &str, settings: ProfileSettings) -> ConfigFile {
        let mut file = ConfigFile::default();
        file.profiles.insert(name.into(), settings);
        file
    }

    #[test]
    fn the_policys_app_and_server_are_the_only_ones() {
        let env = Environment::from_pairs([("RINGCENTRAL_CLIENT_ID", "own-app")]);
        let profile =
            Profile::resolve("default", &ConfigFile::default(), &env, false).expect("resolved");
        let policy = PolicyInForce {
            path: Some("/etc/ringdesk/policy.toml".into()),
            policy: super::super::Policy {
                client_id: Some("fleet-app".into()),
                server: Some("sandbox".into()),
                ..Default::default()
            },
        };
        let governed = profile.under_policy(&policy).expect("allowed");
        assert_eq!(governed.client_id.as_deref(), Some("fleet-app"));
        assert_eq!(governed.server, Server::Sandbox);
        assert_eq!(governed.mode, Mode::Live);

        let demo = Profile::resolve(
            "default",
            &ConfigFile::default(),
            &Environment::default(),
            true,
        )
        .expect("demo");
        let no_demo = PolicyInForce {
            policy: super::super::Policy {
                allow_demo: Some(false),
                ..Default::default()
            },
            ..policy
        };
        assert!(matches!(
            demo.under_policy(&no_demo),
            Err(ConfigError::DemoNotAllowed(_))
        ));
    }

    #[test]
    fn no_client_id_means_demo() {
        let profile = Profile::resolve(
            "default",
            &ConfigFile::default(),
            &Environment::default(),
            false,
        )
        .expect("resolves");
        assert_eq!(
            profile.mode,
            Mode::Demo,
            "no RingCentral app configured → demo"
        );
    }

    #[test]
    fn environment_overrides_the_file() {
        let file = file_with(
            "work",
            ProfileSettings {
                server: Some("sandbox".into()),
                client_id: Some("from-file".into()),
                ..Default::default()
            },
        );
        let env = Environment::from_pairs([
            ("RINGCENTRAL_SERVER_URL", "http://127.0.0.1:9000/"),
            ("RINGCENTRAL_CLIENT_ID", "from-env"),
        ]);
        let profile = Profile::resolve("work", &file, &env, false).expect("resolves");
        assert_eq!(profile.mode, Mode::Live);
        assert_eq!(
            profile.client_id.as_deref(),
            Some("from-env"),
            "env beats file"
        );
        assert_eq!(
            profile.server.url(),
            "http://127.0.0.1:9000",
            "trailing slash trimmed"
        );
    }

    #[test]
    fn demo_flag_wins_and_bad_names_are_refused() {
        let env = Environment::from_pairs([("RINGCENTRAL_CLIENT_ID", "id")]);
        let profile =
            Profile::resolve("default", &ConfigFile::default(), &env, true).expect("resolves");
        assert_eq!(profile.mode, Mode::Demo, "--demo forces the simulator");
        for bad in ["", "../etc", "a b", &"x".repeat(65)] {
            assert!(
                Profile::resolve(bad, &ConfigFile::default(), &env, false).is_err(),
                "{bad:?} must be refused: it names files and keychain entries"
            );
        }
    }

    #[test]
    fn servers_parse() {
        assert_eq!(Server::parse("Sandbox").expect("ok").url(), SANDBOX_URL);
        assert_eq!(
            Server::parse("production").expect("ok").url(),
            PRODUCTION_URL
        );
        assert!(Server::parse("ftp://x").is_err());
    }
}

#[cfg(test)]
mod plain_http;
