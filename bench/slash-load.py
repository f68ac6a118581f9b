#!/usr/bin/env python3
"""Signed `/change list` and `/change help` slash commands to a running Changebot at a fixed rate,
while sampling the app's RSS once a second: how much memory the JVM holds under steady traffic.

Usage: bench/slash-load.py PORT SIGNING_SECRET PID RATE SECONDS
Prints the answers' status counts, latency p50/p99 and the RSS samples' median and maximum.
Requests go to 127.0.0.1 only; the run is bounded by SECONDS (plus at most 10 s for stragglers).
"""
import hashlib
import hmac
import http.client
import statistics
import sys
import threading
import time
import urllib.parse

port, secret, pid, rate, seconds = (int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3],
                                    float(sys.argv[4]), float(sys.argv[5]))
total = int(rate * seconds)
latencies, statuses, rss = [], {}, []
lock = threading.Lock()
next_index = 0
start = time.monotonic()


def body(i):
    return urllib.parse.urlencode({
        "token": "legacy-verification-token", "team_id": "T0CHANGE", "team_domain": "bench",
        "channel_id": "C0BENCH", "channel_name": "bench", "user_id": "U0BENCH", "user_name": "bench",
        "command": "/change", "text": "list" if i % 2 else "help", "api_app_id": "A0CHANGEBOT",
        "is_enterprise_install": "false", "response_url": "https://hooks.slack.com/commands/T0CHANGE/1/abc",
        "trigger_id": "1337.42.%d.%d" % (time.time_ns(), i)})


def worker():
    global next_index
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while True:
        with lock:
            i = next_index
            next_index += 1
        if i >= total:
            return
        # Open loop: request i is due at start + i/rate, however the earlier ones went.
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        payload = body(i)
        timestamp = str(int(time.time()))
        signature = "v0=" + hmac.new(secret, ("v0:%s:%s" % (timestamp, payload)).encode(), hashlib.sha256).hexdigest()
        sent = time.monotonic()
        try:
            connection.request("POST", "/slack/events", payload, {
                "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": timestamp,
                "X-Slack-Signature": signature})
            response = connection.getresponse()
            response.read()
            status = response.status
        except Exception:  # a timeout or a closed connection: counted, and a new connection
            status = "error"
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        with lock:
            latencies.append((time.monotonic() - sent) * 1000)
            statuses[status] = statuses.get(status, 0) + 1


def sample_rss():
    while time.monotonic() < start + seconds + 1:
        try:
            with open("/proc/%s/status" % pid) as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        rss.append(int(line.split()[1]) // 1024)
        except OSError:
            return
        time.sleep(1)


threads = [threading.Thread(target=worker, daemon=True) for _ in range(32)]
sampler = threading.Thread(target=sample_rss, daemon=True)
for thread in threads + [sampler]:
    thread.start()
for thread in threads:
    thread.join(timeout=max(0.0, start + seconds + 10 - time.monotonic()))
sampler.join(timeout=2)
ordered = sorted(latencies)
p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")
print("   %d signed slash commands at %g/s: answers %s; latency p50 %.1f ms, p99 %.1f ms; RSS JVM median %d MB, max %d MB"
      % (len(latencies), rate, dict(sorted(statuses.items(), key=str)), p(0.5), p(0.99),
         statistics.median(rss) if rss else 0, max(rss) if rss else 0))
