#!/usr/bin/env python3
"""Waits for a starting Changebot's /health to answer UP, polling every 20 ms from this one process.

Usage: bench/await-up.py PORT PID DEADLINE_EPOCH_MS
Exits 0 as soon as /health says UP; 1 when the process PID has gone or the deadline has passed.

Why a process of its own: the start-up bench polled with `curl | grep` and `date` in a shell loop, three
programs started every 20 ms. On a 2-core machine that loop alone used about 3 s of CPU in 3.5 s of wall
time (`/usr/bin/time` on the loop against a closed port): the start measured was the jar's start while
competing with its own stopwatch. One Python process connecting to a local port 50 times a second costs a
few percent of one core.
"""
import http.client
import os
import re
import sys
import time

port, pid, deadline_ms = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
# The application's own status, which comes right after its name (components' statuses come later).
UP = re.compile(rb'^\{"name":"[^"]*","status":"UP"')


def up():
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", "/health")
        body = connection.getresponse().read()
        return UP.match(body) is not None
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()


def alive():
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


while True:
    if up():
        sys.exit(0)
    if not alive() or time.time() * 1000 > deadline_ms:
        sys.exit(1)
    time.sleep(0.02)
