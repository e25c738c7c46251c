#!/usr/bin/env bash
# ./soundbox bench library [--quick] [--rows N] [--batch N] [--searches N] [--radio N]
# library-service on SQLite: loads N generated rows (default 1,000,000) into a fresh SQLite file
# (library-service/target/bench/library.db, same URL settings as the service: WAL, synchronous=NORMAL,
# IMMEDIATE transactions) through the service's own ingestion code (categoriser, upsert, FTS5 and category
# triggers) in batches of 10,000, then times searches (1-3 words, the last as a prefix, relevance order,
# page 1 of 20, with total), a quarter as many within one user's items (~100 each, as that user), and
# radio "next 3" calls for 200 listener sessions, one thread. Prints:
#   library: rows=N ingest_per_s=X search_p50_ms=X search_p99_ms=X radio_next_p99_ms=X
#            ingest_cpu_per_s=X search_cpu_p99_ms=X search_capped_pct=X user_search_p50_ms=X user_search_p99_ms=X
# (one line): the *_cpu_* fields count only the benchmark thread's CPU time, which a busy machine does not
# inflate; search_capped_pct is the share of searches whose total was capped (total_is_estimate).
# Bounded: about 1-3 minutes for 1,000,000 rows on a quiet machine, ~1 GB of disk (deleted at the end).
# --quick: 20,000 rows in batches of 1,000, 200 searches and 200 radio calls (seconds; a smoke test).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../.." && pwd)"

rows=1000000 batch=10000 searches=2000 radio=2000
while [ "$#" -gt 0 ]; do
  case "$1" in
    --quick) rows=20000 batch=1000 searches=200 radio=200; shift ;;
    --rows) rows="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --searches) searches="$2"; shift 2 ;;
    --radio) radio="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
for n in "$rows" "$batch" "$searches" "$radio"; do
  [[ "$n" =~ ^[1-9][0-9]{0,8}$ ]] || { echo "counts must be positive whole numbers" >&2; exit 2; }
done

DB="$ROOT/library-service/target/bench/library.db"
cleanup() { rm -f "$DB" "$DB-wal" "$DB-shm"; }
trap cleanup EXIT
cd "$ROOT"
echo "# library bench: $rows rows, batches of $batch, $searches searches, $radio radio calls ($(nproc) cores," \
     "load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
# shellcheck source=deploy/local/bench/classpath.sh
. "$ROOT/deploy/local/bench/classpath.sh"
CP="$(bench_classpath library-service)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" \
  io.soundbox.library.bench.LibraryBenchmark "$rows" "$batch" "$searches" "$radio" "$DB"
