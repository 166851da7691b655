#!/usr/bin/env bash
# Installs what is missing, builds a release, and builds the demo case into demo-out/.
# With a display it then opens the case in the GUI; without one it writes what an investigator
# would look at instead: the main window, the link chart, the money trace and the activity of the
# demo's charity as PNG screenshots, and the link chart and trace diagram as SVG drawings.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
out=${1:-demo-out}
cli=./build/release/app/fundtrace-cli
gui=./build/release/app/fundtrace
$cli demo "$out"
$cli info "$out/demo.ftcase"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec $gui "$out/demo.ftcase"
fi
# The demo's charity, the collection point of the story (the non-profit that moved most money).
npo=$($cli subjects "$out/demo.ftcase" --kind npo --limit 1 | awk 'NR == 1 { print $1 }')
$cli graph "$out/demo.ftcase" --subject "$npo" --hops 1 --layout layered --limit 10 \
    --export "$out/link-chart-npo.svg"
$cli trace "$out/demo.ftcase" --from "$npo" --method fifo --hops 5 --export "$out/trace-npo.svg"
export QT_QPA_PLATFORM=offscreen
$gui "$out/demo.ftcase" --screenshot "$out/main-window.png" --size 1600x1000
for page in link-chart trace activity; do
    $gui "$out/demo.ftcase" --screenshot "$out/$page.png" --size 1600x1000 --page "$page" --subject "$npo"
done
echo "No display: screenshots of the main window and of the charity's link chart, trace and activity"
echo "are in $out/*.png; the link chart and the trace diagram as drawings in $out/*.svg"
