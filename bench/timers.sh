#!/usr/bin/env bash
# Durable timer firing on PostgreSQL through Quartz: 10,000 timers due over one minute (lateness
# p50/p99/max, drain rate), then 1,000 due at one instant (time until the last fired).
# Usage: bench/timers.sh [spread-count] [burst-count]. Takes about two minutes.
# Database: as bench/approve-clicks.sh; the first line of output says which settings were measured.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.changebot.bench.TimerBenchmark -Dexec.args="${1:-10000} ${2:-1000}"
