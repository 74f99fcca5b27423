#!/usr/bin/env bash
# Fetch 5,000 jobs from a local static nginx: `batchwatch-cli get` versus `curl --parallel`.
#
# Serves 5,000 retrieve bodies (a realistic AWS-style job, ~1 KiB each) as
# /bedrock/model-invocation-job/<id> with Content-Type application/json from an nginx that
# runs in the foreground of this script on 127.0.0.1 (its own minimal configuration in a
# temporary directory; stopped on exit), then times with hyperfine (or /usr/bin/time):
#   batchwatch-cli get --route singular --format json --from-file ids.txt
#   curl --parallel --parallel-max 4  (and 16) on the same URLs
#
# Usage: scripts/bench-get-vs-curl.sh [path/to/batchwatch-cli] [jobs] [runs]
# Needs: nginx, curl >= 7.66, hyperfine (optional). On Debian: apt-get install nginx-light
# hyperfine. Build batchwatch-cli in Release first, e.g.
#   cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release && \
#   cmake --build build/release --target batchwatch-cli
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cli="${1:-${BATCHWATCH_CLI:-$root/build/release/src/cli/batchwatch-cli}}"
jobs="${2:-5000}"
runs="${3:-5}"
port="${BENCH_PORT:-18180}"

[ -x "$cli" ] || { echo "batchwatch-cli not found at $cli (pass its path)" >&2; exit 2; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is missing" >&2; exit 2; }
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d /tmp/bw-bench.XXXXXX)"
nginx_pid=""
cleanup() {
    if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
        kill "$nginx_pid"
        wait "$nginx_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# --- data: deterministic ids and bodies -------------------------------------------------------
mkdir -p "$work/www/bedrock/model-invocation-job"
python3 - "$work" "$jobs" <<'PY'
import json, os, random, sys
work, n = sys.argv[1], int(sys.argv[2])
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
done < "$work/ids.txt" > "$work/curl-urls.cfg"

# --- nginx: foreground, loopback only, its own config ------------------------------------------
mkdir -p "$work/nginx/tmp"
cat > "$work/nginx/nginx.conf" <<CONF
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
    keepalive_requests 100000;
    keepalive_timeout 60s;
    sendfile on;
    server {
        listen 127.0.0.1:$port;
        root $work/www;
        location /bedrock/model-invocation-job/ {
            default_type application/json;
        }
    }
}
CONF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 50); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/bedrock/model-invocation-job/$(head -1 "$work/ids.txt")" && break
    sleep 0.1
done

# --- sanity: every job comes back --------------------------------------------------------------
fetched="$("$cli" get --gateway "http://127.0.0.1:$port" --route singular --format json \
    --from-file "$work/ids.txt" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["jobs"]), len(d["errors"]))')"
echo "batchwatch-cli fetched/errors: $fetched (of $jobs)" >&2

cli_cmd="'$cli' get --gateway http://127.0.0.1:$port --route singular --format json --from-file '$work/ids.txt' > /dev/null"
curl4_cmd="curl -s --parallel --parallel-max 4 -K '$work/curl-urls.cfg'"
curl16_cmd="curl -s --parallel --parallel-max 16 -K '$work/curl-urls.cfg'"

echo "nginx $("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///'), $(curl --version | head -1 | cut -d' ' -f1-2)," \
     "$("$cli" --version), $jobs jobs, $(nproc) cores" >&2
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/result.md" \
        -n "batchwatch-cli get (4 in flight)" "$cli_cmd" \
        -n "curl --parallel-max 4" "$curl4_cmd" \
        -n "curl --parallel-max 16" "$curl16_cmd"
    cat "$work/result.md"
else
    for cmd in "$cli_cmd" "$curl4_cmd" "$curl16_cmd"; do
        echo "== $cmd"
        for _ in $(seq 1 "$runs"); do /usr/bin/time -f "%e s wall, %M KiB max RSS" bash -c "$cmd"; done
    done
fi
