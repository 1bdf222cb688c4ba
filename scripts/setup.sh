#!/usr/bin/env bash
# Installs what ringdesk needs on Debian 12 / Ubuntu that is missing: the build libraries
# (WebKitGTK, GTK, appindicator…), and with `--test` the headless test tools (Xvfb, D-Bus,
# gnome-keyring, dunst, WebKitWebDriver). Also makes sure the Rust toolchain has rustfmt and
# clippy. Idempotent: re-running it installs nothing new. Uses sudo when not root.
set -euo pipefail

BUILD_PACKAGES=(build-essential pkg-config curl wget file libwebkit2gtk-4.1-dev libgtk-3-dev
  libayatana-appindicator3-dev librsvg2-dev libssl-dev libsoup-3.0-dev libxdo-dev
  libjavascriptcoregtk-4.1-dev)
TEST_PACKAGES=(xvfb xauth x11-apps imagemagick webkit2gtk-driver dbus dbus-x11 dbus-user-session
  dunst libnotify-bin gnome-keyring libsecret-tools at-spi2-core xdg-utils desktop-file-utils xclip xdotool
  python3-venv nodejs rpm)

wanted=("${BUILD_PACKAGES[@]}")
[ "${1:-}" = "--test" ] && wanted+=("${TEST_PACKAGES[@]}")

missing=()
for pkg in "${wanted[@]}"; do
  # Node may come from elsewhere (nvm, NodeSource): only ask apt for it when `node` is absent.
  [ "$pkg" = nodejs ] && command -v node >/dev/null 2>&1 && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: Rust is not installed. Install it from https://rustup.rs and run this again." >&2
  exit 1
fi
if command -v rustup >/dev/null 2>&1; then
  for component in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
  done
fi
