#!/usr/bin/env bash
# screenshots.sh [SITE_DIR] — the README's pictures: the home page, the timeline and the Chinese home page of the built site,
# at 1280 px (desktop) and 390 px (phone), from headless Chromium, into docs/screenshots/.
# Run .ci/install-deps.sh and build the site first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"
repo="$(cd "$here/.." && pwd)"
site="${1:-$repo/site}"
[ -x "$CI_PY" ] || { echo "screenshots: run .ci/install-deps.sh first" >&2; exit 2; }
"$CI_PY" "$here/screenshot.py" "$site" "$repo/docs/screenshots" \
  index.html=home timeline/index.html=timeline zh/index.html=zh-home --widths 1280,390
