#!/usr/bin/env bash
# ./soundbox bench gpu [--cpu-jar] [--expect-cuda]
# What generation-service sees on this host's GPU, in one JVM:
#   gpu_memory: source=nvidia-smi free_mb=… used_mb=… total_mb=…   (the model lifecycle's memory probe)
#   onnx: device=cuda|cpu cuda_failure=… batch_ms=… model_ms_per_step=…   (MusicGen pipeline, tiny models)
#   onnx_vs_cpu: same_audio=yes|no max_abs_diff=…   (greedy decoding on CUDA against a CPU-only session)
# By default it uses the GPU build of ONNX Runtime (Maven profile gpu, a 642 MB download the first time);
# --cpu-jar uses the default CPU jar. --expect-cuda exits 1 unless the sessions ran on CUDA.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

profile=(-Pgpu)
cpname=gpu-check-gpu
args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --cpu-jar) profile=(); cpname=gpu-check-cpu; shift ;;
    --expect-cuda) args+=(--expect-cuda); shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

# The two ONNX Runtime jars share package names: compile and list the classpath under the same profile.
# shellcheck source=deploy/local/bench/classpath.sh
. "$ROOT/deploy/local/bench/classpath.sh"
CP="$(bench_classpath generation-service "$cpname" "${profile[@]}")"

timeout 300 "$JAVA" -Xmx1g -Djava.awt.headless=true \
  -cp "$CP" io.soundbox.generation.bench.GpuCheck "${args[@]}"
