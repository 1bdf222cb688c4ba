#!/usr/bin/env bash
# Regenerates every icon size the bundlers (deb, AppImage, msi/nsis, dmg) and the tray need
# from the one source drawing, icons/src/ringdesk.svg. Needs Node/npm (for the Tauri CLI's
# `icon` command) and ImageMagick + librsvg for the tray variants. The outputs are committed,
# so building ringdesk never needs this script.
set -euo pipefail
cd "$(dirname "$0")/.."
src=icons/src/ringdesk.svg
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rsvg-convert -w 1024 -h 1024 "$src" -o "$tmp/icon-1024.png"
npx --yes @tauri-apps/cli@2 icon "$tmp/icon-1024.png" -o icons >/dev/null
# Mobile targets are not ours; keep the desktop set only.
rm -rf icons/android icons/ios
# The Linux packages install every hicolor size a desktop asks for.
for size in 16 24 48 256; do
  rsvg-convert -w "$size" -h "$size" "$src" | convert - PNG32:"icons/${size}x${size}.png"
done
# Tray: small, high-contrast variants per connection state, with a coloured status dot.
for state in online:#2fb463 warning:#e0a100 offline:#d64545 demo:#8a5cd6; do
  name=${state%%:*}; colour=${state#*:}
  /usr/bin/convert "$tmp/icon-1024.png" -resize 64x64 \
    -fill "$colour" -stroke white -strokewidth 3 -draw "circle 50,50 50,38" \
    "icons/tray-$name.png"
done
echo "icons regenerated in icons/"
