#!/usr/bin/env python3
"""A stand-in for Slack's Web API on 127.0.0.1:PORT for bench/startup.sh's run under load: every
method answers ok, auth.test with a bot identity, so the app's /health is UP and nothing retries.
Usage: bench/fake-slack-api.py PORT  (runs until killed)"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

IDENTITY = {"ok": True, "url": "https://bench.slack.com/", "team": "bench", "user": "changebot",
            "team_id": "T0CHANGE", "user_id": "U0BOT", "bot_id": "B0BOT"}


class Api(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps(IDENTITY if self.path.endswith("/auth.test") else {"ok": True}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Api).serve_forever()
