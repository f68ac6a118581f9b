#!/usr/bin/env bash
# Start-up of the packaged jar: `java -jar target/changebot.jar` to /health UP, N times on the
# external database (when DATASOURCES_DEFAULT_URL is set) and N times on the embedded one with its
# data already in place (a temporary CHANGEBOT_DATA_DIR; the first start creates it and is not
# counted). Prints each run, min / median, the idle RSS of the JVM (and of the embedded PostgreSQL),
# and where the median run's time went, from its own log.
#
# Usage: bench/startup.sh [runs]                      (default 5; builds the jar only if it is missing)
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test bash bench/startup.sh 5
#   JAVA_OPTS="-Xshare:off" bash bench/startup.sh 3   (JVM options for every start; default: none,
#                                                      i.e. what the jar's own launcher applies)
#   CDS=1 bash bench/startup.sh 3                     (first a training start writes a class-data-sharing
#                                                      archive; every counted start maps it: README, JAVA_OPTS)
#   LOAD_RATE=100 LOAD_SECONDS=60 bash bench/startup.sh 1   (then one more start, with a signing secret, takes
#                                                      signed /change list and help at that rate: RSS under load)
#   JAR=/tmp/other.jar (default target/changebot.jar), IDLE_SECONDS=5 (how long after UP the idle RSS is read), MODES="external embedded"
# Every start runs with only HOME, PATH and the variables above in its environment (no Slack; EXTRA_ENV="A=1 B=2"
# adds some, e.g. a bot token and signing secret with SLACK_API_URL pointing at bench/fake-slack-api.py).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
IDLE_SECONDS=${IDLE_SECONDS:-5}
JAR=${JAR:-target/changebot.jar}
if [[ -z "${MODES:-}" ]]; then
    MODES="embedded"
    [[ -n "${DATASOURCES_DEFAULT_URL:-}" ]] && MODES="external embedded"
fi
[[ -f "$JAR" ]] || ./mvnw -q -B -DskipTests package
WORK=$(mktemp -d -t changebot-startup.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
HOME_DIR="$WORK/home"
mkdir -p "$HOME_DIR"

echo "Load average at start: $(cat /proc/loadavg) on $(nproc) cores; JAVA_OPTS='${JAVA_OPTS:-}'"
echo "java: $(java -version 2>&1 | head -1); jar: $(stat -c %s "$JAR") bytes"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Memory (kB) of the embedded PostgreSQL: its postmaster and children, as PSS so that the shared buffers
# every backend maps count once, not once per process.
postgres_rss_kb() {
    local dir=$1 pm total=0 pid
    pm=$(head -1 "$dir/postgres/postmaster.pid" 2>/dev/null || true)
    [[ -z "$pm" ]] && { echo 0; return; }
    for pid in $pm $(pgrep -P "$pm" || true); do
        total=$(( total + $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0) ))
    done
    echo "$total"
}

# CPU time (ms, user + system) a process has used so far: on a shared machine a steadier measure than wall time.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

