//! How this process was launched: profile, mode, paths and an optional link.

use std::sync::Arc;

use ringdesk_core::app::{Background, DemoTiming, Desk, DeskOptions};
use ringdesk_core::config::{ConfigError, Environment, Paths, Profile};

use crate::Cli;

/// Everything resolved once at start-up, shared with commands as Tauri state.
#[derive(Debug, Clone)]
pub struct Launch {
    /// The resolved profile (demo or live).
    pub profile: Profile,
    /// Config and data directories.
    pub paths: Paths,
    /// A link given on the command line, to act on once the UI is ready.
    pub link: Option<String>,
    /// Start hidden (autostart).
    pub minimized: bool,
    /// The environment the profile was resolved with (credentials come from it).
    pub env: Environment,
}

impl Launch {
    /// Resolves the launch from parsed arguments and the process environment.
    pub fn from_cli(cli: &Cli) -> Result<Self, ConfigError> {
        Self::resolve(cli, &Environment::from_process())
    }

    /// The desk for this launch: the window's keeps the cache in sync and listens for texts
    /// (`background`), a command's does only what it is asked. Demo calls progress at human pace,
    /// or fast with `RINGDESK_DEMO_TIMING=fast` (tests).
    pub fn desk(&self, background: Background) -> Arc<Desk> {
        let demo_timing = match self.env.get("RINGDESK_DEMO_TIMING") {
            Some("fast") => DemoTiming::Fast,
            _ => DemoTiming::Realistic,
        };
        Desk::new(
            self.profile.clone(),
            self.env.clone(),
            self.paths.clone(),
            DeskOptions {
                demo_timing,
                background,
                ..DeskOptions::default()
            },
        )
    }

    /// Whether start at login is on for this agent: their setting, else the machine policy's
    /// default, or the policy's locked value. The package's system-wide login item starts every
    /// agent's `ringdesk --at-login`; an agent's own login item (the same file name, in
    /// `~/.config/autostart`) takes its place while their setting is on. Settings that cannot be
    /// read start the window, which names the problem.
    pub fn start_at_login_wanted(&self) -> bool {
        self.desk(Background::Off)
            .app_settings()
            .map_or(true, |settings| settings.start_at_login)
    }

    /// Resolves the launch from parsed arguments and an explicit environment.
    pub fn resolve(cli: &Cli, env: &Environment) -> Result<Self, ConfigError> {
        let paths = Paths::resolve(env)?;
        let profile = Profile::for_launch(&cli.profile, &paths, env, cli.demo)?;
        Ok(Self {
            profile,
            paths,
            link: cli.link.clone(),
            minimized: cli.minimized || cli.at_login,
            env: env.clone(),
        })
    }
}
