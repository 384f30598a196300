#!/usr/bin/env bash
# Installs every Debian 12 package hemitrack needs to build, test and run.
# The one place the dependency list is written. Non-interactive and idempotent:
# packages already present are not touched, and apt is not called at all then.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake pkg-config git
  # libraries
  libopencv-dev libdlib-dev libdlib-data libsqlite3-dev nlohmann-json3-dev
  libimgui-dev libglfw3-dev libgl-dev libcairo2-dev
  # test framework and headless display for GUI tests
  catch2 xvfb xauth
  # readable UI and report font
  fonts-dejavu-core
  # used by tests (ffmpeg remuxes and flips clips) and tools/benchmark.sh (time)
  ffmpeg time
  # used by tests: read the PDF report back
  poppler-utils
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "install-deps: missing packages (${missing[*]}) and not root, and sudo is not available" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
