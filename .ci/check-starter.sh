#!/usr/bin/env bash
# check-starter.sh BUILD_SITE — the issue-20 acceptance: `build-site init my-site && build-site --root my-site`
# in a fresh temporary folder, then the same checks as the microsite's (Nu HTML Checker, links and anchors,
# axe-core and the console in Chromium) on what it built.
# Exit status: 0 when the starter builds and passes every check, 1 otherwise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"
binary="$(cd "$(dirname "${1:?usage: check-starter.sh BUILD_SITE}")" && pwd)/$(basename "$1")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$binary" init my-site
"$binary" --root my-site
status=0
bash "$here/check-html.sh" my-site/site || status=1
bash "$here/check-links.sh" my-site/site || status=1
"$CI_PY" "$here/check-a11y.py" my-site/site || status=1
exit "$status"
