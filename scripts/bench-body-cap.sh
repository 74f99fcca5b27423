#!/usr/bin/env bash
# Peak memory of `batchwatch-cli get` when the gateway sends a body far past the 16 MiB cap.
#
# A Python HTTP server on 127.0.0.1 (this script starts and stops it) answers every request
# with a 200 application/json body of SIZE_MB MiB, framed three ways:
#   length   Content-Length announced (the client should refuse on the headers)
#   chunked  Transfer-Encoding: chunked, no length
#   close    neither: the body ends when the server closes (HTTP/1.0 style)
# For each framing it runs `batchwatch-cli get --route singular` under /usr/bin/time -v and
# prints the exit status, the peak RSS and how many bytes the server managed to send before
# the client hung up. Retries are part of the run (a too-large body is not retried).
#
# Usage: scripts/bench-body-cap.sh [path/to/batchwatch-cli] [SIZE_MB]
# Needs: python3, GNU time (/usr/bin/time).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cli="${1:-${BATCHWATCH_CLI:-$root/build/ci/src/cli/batchwatch-cli}}"
size_mb="${2:-200}"
[ -x "$cli" ] || { echo "batchwatch-cli not found at $cli (pass its path)" >&2; exit 2; }

work="$(mktemp -d /tmp/bw-bodycap.XXXXXX)"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/server.py" <<'PY'
import socket, sys, threading
mode, size, portfile, logfile = sys.argv[1], int(sys.argv[2]) * 1024 * 1024, sys.argv[3], sys.argv[4]
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0)); srv.listen(8)
open(portfile, "w").write(str(srv.getsockname()[1]))
chunk = (b'{"filler":"0123456789abcdef0123456789abcdef"},' * 1500)[:65536]
def serve(c):
    sent = 0
    try:
        data = b""
        while b"\r\n\r\n" not in data:
            more = c.recv(65536)
            if not more: return
            data += more
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        if mode == "length": head += b"Content-Length: %d\r\n" % size
        elif mode == "chunked": head += b"Transfer-Encoding: chunked\r\n"
        else: head += b"Connection: close\r\n"
        c.sendall(head + b"\r\n")
        while sent < size:
            n = min(len(chunk), size - sent)
            c.sendall(b"%x\r\n" % n + chunk[:n] + b"\r\n" if mode == "chunked" else chunk[:n])
            sent += n
        if mode == "chunked": c.sendall(b"0\r\n\r\n")
    except OSError:
        pass
    finally:
        with open(logfile, "a") as f: f.write("%d\n" % sent)
        c.close()
while True:
    c, _ = srv.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
PY

printf '%-8s %6s %12s %s\n' framing exit peak_rss_kb server_bytes_sent_per_request
for mode in length chunked close; do
    rm -f "$work/port" "$work/sent"
    python3 "$work/server.py" "$mode" "$size_mb" "$work/port" "$work/sent" &
    server_pid=$!
    for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
    port="$(cat "$work/port")"
    set +e
    /usr/bin/time -v "$cli" get k3x9p2m7q1ab --gateway "http://127.0.0.1:$port" --route singular \
        --timeout 60 >/dev/null 2>"$work/time.txt"
    status=$?
    set -e
    rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")"
    sleep 0.5
    printf '%-8s %6s %12s %s\n' "$mode" "$status" "$rss" "$(tr '\n' ' ' <"$work/sent" 2>/dev/null)"
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
done
