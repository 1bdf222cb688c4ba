//! Numbered schema migrations, embedded in the binary. The version lives in SQLite's
//! `PRAGMA user_version`; each migration runs in its own transaction together with the version
//! bump, so a crash leaves the file at the old version or the new one, never in between.

use std::path::Path;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::numbers::fill_missing_digits;
use super::StoreError;

/// One step of the schema: its SQL, and an optional Rust step for what SQL cannot compute.
pub(crate) struct Migration {
    /// The version this migration brings the file to.
    pub version: u32,
    sql: &'static str,
    fixup: Option<fn(&Transaction<'_>) -> rusqlite::Result<()>>,
    /// The migration rebuilds a table others refer to: it runs with foreign keys off (dropping
    /// the old table must not cascade), and the keys are checked before it commits.
    rebuilds: bool,
}

/// Every migration, in order. Never edit a released one: add the next file instead.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: include_str!("migrations/0001_history.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 2,
        sql: include_str!("migrations/0002_outbox_activity.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 3,
        sql: include_str!("migrations/0003_search.sql"),
        fixup: Some(fill_missing_digits),
        rebuilds: false,
    },
    Migration {
        version: 4,
        sql: include_str!("migrations/0004_announced.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 5,
        sql: include_str!("migrations/0005_outbox_claims.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 6,
        sql: include_str!("migrations/0006_announcements_delivered.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 7,
        sql: include_str!("migrations/0007_sms_consents.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 8,
        sql: include_str!("migrations/0008_team_chats.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 9,
        sql: include_str!("migrations/0009_post_outbox.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 10,
        sql: include_str!("migrations/0010_calls_session_index.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 11,
        sql: include_str!("migrations/0011_posts_order.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 12,
        sql: include_str!("migrations/0012_wrapups.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 13,
        sql: include_str!("migrations/0013_call_lists.sql"),
        fixup: None,
        rebuilds: false,
    },
    Migration {
        version: 14,
        sql: include_str!("migrations/0014_integrations.sql"),
        fixup: None,
        rebuilds: true,
    },
];

/// The newest schema version this build knows.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The schema version recorded in the file (0 for a new, empty file).
pub(crate) fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the file up to `target` (normally [`SCHEMA_VERSION`]); refuses a newer file untouched.
///
/// Safe when several connections (the window, its sync, a CLI) open a new file at once: each
/// migration takes the write lock first (`BEGIN IMMEDIATE`) and re-reads the version inside it,
/// so a migration another connection just applied is skipped, never applied twice.
pub(crate) fn migrate(conn: &mut Connection, path: &Path, target: u32) -> Result<(), StoreError> {
    let newer = |found| StoreError::NewerSchema {
        path: path.to_path_buf(),
        found,
        known: SCHEMA_VERSION,
    };
    let found = version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(newer(found));
    }
    for migration in MIGRATIONS
        .iter()
        .filter(|m| m.version > found && m.version <= target)
    {
        let failed = |source| StoreError::Migration {
            version: migration.version,
            source,
        };
        if migration.rebuilds {
            // Outside any transaction, where SQLite honours it; per connection.
            conn.pragma_update(None, "foreign_keys", false)
                .map_err(failed)?;
        }
        let applied = apply(conn, migration, &newer);
        if migration.rebuilds {
            conn.pragma_update(None, "foreign_keys", true)
                .map_err(failed)?;
        }
        applied?;
    }
    Ok(())
}

/// Applies one migration in its own write transaction, unless another connection just did.
fn apply(
    conn: &mut Connection,
    migration: &Migration,
    newer: &dyn Fn(u32) -> StoreError,
) -> Result<(), StoreError> {
    let failed = |source| StoreError::Migration {
        version: migration.version,
        source,
    };
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(failed)?;
    let now = version(&tx).map_err(failed)?;
    if now > SCHEMA_VERSION {
        return Err(newer(now));
    }
    if now >= migration.version {
        return Ok(()); // Applied by another connection meanwhile; the transaction rolls back empty.
    }
    tx.execute_batch(migration.sql).map_err(failed)?;
    if let Some(fixup) = migration.fixup {
        fixup(&tx).map_err(failed)?;
    }
    if migration.rebuilds {
        let broken: i64 = tx
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
                row.get(0)
            })
            .map_err(failed)?;
        if broken > 0 {
            return Err(super::error::corrupt(
                "foreign keys after a rebuild",
                format!("{broken} broken"),
            ));
        }
    }
    tx.pragma_update(None, "user_version", migration.version)
        .map_err(failed)?;
    tx.commit().map_err(failed)?;
    Ok(())
}
