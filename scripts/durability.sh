#!/usr/bin/env bash
# Durability soak (issue 12): kill -9 `batchwatch-cli watch` during refresh, `batchwatch-cli
# export` while it writes, the CLI while it migrates a store from schema 2, and the desktop app
# (offscreen) while it polls the same gateway, N times each (default 50). After every kill: the
# store passes PRAGMA integrity_check, every transition `watch` printed before the kill is in the
# store, every transition stored before an app kill is still there, and the export target is
# either absent or a complete document (never half-written).
#
#   scripts/durability.sh [N] [BUILD_DIR]       (default 50, build/ci)
#   DURABILITY_SECTIONS="4" scripts/durability.sh 50    (only some scenarios: 1 refresh,
#                                                        2 export, 3 migration, 4 app)
#
# Needs sqlite3 and python3. Prints one summary line per scenario; exit 1 on any failure.
set -u
N=${1:-50}
BUILD=${2:-build/ci}
SECTIONS=" ${DURABILITY_SECTIONS:-1 2 3 4} "
# Export and migration work on the store that the refresh scenario fills.
case "$SECTIONS" in *" 2 "* | *" 3 "*) SECTIONS=" 1$SECTIONS" ;; esac
want() { case "$SECTIONS" in *" $1 "*) return 0 ;; esac; return 1; }
CLI="$BUILD/src/cli/batchwatch-cli"
SIM="$BUILD/src/sim/batchwatch-gateway-sim"
APP="$BUILD/src/app/batchwatch"
TOOLS=("$CLI" "$SIM")
want 4 && TOOLS+=("$APP")
for tool in "${TOOLS[@]}"; do
    [ -x "$tool" ] || { echo "durability: $tool is not built" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "durability: needs sqlite3" >&2; exit 2; }

WORK=$(mktemp -d)
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$XDG_CONFIG_HOME/batchwatch"
# Poll fast enough that kills land in the middle of refreshes (the floor's lowest value).
printf '[polling]\nminimumJobIntervalMilliseconds=100\nbackoffInitialMilliseconds=100\n' \
    > "$XDG_CONFIG_HOME/batchwatch/batchwatch.conf"

