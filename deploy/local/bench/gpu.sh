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
MOD="$ROOT/generation-service"

profile=(-Pgpu)
cpfile="$MOD/target/gpu-check-gpu.classpath"
args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --cpu-jar) profile=(); cpfile="$MOD/target/gpu-check-cpu.classpath"; shift ;;
    --expect-cuda) args+=(--expect-cuda); shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

newest="$(find "$MOD/src" "$MOD/pom.xml" -type f -newer "$cpfile" 2>/dev/null | head -1 || true)"
if [ ! -f "$cpfile" ] || [ -n "$newest" ]; then
  echo "# building generation-service test classes ${profile[*]:-} (./mvnw -B -q test-compile dependency:build-classpath)" >&2
  # The two ONNX Runtime jars share package names: compile and list the classpath under the same profile.
  (cd "$ROOT" && ./mvnw -B -q "${profile[@]}" test-compile dependency:build-classpath -pl generation-service -am \
      -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile")
fi

timeout 300 "$JAVA" -Xmx1g -Djava.awt.headless=true \
  -cp "$MOD/target/classes:$MOD/target/test-classes:$(cat "$cpfile")" io.soundbox.generation.bench.GpuCheck "${args[@]}"
