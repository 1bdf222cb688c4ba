//! The directories ringdesk writes to, per platform, overridable for tests and several profiles.

use std::path::{Path, PathBuf};

use super::{ConfigError, Environment};

/// Where configuration and data live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// Holds `config.toml`.
    pub config_dir: PathBuf,
    /// Holds one SQLite cache per profile, and logs.
    pub data_dir: PathBuf,
}

impl Paths {
    /// The platform directories, unless `RINGDESK_CONFIG_DIR` / `RINGDESK_DATA_DIR` relocate them.
    pub fn resolve(env: &Environment) -> Result<Self, ConfigError> {
        let platform = directories::ProjectDirs::from("app", "ringdesk", "ringdesk");
        let pick = |var: &str, fallback: fn(&directories::ProjectDirs) -> &Path| {
            env.get(var)
                .map(PathBuf::from)
                .or_else(|| platform.as_ref().map(|dirs| fallback(dirs).to_path_buf()))
                .ok_or(ConfigError::NoHomeDirectory)
        };
        Ok(Self {
            config_dir: pick("RINGDESK_CONFIG_DIR", |d| d.config_dir())?,
            data_dir: pick("RINGDESK_DATA_DIR", |d| d.data_dir())?,
        })
    }

    /// The configuration file.
    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }

    /// The SQLite cache of one profile.
    pub fn database(&self, profile: &str) -> PathBuf {
        self.data_dir.join(format!("{profile}.sqlite3"))
    }

    /// The cache a profile uses in `mode`: demo data never mixes with a real account's.
    pub fn cache(&self, profile: &str, mode: super::Mode) -> PathBuf {
        match mode {
            super::Mode::Live => self.database(profile),
            super::Mode::Demo => self.database(&format!("{profile}-demo")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_relocates_both_directories() {
        let env = Environment::from_pairs([
            ("RINGDESK_CONFIG_DIR", "/tmp/rd-config"),
            ("RINGDESK_DATA_DIR", "/tmp/rd-data"),
        ]);
        let paths = Paths::resolve(&env).expect("explicit dirs always resolve");
        assert_eq!(
            paths.config_file(),
            PathBuf::from("/tmp/rd-config/config.toml")
        );
        assert_eq!(
            paths.database("work"),
            PathBuf::from("/tmp/rd-data/work.sqlite3")
        );
    }
}
