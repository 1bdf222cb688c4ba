//! The cache holds call history and texts: on Unix its folder is the user's alone (0700) and
//! every SQLite file (the database, `-wal`, `-shm`) is 0600, whatever the umask.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::fixtures::{message, us};
use crate::store::Store;

/// The permission bits, in octal as `ls` and `chmod` write them.
fn mode(path: &Path) -> String {
    let mode = std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode();
    format!("{:o}", mode & 0o777)
}

fn write_something(store: &mut Store) {
    let mut batch = store.batch().expect("batch");
    batch
        .put_message(&message(1, 1, 1, true, "+14155550120", "hello"))
        .expect("a message");
    batch.commit().expect("commit");
}

#[test]
fn a_new_cache_is_private_to_its_user() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let data = dir.path().join("data").join("ringdesk");
    let path = data.join("work.sqlite3");
    let mut store = Store::open(&path, us()).expect("a new cache opens");
    write_something(&mut store);
    assert_eq!(mode(&data), "700", "the data folder is the user's alone");
    for file in ["work.sqlite3", "work.sqlite3-wal", "work.sqlite3-shm"] {
        assert_eq!(
            mode(&data.join(file)),
            "600",
            "{file} holds history: readable by its user only"
        );
    }
}

#[test]
fn an_old_readable_cache_is_made_private_when_opened() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let path = dir.path().join("old.sqlite3");
    let mut store = Store::open(&path, us()).expect("opens");
    write_something(&mut store);
    drop(store);
    let readable = std::fs::Permissions::from_mode(0o644);
    std::fs::set_permissions(&path, readable).expect("chmod 644, as an older ringdesk left it");
    let mut store = Store::open(&path, us()).expect("opens again");
    write_something(&mut store);
    for file in ["old.sqlite3", "old.sqlite3-wal", "old.sqlite3-shm"] {
        assert_eq!(
            mode(&dir.path().join(file)),
            "600",
            "{file} of an existing cache is tightened on open"
        );
    }
}
