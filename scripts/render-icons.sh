#!/usr/bin/env bash
# Renders the application icon (resources/icons/batchwatch.svg) to the hicolor PNG sizes the
# package installs beside the SVG, into packaging/icons/hicolor/NxN/apps/. The PNGs are committed:
# run this (needs rsvg-convert from librsvg2-bin) after changing the SVG, and commit the result.
# The build itself never renders anything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
svg="$root/resources/icons/batchwatch.svg"
command -v rsvg-convert >/dev/null || { echo "render-icons.sh: needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 2; }
for size in 16 22 24 32 48 64 128 256; do
    dir="$root/packaging/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio \
        --output "$dir/io.github.batchwatch.png" "$svg"
done