SIM_PID=
cleanup() { [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

"$SIM" --port 0 --flavour aws --speed 600 --jobs 40 --fault-rate 0.2 --seed 7 --print-jobs \
    > "$WORK/sim.out" 2>&1 &
SIM_PID=$!
for _ in $(seq 100); do grep -q '^listening on' "$WORK/sim.out" && break; sleep 0.1; done
URL=$(sed -n 's/^listening on //p' "$WORK/sim.out" | head -1)
[ -n "$URL" ] || { echo "durability: simulator did not start" >&2; exit 2; }
sleep 0.3
mapfile -t IDS < <(awk -F'\t' 'NF >= 3 { print $1 }' "$WORK/sim.out")

rand_ms() { echo "$(( (RANDOM % $2) + $1 ))"; }
nap() { sleep "$(awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }')"; }
integrity() { sqlite3 "$1/batchwatch.sqlite" 'PRAGMA integrity_check;' 2>&1; }

failures=0
# --- 1. kill -9 during refresh -----------------------------------------------------------------
DATA="$WORK/refresh"
mkdir -p "$DATA"
printed=0 missing=0 bad=0
if want 1; then
for i in $(seq "$N"); do
    "$CLI" watch "${IDS[@]}" --format json --interval 0.1 --gateway "$URL" --data-dir "$DATA" \
        > "$WORK/watch.out" 2>/dev/null &
    pid=$!
    nap "$(rand_ms 100 1500)"
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    [ "$(integrity "$DATA")" = ok ] || { bad=$((bad + 1)); echo "refresh $i: integrity failed" >&2; }
    # Every printed line: its (identifier, to) is a stored transition.
    while IFS=$'\t' read -r id to; do
        [ -z "$id" ] && continue
        printed=$((printed + 1))
        n=$(sqlite3 "$DATA/batchwatch.sqlite" "SELECT COUNT(*) FROM status_transitions t JOIN watched_jobs w ON w.id = t.job_id WHERE w.identifier = '$id' AND t.to_status = '$to';")
        [ "${n:-0}" -ge 1 ] || { missing=$((missing + 1)); echo "refresh $i: printed $id -> $to, not stored" >&2; }
    done < <(python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if not line: continue
    try: o = json.loads(line)
    except ValueError: continue  # the line the kill cut
    print(o["identifier"] + "\t" + o["to"])' "$WORK/watch.out")
done
echo "refresh: $N kills, $printed printed transitions checked, $missing missing, $bad integrity failures"
failures=$((failures + missing + bad))
fi

# --- 2. kill -9 during export ------------------------------------------------------------------
half=0 complete=0 absent=0
if want 2; then
for i in $(seq "$N"); do
    for fmt in json pdf; do
        out="$WORK/export-$i.$fmt"
        "$CLI" export --all --offline --format "$fmt" --output "$out" --gateway "$URL" \
            --data-dir "$DATA" >/dev/null 2>&1 &
        pid=$!
        nap "$(rand_ms 5 1500)"
        kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
        if [ ! -e "$out" ]; then
            absent=$((absent + 1))
        elif [ "$fmt" = json ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$out" 2>/dev/null; then
            complete=$((complete + 1))
        elif [ "$fmt" = pdf ] && tail -c 1024 "$out" | grep -q '%%EOF'; then
            complete=$((complete + 1))
        else
            half=$((half + 1)); echo "export $i ($fmt): half-written $out" >&2
        fi
    done
    [ "$(integrity "$DATA")" = ok ] || { failures=$((failures + 1)); echo "export $i: integrity failed" >&2; }
done
echo "export: $((2 * N)) kills (json, pdf), $absent left no file, $complete complete, $half half-written"
failures=$((failures + half))
fi

# --- 3. kill -9 during a migration from schema 2 -----------------------------------------------
# A schema-2 store with history written twice (as two writers did), migrated by the next open:
# the store of section 1 without what schemas 3-7 added (the unique index of transitions, native
# bodies, providers and results, the request ceiling, removal tombstones, the bodies' own table).
MIG="$WORK/migrate"
mkdir -p "$MIG"
if want 3; then
sqlite3 "$DATA/batchwatch.sqlite" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
# The schema this build writes: what a migrated store ends at.
CUR=$(sqlite3 "$DATA/batchwatch.sqlite" 'PRAGMA user_version;')
migrated=0 untouched=0 mbad=0
for i in $(seq "$N"); do
    rm -f "$MIG"/batchwatch.sqlite*
    cp "$DATA/batchwatch.sqlite" "$MIG/batchwatch.sqlite"
    sqlite3 "$MIG/batchwatch.sqlite" "DROP INDEX IF EXISTS status_transitions_once;
        INSERT INTO status_transitions (job_id, from_status, to_status, observed_at, last_modified_time)
            SELECT job_id, from_status, to_status, observed_at + 1, last_modified_time FROM status_transitions;
        DROP TABLE job_results;
        DROP TABLE removed_jobs;
        ALTER TABLE watched_jobs ADD COLUMN raw_retrieve BLOB;
        ALTER TABLE watched_jobs ADD COLUMN raw_list BLOB;
        UPDATE watched_jobs SET (raw_retrieve, raw_list) =
            (SELECT raw_retrieve, raw_list FROM job_bodies WHERE job_id = watched_jobs.id);
        DROP TABLE job_bodies;
        ALTER TABLE watched_jobs DROP COLUMN from_native;
        ALTER TABLE profiles DROP COLUMN providers;
        ALTER TABLE profiles DROP COLUMN max_requests_per_second;
        PRAGMA user_version = 2;" || exit 2
    before=$(sqlite3 "$MIG/batchwatch.sqlite" 'SELECT COUNT(DISTINCT job_id || from_status || to_status) FROM status_transitions;')
    "$CLI" export --all --offline --format json --output "$WORK/m.json" --gateway "$URL" \
        --data-dir "$MIG" >/dev/null 2>&1 &
    pid=$!
    nap "$(rand_ms 0 400)"
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    [ "$(integrity "$MIG")" = ok ] || { mbad=$((mbad + 1)); echo "migration $i: integrity failed" >&2; }
    v=$(sqlite3 "$MIG/batchwatch.sqlite" 'PRAGMA user_version;')
    after=$(sqlite3 "$MIG/batchwatch.sqlite" 'SELECT COUNT(DISTINCT job_id || from_status || to_status) FROM status_transitions;')
    [ "$after" = "$before" ] || { mbad=$((mbad + 1)); echo "migration $i: $before distinct transitions became $after" >&2; }
    if [ "$v" = "$CUR" ]; then migrated=$((migrated + 1)); else untouched=$((untouched + 1)); fi
    # The next open finishes what the kill interrupted.
    "$CLI" export --all --offline --format json --output "$WORK/m.json" --gateway "$URL" \
        --data-dir "$MIG" >/dev/null 2>&1
    [ "$(sqlite3 "$MIG/batchwatch.sqlite" 'PRAGMA user_version;')" = "$CUR" ] || { mbad=$((mbad + 1)); echo "migration $i: not migrated on reopen" >&2; }
done
echo "migration: $N kills, $migrated already at schema $CUR, $untouched not yet (migrated on reopen), $mbad failures"
failures=$((failures + mbad))
fi

# --- 4. kill -9 of the desktop app during refresh ------------------------------------------------
# `watch` stores the gateway's profile and the jobs; the app opens that store, polls the same
# jobs (the settings' 100 ms floor, 20 % faults) and is killed 1-4 s after it started. Every
# transition row stored before a kill must still be there after it.
APPDATA="$WORK/app"
mkdir -p "$APPDATA"
if want 4; then
"$CLI" watch "${IDS[@]}" --format json --interval 0.1 --gateway "$URL" --data-dir "$APPDATA" \
    >/dev/null 2>&1 &
pid=$!
nap 2000
kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
transitions() {
    sqlite3 "$APPDATA/batchwatch.sqlite" "SELECT w.identifier || '|' || coalesce(t.from_status, '')
        || '|' || t.to_status || '|' || coalesce(t.last_modified_time, '') FROM status_transitions t
        JOIN watched_jobs w ON w.id = t.job_id;" | sort
}
transitions > "$WORK/app-before"
first=$(wc -l < "$WORK/app-before")
lost=0 abad=0 crashed=0
for i in $(seq "$N"); do
    "$APP" --data-dir "$APPDATA" >"$WORK/app.log" 2>&1 &
    pid=$!
    nap "$(rand_ms 1000 3000)"
    # Still running when killed: it did not end (or crash) on its own.
    kill -0 "$pid" 2>/dev/null || { crashed=$((crashed + 1)); echo "app $i: ended before the kill" >&2; }
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    [ "$(integrity "$APPDATA")" = ok ] || { abad=$((abad + 1)); echo "app $i: integrity failed" >&2; }
    transitions > "$WORK/app-after"
    n=$(comm -23 "$WORK/app-before" "$WORK/app-after" | wc -l)
    [ "$n" -eq 0 ] || { lost=$((lost + n)); echo "app $i: $n stored transitions gone" >&2; }
    mv "$WORK/app-after" "$WORK/app-before"
done
echo "app: $N kills, transitions stored $first before -> $(wc -l < "$WORK/app-before") after, $lost lost, $abad integrity failures, $crashed ended early"
failures=$((failures + lost + abad + crashed))
fi

[ "$failures" -eq 0 ] && echo "durability: all held" && exit 0
echo "durability: $failures failures" >&2
exit 1
