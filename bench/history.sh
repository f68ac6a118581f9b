#!/usr/bin/env bash
# Flat as history grows: p50/p99 of /change list, /change show, an approve click and the App Home at
# 1,000, 10,000 and 100,000 changes (with their approvals and five events each) and the same 170 open.
# Usage: bench/history.sh [requests per kind and size] [sizes, comma-separated]   # defaults 200 1000,10000,100000
# Database: as bench/approve-clicks.sh (DATASOURCES_DEFAULT_URL, else the embedded test server); the first
# line of output says which durability settings were measured. Takes about 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.changebot.bench.HistoryBenchmark -Dexec.args="${1:-200} ${2:-1000,10000,100000}"
