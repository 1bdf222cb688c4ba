#!/usr/bin/env bash
# A short libFuzzer run of the phone parsers, for CI: each target runs for SECONDS (default 30)
# from the committed seeds; any crash or failed property fails the run.
#
#   src-tauri/core/fuzz/smoke.sh [SECONDS]
#
# Installs cargo-fuzz if missing. Only the stable toolchain is needed: RUSTC_BOOTSTRAP lets it
# accept the sanitizer flags. The crate is a member of the app's workspace and builds against its
# Cargo.lock, which must already be up to date; the sanitized build goes to fuzz/target (or
# $CARGO_TARGET_DIR), never the workspace's target directory.
set -euo pipefail

seconds="${1:-30}"
fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
cd "$fuzz_dir/.."

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "smoke.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

# cargo-fuzz has no --locked: check the lock first, so a stale one fails here instead of being
# rewritten (the fuzzed code then builds with exactly the app's dependency versions).
cargo metadata --locked --format-version 1 --manifest-path fuzz/Cargo.toml >/dev/null

# The workspace's release profile is the app's: thin LTO and stripped debug info. A fuzz build
# keeps Cargo's defaults for both, as when it was a workspace of its own: LTO and the coverage
# instrumentation do not mix (fat LTO fails to link, cargo-fuzz#384; thin LTO only adds build
# time), and crash reports need the line tables cargo-fuzz asks for.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_STRIP=none
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$fuzz_dir/target}"

# New inputs go to a scratch corpus (first on the command line), never among the committed seeds;
# starting from the seeds alone keeps the run as short as asked.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

export RUSTC_BOOTSTRAP=1
for target in parse_link normalize answers; do
    mkdir -p "$scratch/$target"
    echo "smoke.sh: fuzzing $target for ${seconds}s" >&2
    cargo fuzz run --fuzz-dir fuzz "$target" "$scratch/$target" "fuzz/seeds/$target" -- \
        -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
echo "smoke.sh: no findings"
