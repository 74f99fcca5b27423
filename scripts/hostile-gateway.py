#!/usr/bin/env python3
"""A hostile gateway on 127.0.0.1 for trying batchwatch from outside (docs/RELIABILITY.md, "Hostile
gateway"). It answers the Bedrock-format routes (/bedrock/model-invocation-job[s]/ID, the list)
and Bifrost's native ones (/v1/batches[/ID]?provider=P) badly, in the way MODE says:

  wrong-types   every field of the wrong type (jobArn/id a number, status an array, counts text)
  partly-wrong  status and id fine, other fields of the wrong type (kept as problems)
  html-502      HTTP 502 with an HTML page (a proxy in front of a dead gateway)
  huge          a 200 MiB JSON body (Content-Length), or chunked with ?chunked
  trickle       a valid body, one byte every 0.5 s
  reset         the connection reset (RST) before any answer
  throttle      429 with Retry-After: 1 twice per path, then a valid body
  redirect-loop 302 back to the same path
  bad-key       401 (Bedrock routes) or 403 (native) unless the key is KEY; the error body
                echoes the key it was sent, as a careless gateway does
  good          valid bodies (to run against before and after a restart)

Usage: hostile-gateway.py PORT MODE [KEY]. Prints "ready" on stdout once it listens; logs one line
per request on stderr (the key never: only whether it matched).
"""

import json
import socket
import struct
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs, unquote

PORT = int(sys.argv[1])
MODE = sys.argv[2]
KEY = sys.argv[3] if len(sys.argv) > 3 else "good-key"
ARN = "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
THROTTLED = {}


def bedrock_job(job_id):
    if MODE == "wrong-types":
        return {"jobArn": 1234, "status": ["InProgress"], "totalRecordCount": "many",
                "processedRecordCount": [1], "submitTime": {"when": "now"}, "jobName": 7}
    job = {"jobArn": job_id if job_id.startswith("arn:") else ARN + job_id,
           "jobName": "hostile-" + job_id[-6:], "status": "InProgress",
           "modelId": "anthropic.claude-3-haiku-20240307-v1:0",
           "submitTime": "2026-12-07T01:00:00Z", "lastModifiedTime": "2026-12-07T01:05:00Z",
           "totalRecordCount": 100, "processedRecordCount": 40, "successRecordCount": 39,
           "errorRecordCount": 1}
    if MODE == "partly-wrong":
        job.update({"modelId": 42, "totalRecordCount": "many", "endTime": "tomorrow",
                    "vpcConfig": {"subnetIds": [1, 2, 3]}, "jobExpirationTime": True})
    return job


def native_batch(batch_id, provider):
    if MODE == "wrong-types":
        return {"id": 99, "object": "batch", "status": {"s": "in_progress"},
                "created_at": "yesterday", "request_counts": {"total": "many", "completed": [1]},
                "metadata": {"job_name": 5}, "extra_fields": {"provider": provider}}
    batch = {"id": batch_id, "object": "batch", "status": "in_progress",
             "created_at": 1796000000, "expires_at": 1796086400,
             "in_progress_at": 1796000300,
             "request_counts": {"total": 100, "completed": 40, "failed": 1},
             "metadata": {"job_name": "hostile-native"}, "extra_fields": {"provider": provider}}
    if MODE == "partly-wrong":
        batch.update({"created_at": "yesterday", "request_counts": {"total": "many"},
                      "metadata": {"job_name": 5}, "expires_at": {}, "progress": 400})
    return batch


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        key_ok = (self.headers.get("x-bf-vk") == KEY
                  or self.headers.get("Authorization") == "Bearer " + KEY)
        sys.stderr.write("%s %s key=%s\n" % (MODE, fmt % args, "ok" if key_ok else "other"))

    def send_json(self, status, obj, extra=None):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def reset(self):
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def do_POST(self):
        self.do_GET()

    def do_GET(self):
        url = urlsplit(self.path)
        path = unquote(url.path)
        query = parse_qs(url.query)
        provider = query.get("provider", ["bedrock"])[0]
        if path == "/health":
            return self.send_json(200, {"status": "ok"})

        if MODE == "bad-key":
            sent = self.headers.get("x-bf-vk") or self.headers.get("Authorization", "")
            if sent not in (KEY, "Bearer " + KEY):
                status = 403 if path.startswith("/v1/") else 401
                return self.send_json(status, {"error": {"message": "invalid virtual key: " + sent,
                                                         "type": "auth_error"},
                                               "status_code": status})
        if MODE == "html-502":
            body = (b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
                    b"<h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>")
            self.send_response(502)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return self.wfile.write(body)
        if MODE == "reset":
            return self.reset()
        if MODE == "redirect-loop":
            self.send_response(302)
            self.send_header("Location", self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if MODE == "throttle":
            n = THROTTLED.get(path, 0)
            if n < 2:
                THROTTLED[path] = n + 1
                return self.send_json(429, {"message": "Too many requests"},
                                      {"Retry-After": "1"})
        if MODE == "huge":
            return self.huge("chunked" in query)

        if path.startswith("/v1/batches"):
            rest = path[len("/v1/batches"):].strip("/")
            if rest and not rest.endswith("/results"):
                obj = native_batch(rest.removesuffix("/cancel"), provider)
            else:
                obj = {"object": "list", "data": [native_batch("batch_hostile1", provider)],
                       "has_more": False}
        elif path.startswith("/bedrock/model-invocation-job"):
            parts = path.split("/")
            if path.rstrip("/").endswith("model-invocation-jobs"):
                obj = {"invocationJobSummaries": [bedrock_job("k3x9p2m7q1ab")]}
            else:
                obj = bedrock_job(parts[3] if len(parts) > 3 else "")
        else:
            return self.send_json(404, {"message": "no such route"})
        if MODE == "trickle":
            body = json.dumps(obj).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for b in body:
                self.wfile.write(bytes([b]))
                self.wfile.flush()
                time.sleep(0.5)
            return
        return self.send_json(200, obj)

    def huge(self, chunked):
        size = 200 * 1024 * 1024
        piece = b'"' + b"x" * (1024 * 1024 - 2) + b'",'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        sent = 0
        try:
            while sent < size:
                data = (b'{"jobArn":"a","status":"InProgress","junk":[' if sent == 0 else piece)
                if chunked:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                else:
                    self.wfile.write(data)
                sent += len(data)
        except (BrokenPipeError, ConnectionResetError):
            sys.stderr.write("huge: client hung up after %d bytes\n" % sent)
        self.close_connection = True


server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
server.daemon_threads = True
print("ready", flush=True)
server.serve_forever()
