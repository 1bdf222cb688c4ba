//! Store tests on real SQLite files in temporary directories.

mod fixtures;
mod history;
mod messages;
mod migrations;
mod search;