# CPU time (ms) by thread name (numbered pool threads summed), largest first: "main" is the thread that
# loads and wires the application; threads that ended before UP are in the total only.
thread_cpu() {
    local task
    for task in /proc/"$1"/task/*; do cat "$task/stat" 2>/dev/null; done | awk -v hz="$(getconf CLK_TCK)" '{
        match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); split(substr($0, RSTART + RLENGTH + 1), f, " ")
        gsub(/[0-9]+$/, "#", name); sum[name] += int((f[12] + f[13]) * 1000 / hz) }
        END { for (n in sum) if (sum[n] >= 10) printf "%6d ms  %s\n", sum[n], (n == "java" ? "main" : n) }' | sort -rn | head -8
}

# One start: prints "<ms to UP> <jvm rss kB> <postgres kB> <micronaut's startup ms> <JVM CPU ms to UP> <t0 ms of day> <log>"
start_once() {
    local mode=$1 run=$2 port log pid t0 t0day ms cpu rss pgrss mn
    port=$(free_port)
    log="$WORK/$mode-$run.log"
    local -a env=(HOME="$HOME_DIR" PATH="$PATH")
    if [[ $mode == external ]]; then
        env+=(DATASOURCES_DEFAULT_URL="$DATASOURCES_DEFAULT_URL")
        [[ -n "${DATASOURCES_DEFAULT_USERNAME:-}" ]] && env+=(DATASOURCES_DEFAULT_USERNAME="$DATASOURCES_DEFAULT_USERNAME")
        [[ -n "${DATASOURCES_DEFAULT_PASSWORD:-}" ]] && env+=(DATASOURCES_DEFAULT_PASSWORD="$DATASOURCES_DEFAULT_PASSWORD")
    else
        env+=(CHANGEBOT_DATA_DIR="$WORK/data")
    fi
    [[ -n "${EXTRA_ENV:-}" ]] && read -r -a extra <<<"$EXTRA_ENV" && env+=("${extra[@]}")
    read -r t0 t0day < <(date +"%s%3N %H:%M:%S.%3N")
    # shellcheck disable=SC2086
    env -i "${env[@]}" java ${JAVA_OPTS:-} -Dmicronaut.server.port="$port" -jar "$JAR" >"$log" 2>&1 &
    pid=$!
    # One poller process: a shell loop of curl, grep and date took a core of this machine's two from the start.
    if ! python3 bench/await-up.py "$port" "$pid" $(( t0 + 120000 )); then
        echo "start $mode #$run failed; its log:" >&2
        cat "$log" >&2
        kill -9 "$pid" 2>/dev/null || true
        exit 1
    fi
    ms=$(( $(date +%s%3N) - t0 ))
    cpu=$(cpu_ms "$pid")
    thread_cpu "$pid" >"$log.threads"
    sleep "$IDLE_SECONDS"
    [[ -n "${UNDER_LOAD:-}" ]] && python3 bench/slash-load.py "$port" bench-signing-secret "$pid" "$LOAD_RATE" "${LOAD_SECONDS:-60}" >&2
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    pgrss=0
    [[ $mode == embedded ]] && pgrss=$(postgres_rss_kb "$WORK/data")
    mn=$(sed -n 's/.*Startup completed in \([0-9]*\)ms.*/\1/p' "$log" | head -1)
    kill -TERM "$pid"
    for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "$ms $rss $pgrss ${mn:-?} $cpu $t0day $log"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# Where a run's time went: each milestone of its log, in ms after the java command was started.
breakdown() {
    local t0day=$1 log=$2
    awk -v t0="$t0day" '
        function ms(t,  p) { split(t, p, /[:.]/); return ((p[1]*60 + p[2])*60 + p[3])*1000 + p[4] }
        BEGIN { base = ms(t0) }
        /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9][0-9][0-9] / {
            what = ""
            if ($0 ~ /Started the embedded PostgreSQL/) what = "embedded PostgreSQL started"
            else if ($0 ~ /Running migrations/) what = "Flyway starts"
            else if ($0 ~ /Schema .* is up to date|Successfully applied/) what = "Flyway done"
            else if ($0 ~ /Policy .* loaded/) what = "policy loaded"
            else if ($0 ~ /Quartz scheduler started/) what = "Quartz started"
            else if ($0 ~ /SlackStartup/) what = "Slack start-up"
            else if ($0 ~ /Startup completed/) what = "Micronaut: " substr($0, index($0, "Startup completed"), 26)
            if (what != "") printf "    %6d ms  %s\n", ms($1) - base, what
        }' "$log"
}

