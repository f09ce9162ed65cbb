#!/usr/bin/env python3
"""check-weight.py SITE_DIR [--limit-kb 100] — every page, with the CSS and JS it loads, stays under a budget.

For each .html file under SITE_DIR: its own size plus every local stylesheet (<link rel=stylesheet>) and
script (<script src>) it references, each counted once per page. Images, fonts and feeds are not counted.
Prints the heaviest pages, then a summary. Exit status: 0 when every page is within the limit, 1 if not,
2 on a usage error. Uses only the standard library.
"""
import argparse
import os
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class Assets(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and a.get("href"):
            self.refs.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.refs.append(a["src"])


def local_file(site, page, ref):
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return None  # external: the a11y check already fails on any external request
    path = unquote(parts.path)
    base = site if path.startswith("/") else os.path.dirname(page)
    return os.path.normpath(os.path.join(base, path.lstrip("/")))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--limit-kb", type=float, default=100)
    parser.add_argument("--show", type=int, default=5, help="how many of the heaviest pages to list")
    args = parser.parse_args()
    if not os.path.isdir(args.site):
        print("check-weight: not a directory: %s" % args.site, file=sys.stderr)
        return 2
    site = os.path.abspath(args.site)
    limit = args.limit_kb * 1024
    weights = []
    for folder, _, names in os.walk(site):
        for name in names:
            if not name.endswith(".html"):
                continue
            page = os.path.join(folder, name)
            parser_ = Assets()
            with open(page, encoding="utf-8", errors="replace") as f:
                parser_.feed(f.read())
            files = {page}
            files.update(p for p in (local_file(site, page, r) for r in parser_.refs) if p and os.path.isfile(p))
            weights.append((sum(os.path.getsize(p) for p in files), os.path.relpath(page, site), len(files) - 1))
    if not weights:
        print("check-weight: no .html page under %s" % args.site, file=sys.stderr)
        return 2
    weights.sort(reverse=True)
    over = [w for w in weights if w[0] > limit]
    for size, page, assets in (over or weights[:args.show]):
        print("%s %-50s %7.1f KB (page + %d CSS/JS file%s)" % (
            "FAIL" if size > limit else "ok  ", page, size / 1024, assets, "" if assets == 1 else "s"))
    print("check-weight: %d pages, heaviest %.1f KB, limit %g KB, %d over" % (
        len(weights), weights[0][0] / 1024, args.limit_kb, len(over)))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
