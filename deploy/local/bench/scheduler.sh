#!/usr/bin/env bash
# ./soundbox bench scheduler [SEED] [JOBS]
# The real generation-service scheduler (io.soundbox.generation.scheduler.JobScheduler) against a FIFO
# baseline, on a seeded synthetic workload in simulated time: needs no running stack, no GPU, takes
# seconds after the compile. Prints one line on stdout:
#   scheduler: jobs=N switches=S fifo_switches=F p95_wait_paid_s=A p95_wait_free_s=B max_wait_s=M throughput_ratio_vs_fifo=R
# and the workload, the goals (met / NOT met) and what the workload allows (paid p95 with no free jobs at
# all, switches with no affinity cap) on stderr. Workload knobs (Java system properties, via
# MAVEN_OPTS, e.g. MAVEN_OPTS="-Dgen=0.25 -Dcalm=120"): mode=bursts|waves, gen (GPU seconds per audio
# second, 0.15), burstMin/burstMax (8/12 jobs), burstS (10 s), calm (90 s), paidMax (60 s clips),
# resident (models the GPU holds at once, least recently used unloaded first, for both policies: 1).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
seed="${1:-42}"
jobs="${2:-600}"
[[ "$seed" =~ ^[0-9]+$ && "$jobs" =~ ^[0-9]+$ ]] || { echo "usage: soundbox bench scheduler [SEED] [JOBS]" >&2; exit 2; }
# shellcheck source=deploy/local/bench/classpath.sh
. "$ROOT/deploy/local/bench/classpath.sh"
CP="$(bench_classpath generation-service)"
exec "$JAVA" -cp "$CP" io.soundbox.generation.scheduler.bench.SchedulerBenchmark "$seed" "$jobs"
