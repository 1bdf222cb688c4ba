//! Store tests on real SQLite files in temporary directories.

mod announced;
mod fixtures;
mod history;
mod messages;
mod migrations;
#[cfg(unix)]
mod permissions;
mod search;
