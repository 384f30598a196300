#!/usr/bin/env bash
# Installs what is missing, builds hemitrack (Release), and runs the main job:
# the analysis of the bundled demo clip (or of the file given as the first argument).
set -euo pipefail
cd "$(dirname "$0")"

./tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j"$(nproc)" --target hemitrack

input="${1:-assets/demo.mp4}"
echo "hemitrack: analysing ${input}" >&2
exec ./build/src/apps/cli/hemitrack analyze "$input" -o out/"$(basename "${input%.*}")"
