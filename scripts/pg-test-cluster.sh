#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the store tests (issue 15): initdb in a fresh temporary
# folder, listening on 127.0.0.1 only on a free port, trust authentication for its one role, no
# fsync (nothing in it needs to survive), removed again by `stop`. Every step is bounded in time.
#
#   scripts/pg-test-cluster.sh start     prints two `export` lines (eval them):
#       BATCHWATCH_TEST_PG      postgresql://batchwatch@127.0.0.1:PORT/batchwatch  (what the
#                               tests read; without it their PostgreSQL half skips)
#       BATCHWATCH_TEST_PG_DIR  the cluster's folder, for stop
#   scripts/pg-test-cluster.sh stop [DIR]   stops the cluster and deletes its folder
#                                           (DIR defaults to $BATCHWATCH_TEST_PG_DIR)
#   source scripts/pg-test-cluster.sh session
#       (from a bash script, e.g. .ci/run) installs what is missing, starts a cluster, exports
#       both variables and stops it when that script exits.
#
# initdb refuses to run as root, so under root the cluster runs as the unprivileged system user
# `nobody` (runuser). Trust on loopback: any local user may connect to this cluster while it
# runs; it holds test data only.
set -euo pipefail

bw_pg_bin="${BATCHWATCH_PG_BIN:-/usr/lib/postgresql/15/bin}"

# The prefix that runs a command as the cluster's owner.
bw_pg_owner=()
if [ "$(id -u)" -eq 0 ]; then
    bw_pg_owner=(runuser -u nobody --)
fi

bw_pg_start() {
    if [ ! -x "$bw_pg_bin/initdb" ]; then
        echo "pg-test-cluster: no $bw_pg_bin/initdb (install postgresql-15)" >&2
        return 1
    fi
    local dir
    dir="$(mktemp -d "${TMPDIR:-/tmp}/batchwatch-pg.XXXXXX")"
    chmod 700 "$dir"
    [ "$(id -u)" -eq 0 ] && chown nobody: "$dir"
    if ! timeout 60 "${bw_pg_owner[@]}" "$bw_pg_bin/initdb" -D "$dir/data" -U batchwatch -A trust \
        -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        rm -rf "$dir"
        return 1
    fi
    # A port nobody listens on now; another process may take it before the server does, so
    # the start is retried with another one.
    local port attempt started=0
    for attempt in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 20000))
        if ss -Htln "sport = :$port" | grep -q .; then
            continue
        fi
        if timeout 40 "${bw_pg_owner[@]}" "$bw_pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
            -w -t 30 -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=60" start >/dev/null; then
            started=1
            break
        fi
    done
    if [ "$started" -ne 1 ]; then
        echo "pg-test-cluster: the server did not start (attempt $attempt)" >&2
        cat "$dir/server.log" >&2 || true
        rm -rf "$dir"
        return 1
    fi
    if ! timeout 20 "$bw_pg_bin/createdb" -h 127.0.0.1 -p "$port" -U batchwatch batchwatch; then
        bw_pg_stop "$dir"
        return 1
    fi
    echo "export BATCHWATCH_TEST_PG=postgresql://batchwatch@127.0.0.1:$port/batchwatch"
    echo "export BATCHWATCH_TEST_PG_DIR=$dir"
}

bw_pg_stop() {
    local dir="${1:-${BATCHWATCH_TEST_PG_DIR:-}}"
    if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
        echo "pg-test-cluster: no cluster folder to stop" >&2
        return 1
    fi
    timeout 30 "${bw_pg_owner[@]}" "$bw_pg_bin/pg_ctl" -D "$dir/data" -m immediate -w -t 20 stop \
        >/dev/null 2>&1 || true
    rm -rf "$dir"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    # Sourced: only `session` makes sense.
    if [ "${1:-}" = session ]; then
        source "$(dirname "${BASH_SOURCE[0]}")/deps.sh"
        batchwatch_install_deps
        eval "$(bw_pg_start)"
        trap 'bw_pg_stop "$BATCHWATCH_TEST_PG_DIR"' EXIT
    fi
else
    case "${1:-}" in
    start) bw_pg_start ;;
    stop) bw_pg_stop "${2:-}" ;;
    *)
        echo "usage: $0 start|stop [DIR]   (or: source $0 session)" >&2
        exit 2
        ;;
    esac
fi
