#!/usr/bin/env bash
# What an idle bot costs: the jar started on a fresh database of the local PostgreSQL (it must run on this
# machine: its processes' CPU is read from /proc), left alone for SETTLE_SECONDS, then the JVM's CPU and that of
# every PostgreSQL process measured over SECONDS. Nothing else should use that server meanwhile.
# Usage: bench/idle-cost.sh [jar] [seconds]      (defaults target/changebot.jar, 60; SETTLE_SECONDS=90)
#   PGHOST / PGUSER as for psql (default 127.0.0.1 / postgres); JAVA_OPTS default the README's options.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/changebot.jar}
SECONDS_MEASURED=${2:-60}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
DB="changebot_idle_$$"
WORK=$(mktemp -d -t changebot-idle.XXXXXX)
psql -d postgres -qc "CREATE DATABASE $DB"
cleanup() {
    if [[ -n "${JVM:-}" ]]; then
        kill "$JVM" 2>/dev/null || true
        wait "$JVM" 2>/dev/null || true
    fi
    psql -d postgres -qc "DROP DATABASE IF EXISTS $DB" || true
    rm -rf "$WORK"
}
trap cleanup EXIT
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
postgres_ticks() {
    local sum=0
    for pid in $(pgrep -u postgres -f "postgres: " || true); do sum=$((sum + $(ticks "$pid"))); done
    echo "$sum"
}
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
env -i HOME="$WORK" PATH="$PATH" DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:5432/$DB" \
    DATASOURCES_DEFAULT_USERNAME="$PGUSER" \
    java ${JAVA_OPTS:--Xmx96m -Xmn32m -XX:+UseSerialGC} -jar "$JAR" > "$WORK/app.log" 2>&1 &
JVM=$!
sleep "${SETTLE_SECONDS:-90}"
kill -0 "$JVM" || { echo "the bot stopped; its log:"; cat "$WORK/app.log"; exit 1; }
jvm_before=$(ticks "$JVM"); pg_before=$(postgres_ticks)
sleep "$SECONDS_MEASURED"
jvm_after=$(ticks "$JVM"); pg_after=$(postgres_ticks)
echo "$JAR idle for ${SECONDS_MEASURED} s: JVM $(( (jvm_after - jvm_before) * 10 )) ms of CPU," \
     "PostgreSQL (every process) $(( (pg_after - pg_before) * 10 )) ms"
