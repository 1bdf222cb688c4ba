//! The real `ringdesk` binary in demo mode, for the CLI tests: run it with `--demo --json` in a
//! folder of its own (the simulator's fast timing: calls ring, connect and end in under a
//! second), and read its last JSON line.
// Each CLI test file includes this module and uses part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Runs `ringdesk --demo --json ARGS` with its config and data under `data`.
pub fn ringdesk(data: &Path, args: &[&str]) -> Output {
    command(data, args).output().expect("the binary runs")
}

/// Runs `ringdesk --demo --json ARGS` like [`ringdesk`], `input` on its standard input.
pub fn ringdesk_with_input(data: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = command(data, args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.as_bytes()).expect("input written");
    }
    child.wait_with_output().expect("the binary ends")
}

/// Runs `ringdesk --demo --json ARGS` like [`ringdesk`], with `env` set too.
pub fn ringdesk_in(data: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    command(data, args)
        .envs(env.iter().copied())
        .output()
        .expect("the binary runs")
}

fn command(data: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ringdesk"));
    command
        .args(["--demo", "--json"])
        .args(args)
        .env("RINGDESK_DATA_DIR", data.join("data"))
        .env("RINGDESK_CONFIG_DIR", data.join("config"))
        .env("RINGDESK_DEMO_TIMING", "fast")
        .env_remove("RINGDESK_PROFILE");
    command
}

/// The last line of `output`'s stdout, as JSON.
pub fn json(output: &Output) -> Value {
    let text = String::from_utf8_lossy(&output.stdout);
    let last = text.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("JSON from {text:?}: {e}"))
}
