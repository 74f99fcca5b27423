#!/usr/bin/env bash
# Launch to the first painted table of the real app, with a data directory that holds many jobs
# (make one with `bench_startup --prepare DIR --jobs 100000`). Each launch gets its own HOME; the
# app logs "watch list of N jobs first painted at epoch ms T" (batchwatch.gui.info), and the CPU
# it used by then is read from /proc (utime + stime) before it is killed.
#   bench/app-startup.sh [--runs N] BINARY DATADIR
# Uses $DISPLAY when set, else starts a private Xvfb for the runs.
set -euo pipefail
runs=5
if [[ ${1:-} == --runs ]]; then runs=$2; shift 2; fi
bin=${1:?binary}; data=${2:?data directory}
work=$(mktemp -d /tmp/bw-app-startup.XXXX)
xvfb=""
cleanup() { [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if [[ -z ${DISPLAY:-} ]]; then
    for n in $(seq 90 120); do [[ -e /tmp/.X$n-lock ]] || break; done
    Xvfb ":$n" -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
    export DISPLAY=":$n"
    sleep 1
fi
tck=$(getconf CLK_TCK)
echo "run  wall ms  cpu s  rss MiB  load"
for i in $(seq 1 "$runs"); do
    home="$work/home$i"; out="$work/out$i"; mkdir -p "$home"
    start=$(date +%s%3N)
    HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
        QT_LOGGING_RULES="batchwatch.gui.info=true" "$bin" --data-dir "$data" >"$out" 2>&1 &
    pid=$!
    for _ in $(seq 1 3000); do grep -q "first painted" "$out" && break; sleep 0.01; done
    stat=$(cat /proc/$pid/stat); rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    painted=$(grep -m1 -o "first painted at epoch ms [0-9]*" "$out" | grep -o "[0-9]*$" || true)
    [[ -n $painted ]] || { echo "run $i: no first paint logged" >&2; exit 1; }
    cpu=$(echo "$stat" | sed 's/.*) //' | awk -v t="$tck" '{printf "%.2f", ($12 + $13) / t}')
    printf "%3d  %7d  %5s  %7d  %s\n" "$i" $((painted - start)) "$cpu" $((rss / 1024)) \
        "$(cut -d' ' -f1 /proc/loadavg)"
done
