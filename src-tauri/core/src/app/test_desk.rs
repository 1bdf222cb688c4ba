//! A demo desk in a temp dir, not started, for the application layer's unit tests.

use std::sync::Arc;

use crate::app::{Desk, DeskOptions};
use crate::config::{ConfigFile, Environment, Paths, Profile};

/// A demo desk whose config and data live in `dir`.
pub(crate) fn desk_in(dir: &tempfile::TempDir) -> Arc<Desk> {
    let env = Environment::from_pairs([
        (
            "RINGDESK_CONFIG_DIR",
            dir.path().join("config").to_string_lossy().as_ref(),
        ),
        (
            "RINGDESK_DATA_DIR",
            dir.path().join("data").to_string_lossy().as_ref(),
        ),
    ]);
    let paths = Paths::resolve(&env).expect("paths");
    let profile = Profile::resolve("default", &ConfigFile::default(), &env, true).expect("demo");
    Desk::new(profile, env, paths, DeskOptions::default())
}
