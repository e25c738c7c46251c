#!/usr/bin/env bash
# ./soundbox bench tts [--runs N] [VOICE...]
# Speech latency for a 200-character sentence, per voice (default: every installed voice plus kevin16,
# the voice that needs no weights). Prints one line per voice:
#   tts VOICE: first_byte_ms=cold:X,cached_p50:Y realtime_factor=cold:A,cached_p50:B
# measured in one JVM through tts-service's own catalog, voice cache and engines (cold = loading the
# voice into an empty cache first; cached = the voice already loaded; first byte = first synthesized
# chunk). When tts-service answers on 127.0.0.1:$SOUNDBOX_TTS_PORT it also times the HTTP endpoint
# (POST /api/tts/generate, not saved to the library): "tts-http VOICE: first_byte_ms=cached_p50:Z".
# Bounded: N runs per voice (default 30), 20 HTTP requests per voice; builds tts-service if needed.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../.." && pwd)"
DATA="${SOUNDBOX_DATA:-$ROOT/data}"
PORT="${SOUNDBOX_TTS_PORT:-8082}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
APP="$ROOT/tts-service/target/quarkus-app"

runs=30
voices=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) voices+=("$1"); shift ;;
  esac
done

# shellcheck source=deploy/local/bench/classpath.sh
. "$ROOT/deploy/local/bench/classpath.sh"
bench_package tts-service

# The same voices folder and espeak-ng cache as the running service.
timeout 600 "$JAVA" -Xmx256m -XX:+UseSerialGC -Djava.util.logging.config.file=/dev/null \
  -cp "$APP/app/*:$APP/lib/main/*:$APP/lib/boot/*" io.soundbox.tts.bench.TtsBench \
  --voices-dir "${SOUNDBOX_VOICES_DIR:-$DATA/voices}" --cache-dir "$DATA/cache/espeak-ng" --runs "$runs" \
  "${voices[@]+"${voices[@]}"}"

# Through HTTP, when the service is up (the service's own default voice when none was named).
if command -v curl >/dev/null 2>&1 && curl -fsS -m 2 "http://127.0.0.1:$PORT/q/health/live" >/dev/null 2>&1; then
  command -v python3 >/dev/null 2>&1 || { echo "tts-http: not measured: python3 reads the answers" >&2; exit 0; }
  sentence="The quick brown fox jumps over the lazy dog while the orchestra tunes its instruments, and everyone in the hall waits quietly for the first notes of the evening's long awaited symphony to begin today."
  [ "${#voices[@]}" -gt 0 ] || voices=("")
  for v in "${voices[@]}"; do
    body="$(python3 -c 'import json, sys; b = {"text": sys.argv[1], "save_to_library": False}
if sys.argv[2]: b["voice"] = sys.argv[2]
print(json.dumps(b))' "$sentence" "$v")"
    times=()
    out="$(mktemp)"
    for i in $(seq 1 21); do
      t="$(curl -sS -m 60 -o "$out" -w '%{http_code} %{time_starttransfer}' -H 'Content-Type: application/json' \
            -d "$body" "http://127.0.0.1:$PORT/api/tts/generate")" || { echo "tts-http ${v:-default}: failed" >&2; break; }
      [ "${t%% *}" = 200 ] || { echo "tts-http ${v:-default}: HTTP ${t%% *}: $(cat "$out")" >&2; break; }
      [ "$i" -gt 1 ] && times+=("${t#* }")   # the first request may load the voice: not counted
      # The file is not in the library (save_to_library false): remove it from the audio store again.
      f="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("filename") or "")' "$out")"
      [[ "$f" =~ ^[A-Za-z0-9_.-]+\.wav$ ]] && rm -f "$DATA/audio/$f"
    done
    rm -f "$out"
    if [ "${#times[@]}" -gt 0 ]; then
      p50="$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m*1000}')"
      echo "tts-http ${v:-default}: first_byte_ms=cached_p50:$p50 (${#times[@]} requests to 127.0.0.1:$PORT, not kept)"
    fi
  done
fi
