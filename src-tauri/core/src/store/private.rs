//! The cache is the agent's call history and texts: on Unix its folder is created 0700 and its
//! files are 0600, whatever the umask. SQLite creates `-wal` and `-shm` with the mode of the
//! database file itself, so the database is created 0600 before SQLite opens it; a cache an
//! older ringdesk left readable is tightened (database, `-wal`, `-shm`) each time it is opened.
//! Elsewhere (Windows) the user's profile folder already keeps other users out.

use std::io;
use std::path::Path;

/// Creates `dir` and any missing parents, new folders readable by their user only. A folder
/// that exists keeps its mode: it may be one the user chose and shares.
pub(super) fn create_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Creates the database file 0600 if it is missing, and makes it and its `-wal` and `-shm`
/// files 0600 if they exist.
#[cfg(unix)]
pub(super) fn secure_files(database: &Path) -> io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};

    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(database)?;
    for suffix in ["", "-wal", "-shm"] {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        let path = Path::new(&name);
        match std::fs::metadata(path) {
            Ok(meta) if meta.permissions().mode() & 0o077 != 0 => {
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?
            }
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

/// Nothing to do where files have no Unix mode.
#[cfg(not(unix))]
pub(super) fn secure_files(_database: &Path) -> io::Result<()> {
    Ok(())
}
