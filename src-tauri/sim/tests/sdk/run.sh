#!/usr/bin/env bash
# Runs the official RingCentral SDKs against freshly started ringcentral-sim processes, unchanged:
# the Python SDK (PyPI `ringcentral` 0.9.2) always, the JS SDK (npm `@ringcentral/sdk` and
# `@ringcentral/subscriptions` 5.0.11) when npm is available. Exits non-zero if any step fails.
#
# Environment:
#   RINGCENTRAL_SIM_BIN   a built ringcentral-sim binary (default: cargo build, then target/debug)
#   SDK_VENV              virtualenv for the Python SDK (default: <target>/sdk-venv)
#   SDK_JS                set to 0 to skip the JS SDK
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="${RINGCENTRAL_SIM_BIN:-}"
if [ -z "$bin" ]; then
  (cd "$root" && cargo build --quiet -p ringcentral-sim --bin ringcentral-sim)
  bin="$target/debug/ringcentral-sim"
fi

pids=()
files=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for file in "${files[@]}"; do rm -f "$file"; done
}
trap cleanup EXIT

# Starts a simulator and sets `creds` to its startup JSON line.
start_sim() {
  local out
  out="$(mktemp)"
  files+=("$out" "$out.log")
  "$bin" --timing fast --call-log 2000 >"$out" 2>"$out.log" &
  pids+=("$!")
  for _ in $(seq 100); do
    [ -s "$out" ] && break
    sleep 0.1
  done
  creds="$(head -n 1 "$out")"
  [ -n "$creds" ] || { echo "ringcentral-sim did not start: $(cat "$out.log")" >&2; exit 1; }
}

venv="${SDK_VENV:-$target/sdk-venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "ringcentral==0.9.2"
start_sim
"$venv/bin/python" "$here/sdk_check.py" "$creds"

if [ "${SDK_JS:-1}" != 0 ] && command -v npm >/dev/null; then
  js="$target/sdk-js"
  mkdir -p "$js"
  cp "$here/js/package.json" "$here/js/check.js" "$js/"
  (cd "$js" && npm install --silent --no-audit --no-fund --no-package-lock >/dev/null)
  start_sim
  node "$js/check.js" "$creds"
fi
