#!/usr/bin/env bash
# Installs what is missing (nothing, and no apt or sudo, when all is there), builds batchwatch
# with warnings as errors and runs the whole CTest suite on the offscreen platform with the ci
# preset's settings (jobs, timeout, output on failure). Arguments go to ctest.
# Idempotent: a second run only rebuilds what changed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
source "$here/deps.sh"
batchwatch_install_deps

cd "$root"
cmake --preset ci >/dev/null
cmake --build --preset ci
export QT_QPA_PLATFORM=offscreen
ctest --preset ci "$@"
