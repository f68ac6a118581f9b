#!/usr/bin/env bash
# Issue 14's gate benchmark: 200 CI pipelines long-polling gate checks (GET …?wait=120) while the mixed,
# signed Slack traffic of issue 11 runs at 100 req/s. Phase A: the traffic alone; phase B: the same traffic
# with the checks long-polled and decided by approve clicks spread over the phase; phase A again. Prints
# Slack ack p50/p99/max per phase and each check's settle latency (its allowed answer after its deciding
# click's ack). Changebot runs as a JVM of its own (JAVA_OPTS, else the README's -Xmx96m -Xmn32m -XX:+UseSerialGC).
# Usage: bench/gate-longpoll.sh [rate] [seconds per phase] [checks]   (defaults 100 40 200; about 5 minutes)
# Database: a durable PostgreSQL of its own preloading pg_stat_statements, or the server in
# DATASOURCES_DEFAULT_URL when set; the first line of output says which settings were measured.
# See docs/performance.md ("The gate under long-polls") for what it prints and how to read it.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    dev.changebot.bench.GateLongPollBenchmark "${1:-100}" "${2:-40}" "${3:-200}"
