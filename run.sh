#!/usr/bin/env bash
# Installs what is missing, builds hemitrack (Release), and runs the main job: the live dashboard,
# on the first camera, or on the bundled demo clip when there is no camera.
#   ./run.sh            the dashboard (camera, else the demo clip)
#   ./run.sh FILE       the dashboard playing FILE
# On a machine without a screen the dashboard runs on a virtual one (Xvfb), plays the clip to its
# end as fast as it can and saves the window to out/dashboard.png.
set -euo pipefail
cd "$(dirname "$0")"

./tools/install-deps.sh
# The build folder is shared with test.sh; only the program is built here.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target hemitrack

bin=./build/src/apps/hemitrack
args=()
if [[ $# -gt 0 ]]; then args=(--input "$1"); fi

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$bin" "${args[@]}"
fi

mkdir -p out
if [[ $# -eq 0 ]]; then args=(--input assets/demo.mp4); fi
echo "hemitrack: no screen here; running the dashboard on a virtual screen (Xvfb)" >&2
status=0
xvfb-run -a -f "$(mktemp -u)" -s "-screen 0 1280x800x24" "$bin" "${args[@]}" --speed 0 \
  --screenshot out/dashboard.png || status=$?
if [[ -f out/dashboard.png ]]; then
  echo "hemitrack: the dashboard as it ended: out/dashboard.png (what it showed: out/dashboard.json)" >&2
fi
exit "$status"
