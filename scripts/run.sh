#!/usr/bin/env bash
# Installs what is missing, builds batchwatch and launches it. With no gateway profile
# configured yet, it starts on the embedded demo gateway. Extra arguments go to batchwatch.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
source "$here/deps.sh"
batchwatch_install_deps

cd "$root"
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target batchwatch

app="$root/build/release/src/app/batchwatch"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: running batchwatch under xvfb-run." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$app" --demo-if-unconfigured "$@"
fi
exec "$app" --demo-if-unconfigured "$@"
