#!/usr/bin/env bash
# How fast the outbox drains a burst of message updates, Slack's pace aside, and what one chat.update
# costs through the SDK's client and through ChatMethods (one shared Gson).
# Usage: bench/outbox-drain.sh [changes] [calls] [apart]   (defaults 300 2000; "apart": the changes are planned
# an hour apart, so none conflicts with another; by default they share one window and all conflict)
# Database: as bench/approve-clicks.sh; the first line of output says which settings were measured.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q -B test-compile
./mvnw -o -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.changebot.bench.OutboxDrainBenchmark \
    -Dexec.args="${1:-300} ${2:-2000} ${3:-}"
