#!/usr/bin/env bash
# Ack latency of signed Approve clicks at concurrency 16 against the app on PostgreSQL, next to a
# bare Bolt app acking the same clicks in the same run. Usage: bench/approve-clicks.sh [rate/s] [clicks]
# Uses the test support's embedded PostgreSQL (fast: fsync and synchronous commit off), or the server in
# DATASOURCES_DEFAULT_URL when set; the first line of output says which settings were measured.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.changebot.bench.ApproveClickBenchmark -Dexec.args="${1:-100} ${2:-2000}"
