#!/usr/bin/env bash
# Two jars side by side under the same load at the same time: CPU per request of each, by thread.
# Run one after the other, the same jar's CPU per request moved by 10-30 % between bench runs on these
# VMs (the neighbours); run together, both see the same machine, so a difference of a few percent shows.
# Each jar gets a database of its own on DATASOURCES_DEFAULT_URL's server (default: this machine's), a
# signing secret and the stand-in Slack API (bench/fake-slack-api.py); bench/slash-load.py sends each the
# same signed `/change list` and `/change help` at RATE a second, for a WARM s warm-up (90) and then ROUNDS
# rounds of SECONDS, and each round prints both processes' CPU (user + system, /proc) per request.
#
# Usage: bench/ab-cpu.sh JAR_A JAR_B [rounds]        (default 3; RATE=100 SECS=60; JAVA_OPTS as the README's)
#   A jar's class-data archive is used when changebot.jsa lies beside it (bench/startup.sh CDS=1 writes one).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR_A=$(realpath "$1"); JAR_B=$(realpath "$2"); ROUNDS=${3:-3}
RATE=${RATE:-100}; SECS=${SECS:-60}; WARM=${WARM:-90}; JAVA_OPTS=${JAVA_OPTS:--Xmx96m -Xmn32m -XX:+UseSerialGC}
SERVER_URL=${DATASOURCES_DEFAULT_URL:-jdbc:postgresql://127.0.0.1:5432/test}
BASE_URL=${SERVER_URL%/*}
PSQL_HOST=$(sed -E 's#jdbc:postgresql://([^:/]+).*#\1#' <<<"$SERVER_URL")
PSQL_PORT=$(sed -E 's#jdbc:postgresql://[^:/]+:?([0-9]*)/.*#\1#' <<<"$SERVER_URL")
psql_admin() { psql -h "$PSQL_HOST" -p "${PSQL_PORT:-5432}" -U postgres -d postgres -qc "$1"; }
WORK=$(mktemp -d -t changebot-ab.XXXXXX)
HZ=$(getconf CLK_TCK)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
declare -A PID PORT
cleanup() {
    kill "${PID[A]:-}" "${PID[B]:-}" "${FAKE:-}" 2>/dev/null || true
    wait 2>/dev/null || true
    psql_admin "DROP DATABASE IF EXISTS changebot_ab_a" || true
    psql_admin "DROP DATABASE IF EXISTS changebot_ab_b" || true
    rm -rf "$WORK"
}
trap cleanup EXIT
slack_port=$(free_port)
python3 bench/fake-slack-api.py "$slack_port" > "$WORK/fake-slack.log" 2>&1 &
FAKE=$!
echo "Load average at start: $(cat /proc/loadavg) on $(nproc) cores; JAVA_OPTS='$JAVA_OPTS'"
for x in A B; do
    jar_var=JAR_$x; jar=${!jar_var}; db=changebot_ab_${x,,}
    psql_admin "DROP DATABASE IF EXISTS $db"; psql_admin "CREATE DATABASE $db"
    archive=()
    jsa="$(dirname "$jar")/changebot.jsa"
    [[ -f "$jsa" ]] && archive=(-XX:SharedArchiveFile="$jsa" -Xlog:cds=error)
    PORT[$x]=$(free_port); mkdir -p "$WORK/home-$x"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    env -i HOME="$WORK/home-$x" PATH="$PATH" DATASOURCES_DEFAULT_URL="$BASE_URL/$db" \
        MICRONAUT_SERVER_PORT="${PORT[$x]}" SLACK_BOT_TOKEN=xoxb-bench SLACK_SIGNING_SECRET=bench-signing-secret \
        SLACK_API_URL="http://127.0.0.1:$slack_port" \
        java $JAVA_OPTS "${archive[@]}" -jar "$jar" > "$WORK/$x.log" 2>&1 &
    PID[$x]=$!
    echo "$x: $jar (pid ${PID[$x]})"
done
for x in A B; do
    python3 bench/await-up.py "${PORT[$x]}" "${PID[$x]}" $(( $(date +%s%3N) + 120000 )) \
        || { echo "$x did not answer /health UP within 120 s; its log:"; tail -20 "$WORK/$x.log"; exit 1; }
done
# CPU (ms) by thread name, numbered pool threads summed.
threads() {
    for task in /proc/"$1"/task/*; do cat "$task/stat" 2>/dev/null; done | awk -v hz="$HZ" '{
        match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); split(substr($0, RSTART + RLENGTH + 1), f, " ")
        gsub(/[0-9]+$/, "#", name); gsub(/ /, "_", name); sum[name] += (f[12] + f[13]) * 1000 / hz }
        END { for (n in sum) print n, sum[n] }'
}
both() {
    python3 bench/slash-load.py "${PORT[A]}" bench-signing-secret "${PID[A]}" "$RATE" "$1" > "$WORK/load-A.txt" &
    local a=$!
    python3 bench/slash-load.py "${PORT[B]}" bench-signing-secret "${PID[B]}" "$RATE" "$1" > "$WORK/load-B.txt" &
    wait $a $!
}
echo "warm-up: $WARM s at $RATE/s each"
both "$WARM"
requests=$(( RATE * SECS ))
for round in $(seq 1 "$ROUNDS"); do
    threads "${PID[A]}" > "$WORK/A.before"; threads "${PID[B]}" > "$WORK/B.before"
    both "$SECS"
    sleep 2
    threads "${PID[A]}" > "$WORK/A.after"; threads "${PID[B]}" > "$WORK/B.after"
    echo "round $round ($requests requests each, load $(cut -d' ' -f1 /proc/loadavg)):"
    for x in A B; do
        awk -v n="$requests" -v x="$x" 'NR == FNR { before[$1] = $2; next }
            { d = $2 - before[$1]
              if (d > 0) { total += d; if (d / n >= 0.01) by = by sprintf(" %s %.2f", $1, d / n) } }
            END { printf "  %s: %.3f ms of CPU per request;%s\n", x, total / n, by }' "$WORK/$x.before" "$WORK/$x.after"
        sed 's/^ */      /' "$WORK/load-$x.txt"
    done
done
