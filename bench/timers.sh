#!/usr/bin/env bash
# Durable timers at scale (issue 11): 100,000 pending timers due over days (time to arm them, start-up
# with them pending, the claim query's plan), then, while they wait, a stream due over one minute
# (lateness p50/p99/max) and 1,000 due at one instant (time until the last fired).
# Usage: bench/timers.sh [pending] [stream-count] [burst-count]   (defaults 100000 6000 1000).
# Takes about five minutes.
# Database: as bench/approve-clicks.sh; the output says which settings were measured, and the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.changebot.bench.TimerBenchmark -Dexec.args="${1:-100000} ${2:-6000} ${3:-1000}"
