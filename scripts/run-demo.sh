#!/usr/bin/env bash
# Installs what is missing, builds a release, and builds the demo case into demo-out/.
# With a display it then opens the case in the GUI; without one it renders the main window to
# demo-out/main-window.png instead.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
out=${1:-demo-out}
./build/release/app/fundtrace-cli demo "$out"
./build/release/app/fundtrace-cli info "$out/demo.ftcase"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec ./build/release/app/fundtrace "$out/demo.ftcase"
else
    QT_QPA_PLATFORM=offscreen ./build/release/app/fundtrace "$out/demo.ftcase" \
        --screenshot "$out/main-window.png" --size 1600x1000
    echo "No display: the main window with the demo case was rendered to $out/main-window.png"
fi
