#!/usr/bin/env bash
# Builds core, the CLI, the simulator and their tests under AddressSanitizer + UBSan (the
# asan-ubsan preset: every finding fatal, leaks included) in build/asan-ubsan and runs that
# non-GUI suite (CTest labels core, cli and sim) on the offscreen platform. With --all it builds
# everything and runs the whole suite, GUI and report tests included. Arguments after the options
# go to ctest (e.g. -R tst_jobcodec). Prints the build and test wall and CPU times at the end.
#
#   scripts/sanitize.sh [--all] [CTEST ARGS...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
source "$here/deps.sh"
batchwatch_install_deps time # GNU time, for the figures it prints

all=0
if [ "${1:-}" = "--all" ]; then
    all=1
    shift
fi
cd "$root"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake --preset asan-ubsan "${launcher[@]}" >/dev/null

targets=()
labels=()
if [ $all -eq 0 ]; then
    labels=(-L '^(core|cli|sim)$')
    targets=(batchwatch-cli batchwatch-gateway-sim)
    for f in tests/core/*/tst_*.cpp tests/cli/tst_*.cpp tests/sim/tst_*.cpp; do
        targets+=("$(basename "$f" .cpp)")
    done
fi

start=$(date +%s)
if [ ${#targets[@]} -gt 0 ]; then
    /usr/bin/time -f "build: %e s wall, %U s user, %S s sys" cmake --build --preset asan-ubsan -t "${targets[@]}"
else
    /usr/bin/time -f "build: %e s wall, %U s user, %S s sys" cmake --build --preset asan-ubsan
fi
built=$(date +%s)
/usr/bin/time -f "tests: %e s wall, %U s user, %S s sys" ctest --preset asan-ubsan "${labels[@]}" "$@"
echo "sanitize.sh: build $((built - start)) s, tests $(($(date +%s) - built)) s (wall)" >&2