if [[ -n "${CDS:-}" ]]; then
    # The training start runs on the first mode's database; for the embedded one it is also its first start.
    archive="$WORK/changebot.jsa"
    first=${MODES%% *}
    echo "== training start for the class-data-sharing archive ($first database)"
    saved=${JAVA_OPTS:-}
    JAVA_OPTS="$saved -XX:ArchiveClassesAtExit=$archive -Xlog:cds=error -Dchangebot.stop-after-startup=true"
    if [[ $first == external ]]; then
        env -i HOME="$HOME_DIR" PATH="$PATH" DATASOURCES_DEFAULT_URL="$DATASOURCES_DEFAULT_URL" \
            java $JAVA_OPTS -Dmicronaut.server.port="$(free_port)" -jar "$JAR" >"$WORK/training.log" 2>&1
    else
        env -i HOME="$HOME_DIR" PATH="$PATH" CHANGEBOT_DATA_DIR="$WORK/data" \
            java $JAVA_OPTS -Dmicronaut.server.port="$(free_port)" -jar "$JAR" >"$WORK/training.log" 2>&1
    fi
    JAVA_OPTS="$saved -XX:SharedArchiveFile=$archive"
    echo "   archive: $(( $(stat -c %s "$archive") / 1048576 )) MB; JAVA_OPTS for the starts below: '$JAVA_OPTS'"
fi

for mode in $MODES; do
    if [[ $mode == embedded ]]; then
        echo "== embedded: first start (creates $WORK/data, not counted)"
        read -r ms _ _ _ _ _ _ < <(start_once embedded 0)
        echo "   first start: $ms ms"
    fi
    echo "== $mode: $RUNS starts"
    results=()
    for run in $(seq "$RUNS"); do
        line=$(start_once "$mode" "$run")
        results+=("$line")
        read -r ms rss pgrss mn cpu _ _ <<<"$line"
        printf "   #%d  UP after %5d ms (JVM CPU %5d ms)   Micronaut %5s ms   RSS JVM %4d MB   PostgreSQL %3d MB   (load %s)\n" \
            "$run" "$ms" "$cpu" "$mn" $(( rss / 1024 )) $(( pgrss / 1024 )) "$(cut -d' ' -f1 /proc/loadavg)"
    done
    med=$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)
    min=$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | sort -n | head -1)
    rss=$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)
    pgrss=$(printf '%s\n' "${results[@]}" | cut -d' ' -f3 | median)
    cpu=$(printf '%s\n' "${results[@]}" | cut -d' ' -f5 | median)
    printf "   %s: /health UP min %d ms, median %d ms (JVM CPU median %d ms); idle median: RSS JVM %d MB, PSS embedded PostgreSQL %d MB\n" \
        "$mode" "$min" "$med" "$cpu" $(( rss / 1024 )) $(( pgrss / 1024 ))
    # The breakdown of the run closest to the median.
    closest=$(printf '%s\n' "${results[@]}" | awk -v m="$med" '{d=$1-m; if (d<0) d=-d; print d, $0}' | sort -n | head -1)
    read -r _ ms _ _ _ _ t0day log <<<"$closest"
    echo "   where the time went in a median run ($ms ms to UP):"
    breakdown "$t0day" "$log"
    echo "   its CPU until UP by thread:"
    sed 's/^/    /' "$log.threads"
    if [[ -n "${LOAD_RATE:-}" ]]; then
        echo "== $mode: one more start, under load"
        slack_port=$(free_port)
        python3 bench/fake-slack-api.py "$slack_port" &
        slack_pid=$!
        line=$(UNDER_LOAD=1 EXTRA_ENV="${EXTRA_ENV:-} SLACK_BOT_TOKEN=xoxb-bench SLACK_SIGNING_SECRET=bench-signing-secret SLACK_API_URL=http://127.0.0.1:$slack_port" \
            start_once "$mode" load)
        kill "$slack_pid"
        read -r ms rss _ _ _ _ _ <<<"$line"
        echo "   UP after $ms ms; RSS JVM after the load $(( rss / 1024 )) MB"
    fi
done
echo "Load average at the end: $(cat /proc/loadavg)"
