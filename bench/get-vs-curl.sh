#!/usr/bin/env bash
# `batchwatch-cli get` of N jobs from a local static nginx, beside curl and AWS's JavaScript SDK.
#
# Serves N retrieve bodies (a realistic AWS-style job, ~1 KiB each) as
# /bedrock/model-invocation-job/<id> (application/json) from an nginx that this script starts
# on 127.0.0.1 with its own configuration in a temporary directory (stopped on exit), then
# times, with hyperfine (warm-up 1):
#   batchwatch-cli get --route singular --format json --max-rate 0 --from-file ids.txt  (4 in flight)
#   curl --parallel --parallel-max 4 on the same URLs
#   node bench/aws-sdk-js/get-jobs.mjs: @aws-sdk/client-bedrock GetModelInvocationJobCommand,
#     4 in flight, endpoint http://127.0.0.1:PORT/bedrock, dummy credentials
# and prints one table: median and minimum wall, mean CPU (user+sys), connections nginx
# accepted for one run, and, from one `strace -f -c` run of each, system calls per job.
#
#   bench/get-vs-curl.sh [--cli PATH]... [--jobs N] [--runs N] [--no-sdk] [--no-strace]
#                        [--transport NAME]... [--paired N] [--extra-fields] [--keep]
#
#   --cli        batchwatch-cli to measure (default build/bench-rel/src/cli/batchwatch-cli);
#                repeatable: each is timed (as "batchwatch-cli get #1", "#2", ... in the order
#                given), and --paired runs them all in the same rounds, e.g. a copy of main's
#                binary beside a branch's
#   --transport  also time the CLI with BATCHWATCH_HTTP_TRANSPORT=NAME (qnam, curl); repeatable.
#                Without it the CLI runs once with its default transport.
#   --paired N   then N rounds of curl and each CLI command back to back, and the median (and
#                quartiles) of each round's wall ratio to curl: on a loaded machine the load
#                drifts between hyperfine's batches; within one round it is nearly the same
#   --extra-fields  each body also carries a member batchwatch does not read, as Bifrost adds
#                it: "extra_fields": {"request_type": "batch_retrieve", "provider": "bedrock",
#                "latency": <ms>, "chunk_index": 0}
#   --keep       keep the temporary directory (bodies, nginx log, hyperfine JSON, strace files)
#
# Needs nginx (Debian: nginx-light), curl >= 7.66, hyperfine, python3, strace; node + npm for the
# SDK (its package is installed into bench/aws-sdk-js/node_modules on first use, not committed).
# Build the CLI optimised first, e.g.
#   cmake -S . -B build/bench-rel -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo && \
#   cmake --build build/bench-rel --target batchwatch-cli
# On a shared machine read the CPU column: wall times follow the load (printed at the end).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
clis=()
jobs=5000
runs=5
sdk=1
do_strace=1
keep=0
paired=0
extra_fields=0
transports=()
port="${BENCH_PORT:-18180}"
while [ $# -gt 0 ]; do
    case "$1" in
    --cli) shift; clis+=("$1") ;;
    --jobs) shift; jobs=$1 ;;
    --runs) shift; runs=$1 ;;
    --no-sdk) sdk=0 ;;
    --no-strace) do_strace=0 ;;
    --transport) shift; transports+=("$1") ;;
    --paired) shift; paired=$1 ;;
    --extra-fields) extra_fields=1 ;;
    --keep) keep=1 ;;
    -h | --help) sed -n '2,38p' "$0"; exit 0 ;;
    *) echo "get-vs-curl.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

