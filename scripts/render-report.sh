#!/usr/bin/env bash
# Renders a Consortium HTML report to PNG with headless Chromium (Debian's `chromium` package), to check
# what a projector will show.
#
#   scripts/render-report.sh REPORT.html [OUT.png] [WIDTH] [HEIGHT]
#
# Installs chromium with apt-get when it is missing (needs root). The page loads nothing from the
# network (the report is self-contained), so the screenshot is the whole story.
set -euo pipefail
report=${1:?usage: scripts/render-report.sh REPORT.html [OUT.png] [WIDTH] [HEIGHT]}
out=${2:-${report%.html}.png}
width=${3:-1200}
height=${4:-6000}
if ! command -v chromium >/dev/null 2>&1; then
    echo "chromium is missing; installing it with apt-get" >&2
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="${width},${height}" \
    --screenshot="$(realpath -m "$out")" "file://$(realpath "$report")" 2>/dev/null
echo "wrote $out"
