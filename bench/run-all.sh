#!/bin/sh
# Runs every benchmark of bench/ from a RelWithDebInfo build and prints one table:
#   bench, operation, runs, median wall ms, min wall ms, median CPU ms.
# The load average is printed before and after: on a shared machine read the CPU column.
#
#   bench/run-all.sh [--quick] [--no-build] [--build-dir DIR] [--team-store URL]
#
#   --quick      fewer rows and runs (a smoke run, not figures to quote): bench_model 20,000
#                rows, bench_refresh 2,000 jobs, bench_startup 20,000 jobs, bench_export 200 jobs,
#                get-vs-curl 1,000 jobs
# get-vs-curl (bench/get-vs-curl.sh: batchwatch-cli get beside curl, no SDK, no strace here) runs
# when nginx and hyperfine are installed.
#   --no-build   use the binaries already in the build directory
#   --build-dir  default build/bench-rel (configured here when missing)
#   --team-store postgresql://USER@HOST:PORT/DATABASE
#                also runs bench_team (a team on one shared PostgreSQL store: gateway requests
#                per minute and end-to-end latency with 1, 5 and 20 clients on 1,000 active jobs,
#                and a 10,000-job refresh on SQLite and PostgreSQL) against that database, which
#                it may fill; default $BATCHWATCH_BENCH_PG, else bench_team is skipped.
#                A throwaway one: eval "$(scripts/pg-test-cluster.sh start)", then
#                --team-store "$BATCHWATCH_TEST_PG" (and BATCHWATCH_BENCH_PG_UID=$(id -u nobody)
#                under root, for the server's CPU). --quick: 1 and 5 clients, 200 jobs.
#
# Figures to quote and the commands behind them: docs/PERFORMANCE.md.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build="$here/build/bench-rel"
quick=0
do_build=1
team_store=${BATCHWATCH_BENCH_PG:-}
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick=1 ;;
    --no-build) do_build=0 ;;
    --build-dir) shift; build=$1 ;;
    --team-store) shift; team_store=$1 ;;
    -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "run-all.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

if [ "$do_build" = 1 ]; then
    if [ ! -f "$build/build.ninja" ]; then
        cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    fi
    cmake --build "$build" -t bench_model bench_refresh bench_startup bench_export \
        batchwatch-cli >/dev/null
    if [ -n "$team_store" ]; then
        cmake --build "$build" -t bench_team >/dev/null
    fi
fi

if [ "$quick" = 1 ]; then
    model_args="--rows 20000 --runs 1"
    refresh_args="--jobs 2000 --runs 1"
    startup_args="--jobs 20000 --runs 1"
    export_args="--jobs 200"
    get_args="--jobs 1000 --runs 1"
    team_args="--clients 1,5 --jobs 200 --window 10 --samples 3 --refresh-jobs 2000 --runs 1"
else
    model_args="--runs 5"
    refresh_args="--runs 5"
    startup_args="--runs 3"
    export_args="--jobs 10000"
    get_args="--jobs 5000 --runs 5"
    team_args="--clients 1,5,20 --jobs 1000 --window 60 --samples 10 --refresh-jobs 10000 --runs 3"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

# shellcheck disable=SC2086 # the argument lists are meant to split
"$build/bench/bench_model" $model_args >"$out/model.txt"
# shellcheck disable=SC2086
"$build/bench/bench_refresh" $refresh_args >"$out/refresh.txt"
# shellcheck disable=SC2086
"$build/bench/bench_startup" $startup_args >"$out/startup.txt"
# shellcheck disable=SC2086
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/bench/bench_export" $export_args \
    --dir "$out/export" >"$out/export.txt"

if command -v hyperfine >/dev/null && { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; }; then
    # shellcheck disable=SC2086
    "$here/bench/get-vs-curl.sh" --cli "$build/src/cli/batchwatch-cli" $get_args --no-sdk \
        --no-strace >"$out/get.txt" 2>/dev/null || true
fi

if [ -n "$team_store" ]; then
    # The server's processes, for its CPU time: bench_team counts those of the user postgres
    # unless BATCHWATCH_BENCH_PG_UID names another (scripts/pg-test-cluster.sh's cluster runs as
    # nobody under root).
    server_uid=""
    if [ -n "${BATCHWATCH_BENCH_PG_UID:-}" ]; then
        server_uid="--server-uid $BATCHWATCH_BENCH_PG_UID"
    fi
    # shellcheck disable=SC2086
    "$build/bench/bench_team" --store "$team_store" $team_args $server_uid >"$out/team.txt"
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

# The Timings tables: "<operation>  <runs>  <median>  <min>  <median cpu>" after a dashed line.
timings() {
    awk -v bench="$1" '
        /^-+$/ { on = 1; next }
        on && NF == 0 { on = 0 }
        on && NF >= 5 {
            cpu = $NF; min = $(NF - 1); med = $(NF - 2); runs = $(NF - 3)
            op = $1; for (i = 2; i <= NF - 4; ++i) op = op " " $i
            printf "%-14s %-58s %4s %10s %10s %10s\n", bench, op, runs, med, min, cpu
        }' "$2"
}

printf "%-14s %-58s %4s %10s %10s %10s\n" bench operation runs "median ms" "min ms" "cpu ms"
printf '%s\n' "------------------------------------------------------------------------------------------------------------"
timings bench_model "$out/model.txt"
timings bench_refresh "$out/refresh.txt"
timings bench_startup "$out/startup.txt"
# bench_export: one row per format, seconds; shown in ms like the rest (one run each).
awk '
    /^format/ { on = 1; next }
    on && NF >= 6 {
        printf "%-14s %-58s %4s %10.0f %10.0f %10.0f\n", "bench_export", $1 " (" $5 " MiB)", 1,
               $2 * 1000, $2 * 1000, $3 * 1000
    }' "$out/export.txt"
# get-vs-curl: "<command (34 columns)> <median s> <min s> <x curl> <CPU s> <conns>" rows.
[ -f "$out/get.txt" ] && awk '
    /^-+$/ { on = 1; next }
    on && NF >= 5 && $1 != "" && $0 !~ /jobs,/ {
        name = substr($0, 1, 34); sub(/ +$/, "", name)
        split(substr($0, 35), f, " ")
        if (f[1] ~ /^[0-9.]+$/)
            printf "%-14s %-58s %4s %10.0f %10.0f %10.0f\n", "get-vs-curl", name " (x curl " f[3] ")",
                   "-", f[1] * 1000, f[2] * 1000, f[4] * 1000
    }' "$out/get.txt"
grep -h "RSS growth" "$out/startup.txt" | sed 's/^/bench_startup  /'
# bench_team: its own two tables (clients; store refresh), as it prints them.
if [ -f "$out/team.txt" ]; then
    echo
    echo "bench_team (shared PostgreSQL store):"
    grep -v "^load average" "$out/team.txt" | sed '/^$/d; s/^/  /'
fi
echo "load average before: $load_before; after: $load_after"
