#!/usr/bin/env bash
# Generate the examples' HTML docs and take a headless Chromium screenshot of one page.
#
#   scripts/screenshot-docs.sh [PNG] [PAGE] [--locale en|fr]
#
# PNG defaults to target/docs-screenshot.png, PAGE (relative to docs/html) to the
# payments.stripe integration page. Installs chromium with apt-get when it is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNG="$ROOT/target/docs-screenshot.png"
PAGE="integration/payments.stripe@1.0.0.html"
LOCALE="en"
pos=0
while [ $# -gt 0 ]; do
    case "$1" in
        --locale) LOCALE="$2"; shift 2 ;;
        --locale=*) LOCALE="${1#*=}"; shift ;;
        -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) if [ $pos = 0 ]; then PNG="$(realpath -m "$1")"; else PAGE="$1"; fi; pos=$((pos + 1)); shift ;;
    esac
done

OUT="$ROOT/target/docs-site"
(cd "$ROOT" && cargo run -q -p charter-cli -- generate docs -C examples --out "$OUT" --locale "$LOCALE")
[ -f "$OUT/docs/html/$PAGE" ] || { echo "screenshot-docs: no page $PAGE in $OUT/docs/html" >&2; exit 2; }

BROWSER="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$BROWSER" ]; then
    echo "== installing chromium (apt-get)" >&2
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
    BROWSER="$(command -v chromium)"
fi
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
mkdir -p "$(dirname "$PNG")"
"$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$PROFILE" --screenshot="$PNG" --window-size=1280,2400 \
    "file://$OUT/docs/html/$PAGE" 2>/dev/null
echo "$PNG"
