#!/usr/bin/env bash
# ./soundbox bench gateway [--submit-concurrency N] [--status-concurrency N] [--seconds S] [--submits N] [--polls N] [--warmup S] [--users N]
# ./soundbox bench gateway --stack   (measure the gateway that `./soundbox up` started instead)
#
# Load on loopback against a real gateway: POST /generate (each answer waits for the broker's ack),
# then GET /job/{id} polls. By default it starts its own: a single-node KRaft broker inside the load
# generator's JVM and the packaged gateway as a child process (-Xmx256m -XX:+UseSerialGC, a fresh temp
# data directory), so nothing else needs to run. Bounded: warm-up + two phases of at most --seconds
# (default 10) each and at most --submits/--polls requests. Prints one line on stdout:
#   gateway: submit_rps=... submit_p99_ms=... status_rps=... status_p99_ms=... rss_mb=...
# Details (latency percentiles, failures, machine) go to stderr.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../.." && pwd)"
cd "$ROOT"
MODULE=gateway-service
JAR="$MODULE/target/quarkus-app/quarkus-run.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

args=()
stack=0
for a in "$@"; do
  if [ "$a" = --stack ]; then stack=1; else args+=("$a"); fi
done

# The gateway's jar (the load generator starts it) and its test classes (where the load generator lives).
# shellcheck source=deploy/local/bench/classpath.sh
. "$ROOT/deploy/local/bench/classpath.sh"
bench_package "$MODULE"
CP="$(bench_classpath "$MODULE")"

if [ "$stack" = 1 ]; then
  DATA="${SOUNDBOX_DATA:-$ROOT/data}"
  pid="$(cat "$DATA/run/gateway.pid" 2>/dev/null || echo 0)"
  args=(--url "http://127.0.0.1:${SOUNDBOX_GATEWAY_PORT:-8080}" --key "$DATA/keys/gateway-private.pem"
        --pid "$pid" "${args[@]}")
else
  args=(--jar "$JAR" "${args[@]}")
fi

# The load generator and the in-JVM broker share this JVM; quiet Kafka's logging.
exec "$JAVA" -Xmx768m -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dlog4j2.level=warn \
  -cp "$CP" io.soundbox.gateway.bench.GatewayBench "${args[@]}"
