//! Store tests on real SQLite files in temporary directories.

mod announced;
mod call_lists;
pub(crate) mod fixtures;
mod history;
mod live_records;
mod messages;
mod migrations;
mod outbox_durability;
mod outbox_migration;
#[cfg(unix)]
mod permissions;
mod search;
mod team;
mod wrapups;
