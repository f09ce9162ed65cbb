#!/usr/bin/env bash
# selftest.sh — prove that the site checks can fail: each must pass the good sample site under
# .ci/selftest/good and fail (exit 1, not a harness error) on the sample made to break it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"
samples="$here/selftest"
failed=0

# expect STATUS CHECK SAMPLE [PATTERN...]: run CHECK on SAMPLE, want exit STATUS and each PATTERN in the output.
# CHECK_ARGS (an array) holds extra arguments for the check.
CHECK_ARGS=()
expect() {
  local want="$1" check="$2" sample="$3"; shift 3
  local out status=0
  out="$("$check" "$samples/$sample" "${CHECK_ARGS[@]}" 2>&1)" || status=$?
  local verdict="ok"
  [ "$status" -eq "$want" ] || verdict="WRONG (exit $status, expected $want)"
  for pattern in "$@"; do
    grep -qF -- "$pattern" <<<"$out" || verdict="WRONG (no '$pattern' in the output)"
  done
  printf '%-28s %-14s %s\n' "$(basename "$check")" "$sample" "$verdict"
  if [ "$verdict" != "ok" ]; then failed=1; sed 's/^/    | /' <<<"$out"; fi
}

expect 0 "$here/check-html.sh" good
expect 1 "$here/check-html.sh" bad-html '“p” end tag' '“img” element must have an “alt”' 'Property “colr”'
expect 0 "$here/check-links.sh" good
expect 1 "$here/check-links.sh" bad-links 'missing/: 404' "Anchor \`gone'" '#nowhere: anchor not found' 'missing.png: 404'
expect 0 "$here/check-a11y.py" good
expect 1 "$here/check-a11y.py" bad-a11y 'image-alt' 'html-has-lang' 'color-contrast' 'label'
expect 1 "$here/check-a11y.py" console-error 'console error' 'Uncaught TypeError'
expect 1 "$here/check-a11y.py" bad-dark '@1280px dark  serious+critical 1' 'color-contrast'
expect 0 "$here/check-links.sh" sub-path
expect 0 "$here/check-a11y.py" sub-path
expect 1 "$here/check-a11y.py" bad-404 'FAIL no-such-page/at/any/depth/' 'depth/style.css - Failed to load resource'
expect 0 "$here/check-weight.py" good
CHECK_ARGS=(--limit-kb 0.65)   # the good sample's home page is 0.7 KB with its stylesheet, about/ 0.6 KB
expect 1 "$here/check-weight.py" good 'FAIL index.html' '1 over'
CHECK_ARGS=()
# A five-page site built with search on; in search-broken every term shard is empty, so nothing is found.
expect 0 "$here/check-search.py" search
expect 1 "$here/check-search.py" search-broken "FAIL  typing 'Altman' lists results"
[ "$failed" -eq 0 ] && echo "selftest: every check passes the good sample and fails each bad one"
exit "$failed"
