#!/usr/bin/env bash
# Audit appends with 8 concurrent writers on two app instances sharing one PostgreSQL: latency per
# recorded action (its transaction, as the ack waits for it; chaining is off that path), chained appends
# per second, and the sequencer's lag p50/p99 (chained_at - recorded_at). Prints the load average before
# and after: the machine may be shared. Usage: bench/audit-append.sh [actions per writer, default 500]
# Uses the test support's embedded PostgreSQL (fsync and synchronous commit off), or the server in
# DATASOURCES_DEFAULT_URL when set; the first line of output says which settings were measured.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.changebot.bench.AuditAppendBenchmark -Dexec.args="${1:-500}"