[ ${#clis[@]} -gt 0 ] || clis=("${BATCHWATCH_CLI:-$root/build/bench-rel/src/cli/batchwatch-cli}")
for cli in "${clis[@]}"; do
    [ -x "$cli" ] || { echo "batchwatch-cli not found at $cli (pass --cli PATH)" >&2; exit 2; }
done
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx_bin" ] || { echo "nginx is missing (apt-get install nginx-light)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
if [ "$do_strace" = 1 ] && ! command -v strace >/dev/null; then
    echo "strace is missing: no system-call counts" >&2
    do_strace=0
fi
if [ "$sdk" = 1 ]; then
    if ! command -v node >/dev/null; then
        echo "node is missing: the SDK is left out" >&2
        sdk=0
    elif [ ! -d "$here/aws-sdk-js/node_modules/@aws-sdk/client-bedrock" ]; then
        (cd "$here/aws-sdk-js" && npm install --no-audit --no-fund --silent) >&2 || {
            echo "npm install failed: the SDK is left out" >&2
            sdk=0
        }
    fi
fi

work="$(mktemp -d /tmp/bw-bench-get.XXXXXX)"
nginx_pid=""
cleanup() {
    if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
        kill "$nginx_pid"
        wait "$nginx_pid" 2>/dev/null || true
    fi
    if [ "$keep" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# --- data: deterministic ids and bodies -------------------------------------------------------
mkdir -p "$work/www/bedrock/model-invocation-job"
python3 - "$work" "$jobs" "$extra_fields" <<'PY'
import json, os, random, sys
work, n, extra = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
rng = random.Random(42)
alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
ids = []
seen = set()
while len(ids) < n:
    i = "".join(rng.choice(alphabet) for _ in range(12))
    if i not in seen:
        seen.add(i)
        ids.append(i)
statuses = ["Submitted", "Validating", "Scheduled", "InProgress", "Completed", "Failed"]
for k, i in enumerate(ids):
    total = rng.randrange(1000, 50000)
    done = rng.randrange(0, total)
    body = {
        "jobArn": f"arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/{i}",
        "jobName": f"nightly-summaries-{k:05d}",
        "modelId": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
        "roleArn": "arn:aws:iam::123456789012:role/BedrockBatchRole",
        "status": statuses[k % len(statuses)],
        "submitTime": "2025-03-14T09:26:53.123Z",
        "lastModifiedTime": "2025-03-14T11:02:10Z",
        "jobExpirationTime": "2025-03-21T09:26:53Z",
        "inputDataConfig": {"s3InputDataConfig": {"s3Uri": f"s3://acme-batch-in/{i}/records.jsonl", "s3InputFormat": "JSONL"}},
        "outputDataConfig": {"s3OutputDataConfig": {"s3Uri": f"s3://acme-batch-out/{i}/"}},
        "timeoutDurationInHours": 72,
        "totalRecordCount": total, "processedRecordCount": done,
        "successRecordCount": done - done // 50, "errorRecordCount": done // 50,
    }
    if extra:
        body["extra_fields"] = {"request_type": "batch_retrieve", "provider": "bedrock",
                                "latency": rng.randrange(50, 900), "chunk_index": 0}
    with open(os.path.join(work, "www/bedrock/model-invocation-job", i), "w") as f:
        json.dump(body, f)
with open(os.path.join(work, "ids.txt"), "w") as f:
    f.write("\n".join(ids) + "\n")
PY

# nginx's workers run as an unprivileged user when started as root: let them read the files.
chmod -R a+rX "$work"

# curl's URL list: one "url"/"output" pair per job.
while read -r id; do
    printf 'url = "http://127.0.0.1:%s/bedrock/model-invocation-job/%s"\noutput = "/dev/null"\n' \
        "$port" "$id"
done <"$work/ids.txt" >"$work/curl-urls.cfg"

# --- nginx: foreground, loopback only, its own config ------------------------------------------
# keepalive_requests is far above the run's request count: a connection is never closed by the
# server (nginx's default closes one after 1,000 requests).
mkdir -p "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp;
    proxy_temp_path $work/nginx/tmp;
    fastcgi_temp_path $work/nginx/tmp;
    uwsgi_temp_path $work/nginx/tmp;
    scgi_temp_path $work/nginx/tmp;
    keepalive_requests 1000000;
    keepalive_timeout 60s;
    sendfile on;
    server {
        listen 127.0.0.1:$port;
        root $work/www;
        location /bedrock/model-invocation-job/ {
            default_type application/json;
        }
        location = /nginx-status {
            stub_status;
        }
    }
}
CONF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
first_url="http://127.0.0.1:$port/bedrock/model-invocation-job/$(head -1 "$work/ids.txt")"
for _ in $(seq 1 50); do
    curl -sf -o /dev/null "$first_url" && break
    sleep 0.1
done

# Connections nginx has accepted so far (its stub_status counter).
accepted() { curl -s "http://127.0.0.1:$port/nginx-status" | awk 'NR == 3 { print $1 }'; }

# --- the commands -------------------------------------------------------------------------------
names=()
cmds=()
for k in "${!clis[@]}"; do
    cli=${clis[$k]}
    label="batchwatch-cli get"
    [ ${#clis[@]} -eq 1 ] || label="batchwatch-cli get #$((k + 1))"
    cli_base="'$cli' get --gateway http://127.0.0.1:$port --route singular --format json --max-rate 0 --from-file '$work/ids.txt' > /dev/null"
    if [ ${#transports[@]} -eq 0 ]; then
        names+=("$label")
        cmds+=("$cli_base")
    else
        for t in "${transports[@]}"; do
            names+=("$label ($t)")
            cmds+=("BATCHWATCH_HTTP_TRANSPORT=$t $cli_base")
        done
    fi
done
names+=("curl --parallel-max 4")
cmds+=("curl -s --parallel --parallel-max 4 -K '$work/curl-urls.cfg'")
if [ "$sdk" = 1 ]; then
    names+=("AWS JS SDK (4 in flight)")
    cmds+=("node '$here/aws-sdk-js/get-jobs.mjs' http://127.0.0.1:$port/bedrock '$work/ids.txt' 4")
fi

# --- sanity: every job comes back, and how many connections each client opens -----------------
for i in "${!cmds[@]}"; do
    cmd="${cmds[$i]}"
    if [[ "${names[$i]}" == batchwatch-cli* ]]; then
        cmd="${cmd% > /dev/null} | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d[\"jobs\"]), \"fetched,\", len(d[\"errors\"]), \"errors\", file=sys.stderr)'"
    fi
    before=$(accepted)
    bash -c "$cmd" 2>"$work/sanity-$i.txt" || { echo "${names[$i]} failed:" >&2; cat "$work/sanity-$i.txt" >&2; exit 1; }
    after=$(accepted)
    echo $((after - before - 1)) >"$work/connections-$i.txt" # the status request itself is one
    echo "${names[$i]}: $(tail -1 "$work/sanity-$i.txt")" >&2
done

# --- system calls per job ---------------------------------------------------------------------
if [ "$do_strace" = 1 ]; then
    for i in "${!cmds[@]}"; do
        strace -f -c -o "$work/strace-$i.txt" bash -c "${cmds[$i]}" 2>/dev/null || true
    done
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
hyperfine_args=()
for i in "${!cmds[@]}"; do hyperfine_args+=(-n "${names[$i]}" "${cmds[$i]}"); done
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/result.json" \
    "${hyperfine_args[@]}" >"$work/hyperfine.txt"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$work" "$jobs" "$do_strace" "${#cmds[@]}" <<'PY'
import json, os, sys
work, jobs, do_strace, n = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", int(sys.argv[4])
results = json.load(open(os.path.join(work, "result.json")))["results"]

groups = {
    "read": ("read", "readv", "recvfrom", "recvmsg"),
    "write": ("write", "writev", "sendto", "sendmsg"),
    "poll": ("poll", "ppoll", "epoll_wait", "epoll_pwait", "select", "pselect6"),
    "futex": ("futex",),
    "stat": ("stat", "lstat", "newfstatat", "statx", "fstat"),
    "connect": ("connect",),
}

def syscalls(i):
    counts, total = {}, 0
    try:
        lines = open(os.path.join(work, f"strace-{i}.txt")).read().splitlines()
    except OSError:
        return None
    for line in lines:
        f = line.split()
        if len(f) < 5 or not f[3].isdigit():
            continue
        if f[-1] == "total":
            total = int(f[3])
            continue
        counts[f[-1]] = int(f[3])
    row = {g: sum(counts.get(c, 0) for c in names) for g, names in groups.items()}
    row["all"] = total
    return row

base = None
header = f"{'command':<34} {'median s':>9} {'min s':>7} {'x curl':>7} {'CPU s':>7} {'conns':>6}"
if do_strace:
    header += "  per job: " + " ".join(f"{g:>7}" for g in list(groups) + ["all"])
print(header)
print("-" * len(header))
for r in results:
    if r["command"].startswith("curl"):
        base = r["median"]
for i, r in enumerate(results):
    conns = open(os.path.join(work, f"connections-{i}.txt")).read().strip()
    ratio = f"{r['median'] / base:.2f}" if base else "-"
    line = (f"{r['command']:<34} {r['median']:>9.3f} {r['min']:>7.3f} {ratio:>7} "
            f"{r['user'] + r['system']:>7.2f} {conns:>6}")
    if do_strace:
        row = syscalls(i)
        if row:
            line += "           " + " ".join(f"{row[g] / jobs:>7.2f}" for g in list(groups) + ["all"])
    print(line)
PY
echo "$jobs jobs, $runs runs each (hyperfine, 1 warm-up); CPU = mean user+sys; conns = connections nginx accepted in one run"
if [ ${#clis[@]} -gt 1 ]; then
    for k in "${!clis[@]}"; do echo "#$((k + 1)) = ${clis[$k]}"; done
fi
echo "nginx $("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///'), $(curl --version | head -1 | cut -d' ' -f1-2), $("${clis[0]}" --version), node $(node --version 2>/dev/null || echo -), $(nproc) cores"
echo "load average before: $load_before; after: $load_after"

if [ "$paired" -gt 0 ]; then
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    python3 - "$paired" "${names[@]}" -- "${cmds[@]}" <<'PY'
import statistics, subprocess, sys, time
rounds = int(sys.argv[1])
split = sys.argv.index("--")
names, cmds = sys.argv[2:split], sys.argv[split + 1:]
curl = next(i for i, n in enumerate(names) if n.startswith("curl"))
clis = [i for i, n in enumerate(names) if n.startswith("batchwatch-cli")]
walls = {i: [] for i in [curl] + clis}
for r in range(rounds):
    # curl first, then the CLIs, in the reverse order every other round (none always runs
    # right after curl)
    for i in [curl] + (clis if r % 2 == 0 else clis[::-1]):
        start = time.perf_counter()
        subprocess.run(["bash", "-c", cmds[i]], check=True, stderr=subprocess.DEVNULL)
        walls[i].append(time.perf_counter() - start)
print(f"paired: {rounds} rounds of curl then each CLI command; per-round wall ratio to curl")
if len(clis) > 1:
    print(f"  and of each CLI command to {names[clis[0]]} (< 1: faster)")
for i in clis:
    ratios = [a / b for a, b in zip(walls[i], walls[curl])]
    q = statistics.quantiles(ratios, n=4)
    print(f"{names[i]:<34} median x curl {statistics.median(ratios):.2f} (quartiles {q[0]:.2f}-{q[2]:.2f}), "
          f"median wall {statistics.median(walls[i]):.3f} s; curl {statistics.median(walls[curl]):.3f} s")
    if len(clis) > 1 and i != clis[0]:
        own = [a / b for a, b in zip(walls[i], walls[clis[0]])]
        q = statistics.quantiles(own, n=4)
        print(f"{'':<34} median x {names[clis[0]]} {statistics.median(own):.2f} "
              f"(quartiles {q[0]:.2f}-{q[2]:.2f})")
PY
    echo "load average before the paired rounds: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
