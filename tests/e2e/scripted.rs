//! The `Scripted` fixture: a shell script run in a private D-Bus session with an unlocked
//! gnome-keyring in a home of its own, each of its `ringdesk` processes pointed at a simulator and
//! at the test's own folders, every step's output kept in files.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::time::{Duration, Instant};

use ringcentral_sim::{RunningSim, SimCredentials};
use serde_json::Value;

/// Unlocks a fresh keyring (the Secret Service) in the session before the script runs.
const UNLOCK: &str =
    "eval \"$(printf e2e | gnome-keyring-daemon --unlock --components=secrets)\" >/dev/null\n";

/// A simulator and the folders of one scripted session.
pub struct Scripted {
    sim: RunningSim,
    dirs: tempfile::TempDir,
}

impl Scripted {
    /// A fast simulator and empty folders.
    pub async fn new() -> Self {
        let dirs = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dirs.path().join("out")).expect("out dir");
        std::fs::create_dir_all(dirs.path().join("home")).expect("home dir");
        Self {
            sim: ringdesk_testkit::sim::sim(|_| {}).await,
            dirs,
        }
    }

    /// The simulator's app and user.
    pub fn credentials(&self) -> &SimCredentials {
        self.sim.credentials()
    }

    /// ringdesk's configuration folder.
    pub fn config(&self) -> PathBuf {
        self.dirs.path().join("config")
    }

    /// ringdesk's data folder.
    pub fn data(&self) -> PathBuf {
        self.dirs.path().join("data")
    }

    /// The session's home folder.
    pub fn home(&self) -> PathBuf {
        self.dirs.path().join("home")
    }

    /// Where the script writes its steps' output (`$OUT`).
    pub fn out(&self) -> PathBuf {
        self.dirs.path().join("out")
    }

    /// `dbus-run-session -- sh -c SCRIPT` (after unlocking the keyring) with `$BIN` (ringdesk),
    /// `$OUT`, the simulator's app and the test's folders in the environment, and no JWT.
    pub fn command(&self, script: &str) -> Command {
        let credentials = self.credentials();
        let mut command = Command::new("dbus-run-session");
        command
            .args(["--", "sh", "-c", &format!("{UNLOCK}{script}")])
            .env("BIN", env!("CARGO_BIN_EXE_ringdesk"))
            .env("OUT", self.out())
            .env("RINGCENTRAL_SERVER_URL", &credentials.server_url)
            .env("RINGCENTRAL_CLIENT_ID", &credentials.client_id)
            .env("RINGCENTRAL_CLIENT_SECRET", &credentials.client_secret)
            .env_remove("RINGCENTRAL_JWT")
            .env("RINGDESK_CONFIG_DIR", self.config())
            .env("RINGDESK_DATA_DIR", self.data())
            // A home of its own: gnome-keyring keeps its keyrings on disk under it, so no entry
            // outlives the test or reaches another one.
            .env("HOME", self.home())
            .env("XDG_DATA_HOME", self.home().join(".local/share"))
            .env("XDG_CONFIG_HOME", self.home().join(".config"))
            .env("XDG_CACHE_HOME", self.home().join(".cache"));
        command
    }

    /// What the script wrote to `$OUT/NAME` (empty when nothing).
    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.out().join(name)).unwrap_or_default()
    }
}

/// Runs `command` to its end, without blocking the runtime the simulator is served on, for at
/// most `patience`.
pub async fn finish(mut command: Command, patience: Duration) -> ExitStatus {
    tokio::time::timeout(
        patience,
        tokio::task::spawn_blocking(move || command.status()),
    )
    .await
    .expect("the session finishes in time")
    .expect("task")
    .expect("dbus-run-session runs")
}

/// The authorize address `ringdesk login --no-browser --json` prints first into `path`.
pub async fn wait_for_authorize_url(path: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if let Some(line) = text.lines().next() {
            if let Ok(event) = serde_json::from_str::<Value>(line) {
                return event["authorize_url"]
                    .as_str()
                    .expect("authorize_url")
                    .to_string();
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("ringdesk login never printed the authorize address");
}
