#!/usr/bin/env bash
# Issue 17's feed benchmark: GET /calendar/{token}.ics over 10,000 open changes and a policy of 50 freezes —
# the first build's time and size, rebuilds after the cache's minute, repeats served from the cache and
# conditional repeats (304); target p99 under 200 ms for an unchanged feed.
# Usage: bench/calendar-feed.sh [changes]   # default 10000; takes about a minute
# Database: DATASOURCES_DEFAULT_URL when set, else the embedded test server.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.changebot.bench.CalendarFeedBenchmark -Dexec.args="${1:-10000}"
