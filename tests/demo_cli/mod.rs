//! The real `ringdesk` binary in demo mode, for the CLI tests: run it with `--demo --json` in a
//! folder of its own (the simulator's fast timing: calls ring, connect and end in under a
//! second), and read its last JSON line.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Runs `ringdesk --demo --json ARGS` with its config and data under `data`.
pub fn ringdesk(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ringdesk"))
        .args(["--demo", "--json"])
        .args(args)
        .env("RINGDESK_DATA_DIR", data.join("data"))
        .env("RINGDESK_CONFIG_DIR", data.join("config"))
        .env("RINGDESK_DEMO_TIMING", "fast")
        .env_remove("RINGDESK_PROFILE")
        .output()
        .expect("the binary runs")
}

/// The last line of `output`'s stdout, as JSON.
pub fn json(output: &Output) -> Value {
    let text = String::from_utf8_lossy(&output.stdout);
    let last = text.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("JSON from {text:?}: {e}"))
}
