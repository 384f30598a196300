#!/usr/bin/env bash
# Benchmarks `hemitrack analyze` on 640x480 footage against the naive approach, in one run.
# Uses the real 640x480 webcam clip from ../shared when present; otherwise the bundled demo
# clip scaled to 640x480.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build --target hemitrack-bench hemitrack >/dev/null
clip=../shared/data/faces/focus_backend_webcam_blinks/mahie_test_1.avi
if [ ! -f "$clip" ]; then
  clip=$(mktemp --suffix=.mp4)
  ffmpeg -loglevel error -y -i assets/demo.mp4 -vf scale=640:480 -c:v libx264 -crf 18 "$clip"
fi
echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
./build/tools/bench/hemitrack-bench "$clip"
echo "peak memory of the command line on the same clip:"
/usr/bin/time -f "  hemitrack analyze: %M KB max resident, %e s" ./build/src/apps/hemitrack analyze "$clip" -o "$(mktemp -d)" --quiet --no-store
