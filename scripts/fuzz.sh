#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (-fsanitize=fuzzer,address,undefined, UB
# fatal) in build/fuzz — only the sources they feed (tests/fuzz/CMakeLists.txt), not all of core —
# then runs each on a corpus seeded from tests/fixtures and tests/fuzz/seeds. Findings (crash-*,
# leak-*, timeout-*, oom-*) land in build/fuzz/findings/<target>/; the exit status is 1 when there
# is any, else 0.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   a campaign: each target for SECONDS (default 60), e.g.
#                                           scripts/fuzz.sh 300 fuzz_nativecodec; the corpus grown
#                                           by a run stays in build/fuzz/corpus/<target>/ and seeds
#                                           the next run
#   scripts/fuzz.sh --ci [TARGET...]        what .ci/run does: a fixed number of inputs per target
#                                           (CI_RUNS below) from the seeds alone, -seed=1, address
#                                           randomisation and Qt's hash seed off, so that every
#                                           run tries the same inputs: CI fails on a finding every
#                                           time or never, not at random on an old corpus
#
# Reproduce a finding: build/fuzz/tests/fuzz/<target> <file>. Installs clang and its runtimes
# (scripts/deps.sh, BATCHWATCH_FUZZ_PACKAGES) when they are missing; the normal build never needs
# them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
source "$here/deps.sh"
batchwatch_install_deps "${BATCHWATCH_FUZZ_PACKAGES[@]}"

# Inputs per target in --ci mode: about 15 s of one core each on a quiet machine (the identifier
# target runs ten parsers per input, hence fewer). docs/RELIABILITY.md has the measured times.
declare -A CI_RUNS=([fuzz_jobcodec]=50000 [fuzz_nativecodec]=100000 [fuzz_identifiers]=4000)

ci=0
if [ "${1:-}" = "--ci" ]; then
    ci=1
    shift
    seconds=0
else
    seconds="${1:-60}"
    shift || true
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_jobcodec fuzz_nativecodec fuzz_identifiers)

build="$root/build/fuzz"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
flags+=" -fno-omit-frame-pointer -gline-tables-only -Wno-unknown-warning-option"
start=$(date +%s)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DBATCHWATCH_FUZZ=ON -DBATCHWATCH_BUILD_TESTS=OFF -DBATCHWATCH_BUILD_BENCH=OFF -DBATCHWATCH_PCH=OFF \
    "${launcher[@]}" >/dev/null
/usr/bin/time -f "fuzz build: %e s wall, %U s user, %S s sys" cmake --build "$build" -t "${targets[@]}"
built=$(date +%s)

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
    findings="$build/findings/$t"
    [ $ci -eq 0 ] || rm -rf "$findings" # a CI run reports what it found itself
    mkdir -p "$findings"
    if [ $ci -eq 1 ]; then
        # A fresh corpus from the seeds, and the same inputs in the same order every run:
        # libFuzzer's seed fixed, no re-reading of the corpus folder on a timer (-reload=0), Qt's
        # hash seed fixed, no address randomisation, and the same environment and relative
        # paths (libFuzzer learns from the operands of comparisons, pointers among them, so the
        # stack's place, which moves with the environment's size, changes what it tries).
        corpus="ci-corpus/$t"
        rm -rf "${build:?}/$corpus"
        run=(env -i PATH=/usr/bin:/bin QT_HASH_SEED=0 "ASAN_OPTIONS=$ASAN_OPTIONS"
             "UBSAN_OPTIONS=$UBSAN_OPTIONS" "QT_LOGGING_RULES=$QT_LOGGING_RULES")
        setarch -R true 2>/dev/null && run+=(setarch -R)
        run+=("tests/fuzz/$t" "$corpus" "seeds/$t" -seed=1 -runs="${CI_RUNS[$t]}" -reload=0
              -max_len=4096 -timeout=60 -artifact_prefix="findings/$t/")
        echo "== $t: ${CI_RUNS[$t]} inputs" >&2
    else
        corpus="corpus/$t"
        run=("tests/fuzz/$t" "$corpus" "seeds/$t" -max_total_time="$seconds" -max_len=65536
             -timeout=10 -artifact_prefix="findings/$t/")
        echo "== $t: ${seconds}s" >&2
    fi
    mkdir -p "$build/$corpus"
    set +e
    (cd "$build" && /usr/bin/time -f "   %e s wall, %U s user, %S s sys" \
        "${run[@]}" -rss_limit_mb=2048 -report_slow_units=1000000 -print_final_stats=1) \
        2>"$build/$t.log"
    status=$?
    set -e
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE|s wall" \
        "$build/$t.log" >&2 || true
    echo "   corpus: $(ls "$build/$corpus" | wc -l) inputs; exit $status" >&2
    if [ $status -ne 0 ] || [ -n "$(ls -A "$findings")" ]; then
        found=1
        echo "   FINDINGS in $findings (log: $build/$t.log):" >&2
        ls "$findings" >&2
        [ $ci -eq 1 ] && tail -n 60 "$build/$t.log" >&2
    fi
done
echo "fuzz.sh: build $((built - start)) s, runs $(($(date +%s) - built)) s (wall)" >&2
exit $found
