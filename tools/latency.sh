#!/usr/bin/env bash
# Measures the dashboard's live path on 640x480 footage played in real time and handed over as a
# camera does (frames analysis cannot keep up with are dropped), in the real window on a virtual
# screen (Xvfb, so Mesa's software OpenGL draws it): latency from a frame's capture to its
# results on screen, and dropped frames with event clips on and off. The figures are the
# program's own, as its status bar shows them. The footage is the bundled demo clip (a real face
# with one-sided twitches, so clips are cut while it plays) scaled to 640x480. Nothing is written
# outside a temporary folder.
#   tools/latency.sh [FRAMES] [WIDTHxHEIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-1300}
size=${2:-1280x800}
cmake --build build --target hemitrack >/dev/null
clip=$(mktemp --suffix=.mp4)
ffmpeg -loglevel error -y -i assets/demo.mp4 -vf scale=640:480 -c:v libx264 -crf 18 "$clip"
echo "nproc: $(nproc); window ${size}; ${frames} frames of $(basename "$clip") in real time"
# Clips on: every event gets a clip (the default). Off: landmarks only, no video kept at all.
for clips in on off; do
  out=$(mktemp -d)
  mkdir -p "$out/config/hemitrack"
  if [ "$clips" = on ]; then settings='{"event_clips": "all"}'; else settings='{"landmarks_only": true}'; fi
  echo "$settings" >"$out/config/hemitrack/settings.json"
  XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data" xvfb-run -a -f "$out/Xauthority" \
    -s "-screen 0 ${size}x24" ./build/src/apps/hemitrack --input "$clip" --speed 1 --drop-late \
    --frames "$frames" --size "$size" --screenshot "$out/latency.png" >/dev/null
  echo "event clips: $clips; $(ls "$out/data/hemitrack/clips" 2>/dev/null | wc -l) clips written"
  grep -A5 '"latency_ms"' "$out/latency.json" | sed -n '2,5p' | tr -d ' ,"' | sed 's/^/  /'
  grep -E '"frames_(dropped|dropped_after_warmup|analysed)"' "$out/latency.json" | tr -d ' ,"' | sed 's/^/  /'
done
