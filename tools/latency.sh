#!/usr/bin/env bash
# Measures the dashboard's live latency, from a frame's capture to its results on screen, on
# 640x480 footage played in real time (as a camera delivers it), in the real window on a virtual
# screen (Xvfb, so Mesa's software OpenGL draws it). The figures are the program's own, as its
# status bar shows them. Uses the real 640x480 webcam clip from ../shared when present;
# otherwise the bundled demo clip scaled to 640x480.
#   tools/latency.sh [FRAMES] [WIDTHxHEIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-600}
size=${2:-1280x800}
cmake --build build --target hemitrack >/dev/null
clip=../shared/data/faces/focus_backend_webcam_blinks/mahie_test_1.avi
if [ ! -f "$clip" ]; then
  clip=$(mktemp --suffix=.mp4)
  ffmpeg -loglevel error -y -i assets/demo.mp4 -vf scale=640:480 -c:v libx264 -crf 18 "$clip"
fi
out=$(mktemp -d)
echo "nproc: $(nproc); window ${size}; ${frames} frames of $(basename "$clip") in real time"
XDG_CONFIG_HOME="$out" xvfb-run -a -f "$out/Xauthority" -s "-screen 0 ${size}x24" \
  ./build/src/apps/hemitrack --input "$clip" --speed 1 --frames "$frames" --size "$size" \
  --screenshot "$out/latency.png" >/dev/null
grep -A5 '"latency_ms"' "$out/latency.json" | sed -n '2,5p' | tr -d ' ,"' | sed 's/^/  /'
grep '"frames_dropped"' "$out/latency.json" | tr -d ' ,"' | sed 's/^/  /'
