#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (-fsanitize=fuzzer,address,undefined, UB
# fatal) in build/fuzz, then runs each for SECONDS (default 60) on a corpus seeded from
# tests/fixtures and tests/fuzz/seeds. Findings (crash-*, leak-*, timeout-*, oom-*) land in
# build/fuzz/findings/<target>/; the exit status is 1 when there is any, else 0.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 300 fuzz_nativecodec
#
# Reproduce a finding: build/fuzz/tests/fuzz/<target> <file>. The corpus grown by a run stays in
# build/fuzz/corpus/<target>/ and seeds the next run. Installs clang and its runtimes (scripts/
# deps.sh, BATCHWATCH_FUZZ_PACKAGES) when they are missing; the normal build never needs them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
source "$here/deps.sh"
batchwatch_install_deps "${BATCHWATCH_FUZZ_PACKAGES[@]}"

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_jobcodec fuzz_nativecodec fuzz_identifiers)

build="$root/build/fuzz"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
flags+=" -fno-omit-frame-pointer -gline-tables-only"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DBATCHWATCH_FUZZ=ON -DBATCHWATCH_BUILD_TESTS=OFF -DBATCHWATCH_BUILD_BENCH=OFF -DBATCHWATCH_PCH=OFF \
    "${launcher[@]}" >/dev/null
cmake --build "$build" -t "${targets[@]}"

# Seeds: every fixture; the native target reads a provider byte first, so each native fixture
# is seeded once per provider.
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/fuzz_jobcodec" "$seeds/fuzz_nativecodec" "$seeds/fuzz_identifiers"
cp "$root"/tests/fixtures/bedrock/*.json "$seeds/fuzz_jobcodec/"
for f in "$root"/tests/fixtures/bifrost-native/*.json; do
    for p in 0 1 2 3; do
        { printf "\\x3$p"; cat "$f"; } >"$seeds/fuzz_nativecodec/$p-$(basename "$f")"
    done
done
cp "$root"/tests/fuzz/seeds/identifiers/* "$seeds/fuzz_identifiers/"
cp "$root"/tests/fixtures/bedrock/list-*.json "$seeds/fuzz_identifiers/"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_LOGGING_RULES="*.debug=false;*.info=false;*.warning=false"
found=0
for t in "${targets[@]}"; do
    corpus="$build/corpus/$t"
    findings="$build/findings/$t"
    mkdir -p "$corpus" "$findings"
    echo "== $t: ${seconds}s" >&2
    set +e
    "$build/tests/fuzz/$t" "$corpus" "$seeds/$t" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
        2>"$build/$t.log"
    status=$?
    set -e
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE" "$build/$t.log" >&2 || true
    echo "   corpus: $(ls "$corpus" | wc -l) inputs; exit $status" >&2
    if [ $status -ne 0 ] || [ -n "$(ls -A "$findings")" ]; then
        found=1
        echo "   FINDINGS in $findings (log: $build/$t.log)" >&2
    fi
done
exit $found
