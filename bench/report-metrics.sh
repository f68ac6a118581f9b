#!/usr/bin/env bash
# Issue 16's report benchmark: the monthly metrics report (ReportMetrics, as /change report and the
# report command compute it) over 100,000 changes and about 1,000,000 events, plus a deployment row per
# finished change. Prints the history's size, then each of five runs' time and heap (before and peak).
# Usage: bench/report-metrics.sh [changes]   # default 100000; takes about 3 minutes
# Database: DATASOURCES_DEFAULT_URL when set, else the embedded test server; the first line of output
# says which durability settings were measured.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.changebot.bench.ReportBenchmark -Dexec.args="${1:-100000}"
