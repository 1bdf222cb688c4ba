//! The cache and its sync engine against the simulator: real HTTP on 127.0.0.1, real SQLite
//! files in temporary directories, and a real `kill -9` of a syncing child process.

mod crash;
mod forced;
mod full_and_incremental;
mod interrupted;
mod outbox;
mod outbox_processes;
mod outbox_races;
mod outbox_unreadable;
mod sent;
mod support;
