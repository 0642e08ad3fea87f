#!/usr/bin/env bash
# Renders the example run as an HTML dashboard, opens it in headless Chromium, saves a screenshot and fails on
# any console message (script errors, resources that failed to load).
#
#   scripts/screenshot-report.sh [PNG] [zh|en]      default: docs/images/report.png, zh
#
# Needs Debian's `chromium` (apt-get install -y chromium fonts-noto-cjk). The page is made by
# `plancheck check Examples/shenyang-2025 --format html --output FILE`; while the CLI does not have
# `--format html` yet, it falls back to the test that writes the same page (PLANCHECK_HTML_OUT).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
png=${1:-docs/images/report.png}
case $png in /*) ;; *) png=$root/$png ;; esac
lang=${2:-zh}
work=.build/report
html=$work/report-$lang.html
log=$work/chromium-$lang.log
mkdir -p "$work" "$(dirname "$png")"
rm -f "$html"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "screenshot-report: chromium not found (Debian: apt-get install -y chromium fonts-noto-cjk)" >&2
    exit 2
fi

swift build
# Exit status 1 only means the examples have findings (they do, on purpose); the page is what matters.
.build/debug/plancheck check Examples/shenyang-2025 --lang "$lang" --today 2025-06-30 \
    --format html --output "$html" >/dev/null 2>"$work/cli.err" || true
if [ ! -s "$html" ]; then
    echo "screenshot-report: the CLI cannot write HTML yet ($(head -c 200 "$work/cli.err" | tr '\n' ' ')); using the test fallback" >&2
    PLANCHECK_HTML_OUT="$root/$html" PLANCHECK_HTML_LANG="$lang" swift test --filter HTMLExportTests >/dev/null
fi
[ -s "$html" ] || { echo "screenshot-report: no page was written" >&2; exit 1; }

# Every host resolves to nothing: a page that tried to fetch anything would log a console error.
"$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --host-resolver-rules="MAP * ~NOTFOUND" \
    --force-device-scale-factor=1 --window-size=1400,1900 \
    --enable-logging=stderr --v=0 --virtual-time-budget=3000 \
    --screenshot="$png" "file://$root/$html" 2>"$log" >/dev/null

if grep -E "CONSOLE|Uncaught|Failed to load" "$log" >&2; then
    echo "screenshot-report: console messages above (full log: $log)" >&2
    exit 1
fi
[ -s "$png" ] || { echo "screenshot-report: no screenshot was written" >&2; exit 1; }
echo "screenshot-report: $html -> $png ($(wc -c <"$png") bytes), no console messages"
