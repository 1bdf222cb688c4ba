#!/usr/bin/env bash
# Runs the official RingCentral Python SDK (PyPI `ringcentral`) against a freshly started
# ringcentral-sim and exits non-zero if any step fails.
#
# Environment:
#   RINGCENTRAL_SIM_BIN   a built ringcentral-sim binary (default: cargo build, then target/debug)
#   SDK_VENV              where to create the virtualenv (default: <target>/sdk-venv)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="${RINGCENTRAL_SIM_BIN:-}"
if [ -z "$bin" ]; then
  (cd "$root" && cargo build --quiet -p ringcentral-sim --bin ringcentral-sim)
  bin="$target/debug/ringcentral-sim"
fi
venv="${SDK_VENV:-$target/sdk-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "ringcentral==0.9.2"

out="$(mktemp)"
"$bin" --timing fast --call-log 2000 >"$out" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do
  [ -s "$out" ] && break
  sleep 0.1
done
creds="$(head -n 1 "$out")"
[ -n "$creds" ] || { echo "ringcentral-sim did not start" >&2; exit 1; }
"$venv/bin/python" "$here/sdk_check.py" "$creds"
