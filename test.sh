#!/usr/bin/env bash
# Installs what is missing, builds hemitrack with its tests (Release), and runs every test.
set -euo pipefail
cd "$(dirname "$0")"

./tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure --timeout 900 -j"$(nproc)"
