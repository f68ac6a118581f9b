#!/usr/bin/env bash
# Issue 11's side-by-side ack benchmark: the same mixed, signed Slack traffic (approve clicks 30 %,
# approve reactions 30 %, /change show 20 %, /change list 20 %), open loop at a fixed rate, to a bare
# Bolt app that only acks, a bare Bolt app that commits one row durably before acking, and Changebot;
# a warm-up, `rate` req/s for `seconds`, then `burst-rate` req/s for `burst-seconds`.
# Usage: bench/ack-latency.sh [rate] [seconds] [burst-rate] [burst-seconds]   (defaults 100 60 300 10)
# Database: as bench/approve-clicks.sh; the first line of output says which settings were measured.
# See docs/performance.md for what it prints and how to read it.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q -B test-compile
./mvnw -o -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.changebot.bench.AckLatencyBenchmark \
    -Dexec.args="${1:-100} ${2:-60} ${3:-300} ${4:-10}"
