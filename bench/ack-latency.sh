#!/usr/bin/env bash
# Issue 11's side-by-side ack benchmark: the same mixed, signed Slack traffic (approve clicks 30 %,
# approve reactions 30 %, /change show 20 %, /change list 20 %), open loop at a fixed rate, to a bare
# Bolt app that only acks, a bare Bolt app that commits one row durably before acking, and Changebot,
# each in a JVM of its own (options: JAVA_OPTS, else the README's -Xmx96m -Xmn32m -XX:+UseSerialGC); a warm-up, `rate` req/s for `seconds`,
# then `burst-rate` req/s for `burst-seconds`; then Changebot with each kind of request alone.
# Usage: bench/ack-latency.sh [rate] [seconds] [burst-rate] [burst-seconds]   (defaults 100 60 300 10)
# Database: a durable PostgreSQL of its own preloading pg_stat_statements, or the server in
# DATASOURCES_DEFAULT_URL when set; the first line of output says which settings were measured.
# PREPARE_ONLY=1 stops once the pending changes are requested and posted; OVERLAPPING=1 plans them all in one
# window (each in conflict with all the others) instead of an hour apart. CHANGEBOT_JAR: see below.
# WARM_UP_SECONDS (default 5) of mixed traffic before the measured phases; 120 lets Changebot's JIT settle first.
# UPDATES_PER_MINUTE / UPDATE_BURST lift the chat.update pace (default Slack's Tier 3: 50 a minute, burst 20).
# See docs/performance.md for what it prints and how to read it.
set -euo pipefail
cd "$(dirname "$0")/.."
# The generator runs in a plain JVM of its own (not Maven's), so its servers can be started from the same classpath.
./mvnw -q -B test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# CHANGEBOT_JAR=target/changebot.jar runs Changebot from the packaged jar (built by ./mvnw package), so that
# JAVA_OPTS may name its class-data archive (-XX:SharedArchiveFile=..., written as the README says).
app_classpath=()
if [[ -n "${CHANGEBOT_JAR:-}" ]]; then
    app_classpath=("-Dchangebot.app.classpath=$(realpath "$CHANGEBOT_JAR")")
fi
exec java -Xmx2g "${app_classpath[@]}" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    dev.changebot.bench.AckLatencyBenchmark "${1:-100}" "${2:-60}" "${3:-300}" "${4:-10}"
