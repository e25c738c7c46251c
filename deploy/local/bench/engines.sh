#!/usr/bin/env bash
# ./soundbox bench engines [--runs N]
# Generation engines, measured in one JVM on ONE core (-XX:ActiveProcessorCount=1, serial GC):
#   engine NAME: realtime_factor=X (seconds of audio per second of compute)   for 30 s clips
#   quality step (30 s ...): analysis_ms, loudness_ms, spectrogram_png_ms
#   onnx musicgen loop (tiny models ...): overhead_ms_per_step=X outside the model
# The ONNX line runs the real MusicGen token loop (KV cache, delay pattern, guidance, top-k 250) on tiny
# generated models with MusicGen's input/output names and 2048-token vocabulary, so it isolates the
# engine's own cost per step; the model's own time on real weights depends on the hardware.
# Bounded: N runs per prompt (default 2), about 20-60 s in all; compiles generation-service's tests once.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

runs=2
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=deploy/local/bench/classpath.sh
. "$ROOT/deploy/local/bench/classpath.sh"
CP="$(bench_classpath generation-service)"

timeout 600 "$JAVA" -Xmx1g -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Djava.awt.headless=true \
  -Djava.util.logging.config.file=/dev/null \
  -cp "$CP" io.soundbox.generation.bench.EngineBench "$runs"
