#!/usr/bin/env bash
# check-links.sh SITE_DIR — check every internal link, image, stylesheet and #anchor of a built site.
#
# Serves SITE_DIR on 127.0.0.1 (a free port) as a static host would (host.py: under the site's base path, with
# its own 404 page) and runs Debian's linkchecker
# with every .html file as a start URL, so pages that nothing links to are checked too. External links are
# not followed (checkextern=0: only their syntax is checked), and the AnchorCheck plugin reports every
# `#fragment` that names no element; a missing anchor counts as an error here, not as a warning.
# Exit status: 0 when clean, 1 on any broken link or anchor, 2 when the check itself could not run.
set -euo pipefail

site="${1:?usage: check-links.sh SITE_DIR}"
[ -d "$site" ] || { echo "check-links: not a directory: $site" >&2; exit 2; }
site="$(cd "$site" && pwd)"
command -v linkchecker >/dev/null || { echo "check-links: linkchecker not installed (run .ci/install-deps.sh)" >&2; exit 2; }

work="$(mktemp -d)"
server_pid=""
stop() {
  # Only the server this script started, by its PID.
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop EXIT

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
# --linkchecker: linkchecker keeps to about 3 requests a second per host unless the server answers with a
# "LinkChecker" header (see maxrequestspersecond in linkcheckerrc(5)); with it, the check takes seconds.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python3 "$here/host.py" "$site" "$port" --linkchecker >"$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port$(python3 "$here/host.py" --base-path "$site")"
for _ in $(seq 50); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "$base" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "check-links: http.server exited:" >&2; cat "$work/server.log" >&2; exit 2; }
  sleep 0.2
done

# linkchecker drops root privileges to "nobody", so its files must be readable by everyone.
chmod 755 "$work"
pattern="^http://127\\.0\\.0\\.1:$port/"
cat >"$work/linkcheckerrc" <<CONF
[checking]
threads=4
timeout=20
robotstxt=0
maxrequestspersecond=1000
[filtering]
checkextern=0
internlinks=$pattern
[AnchorCheck]
CONF
chmod 644 "$work/linkcheckerrc"

(cd "$site" && find . -type f -name '*.html' | sort | python3 -c '
import sys
from urllib.parse import quote
for line in sys.stdin:
    print(sys.argv[1] + quote(line.strip()[2:]))' "$base") >"$work/start-urls"
[ -s "$work/start-urls" ] || { echo "check-links: no .html file under $site" >&2; exit 2; }

# linkchecker exits 1 when it found errors (or warnings); the verdict comes from its CSV report below.
set +e
linkchecker --config "$work/linkcheckerrc" --no-status --verbose --output csv --stdin \
  <"$work/start-urls" >"$work/report.csv" 2>"$work/linkchecker.log"
status=$?
set -e
if [ "$status" -gt 1 ]; then
  echo "check-links: linkchecker failed (exit $status):" >&2
  cat "$work/linkchecker.log" >&2
  exit 2
fi

# linkchecker treats `href="#x"` as the page itself and never checks x: same-page anchors are checked here.
python3 - "$site" >"$work/local-anchors.txt" <<'PY'
import os, sys
from html.parser import HTMLParser
from urllib.parse import unquote

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.refs = set(), []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id",) + (("name",) if tag == "a" else ()):
            if a.get(key):
                self.ids.add(a[key])
        href = a.get("href") if tag in ("a", "area", "link") else None
        if href and href.startswith("#") and len(href) > 1:
            self.refs.append((href, *self.getpos()))

site = sys.argv[1]
for folder, _, names in sorted(os.walk(site)):
    for name in sorted(n for n in names if n.endswith(".html")):
        path = os.path.join(folder, name)
        page = Page()
        with open(path, encoding="utf-8", errors="replace") as f:
            page.feed(f.read())
        for href, line, col in page.refs:
            if unquote(href[1:]) not in page.ids:
                print(f"/{os.path.relpath(path, site)}:{line}:{col + 1}: error: {href}: anchor not found in the same page")
PY

python3 - "$work/report.csv" "$base" "$(wc -l <"$work/start-urls")" "$work/local-anchors.txt" <<'PY'
import csv, sys

report, base, pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(sys.argv[4], encoding="utf-8") as f:
    same_page = [line.rstrip("\n") for line in f if line.strip()]
with open(report, encoding="utf-8", errors="replace") as f:
    lines = [line for line in f if not line.startswith("#")]
if not lines:
    print("check-links: empty linkchecker report", file=sys.stderr)
    sys.exit(2)
local = lambda url: (url or "").replace(base, "/")
problems, seen, external = [], set(), 0
for row in csv.DictReader(lines, delimiter=";"):
    key = (row["urlname"], row["parentname"], row["line"], row["column"])
    if key in seen:
        continue
    seen.add(key)
    where = f"{local(row['parentname']) or '(start)'}:{row['line'] or '?'}:{row['column'] or '?'}"
    info, warning = row.get("infostring") or "", row.get("warningstring") or ""
    if "outside of the domain filter" in info or row.get("result") == "filtered":
        external += 1
    elif row["valid"] != "True":
        problems.append(f"{where}: error: {row['urlname']}: {row['result']}")
    elif "anchor" in warning.lower():
        problems.append(f"{where}: error: {row['urlname']}: {warning.split('. Available')[0]}")
    elif warning:
        print(f"{where}: warning: {row['urlname']}: {warning}")
problems += same_page
for p in sorted(problems):
    print(p)
print(f"check-links: {pages} pages, {len(seen) - external} links checked, {len(problems)} errors, "
      f"{external} external or data: links not followed")
sys.exit(1 if problems else 0)
PY
