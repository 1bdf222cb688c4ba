//! Store tests on real SQLite files in temporary directories.

mod announced;
pub(crate) mod fixtures;
mod history;
mod messages;
mod migrations;
mod search;
