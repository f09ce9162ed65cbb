#!/usr/bin/env python3
"""host.py — serve a built site the way a static host publishes it, for the site checks.

    python3 host.py SITE_DIR PORT [--linkchecker]   serve on 127.0.0.1:PORT until killed
    python3 host.py --base-path SITE_DIR            print where the site is mounted (its base path)

Like GitHub Pages, Netlify or nginx with `error_page 404 /404.html`, it serves the site under the path of its
`base_url` (read back from the site's sitemap.xml: `/mentor-to-rival/`, or `/` without a sitemap) and answers
every missing address, at any depth, with the site's own 404.html and status 404. So the checks see what a
reader sees: a page linking out of its folder, or a 404 page whose links only work at the site's root, fails
here as it would when published. (Python's http.server alone serves at `/` and answers misses with its own page.)
`--linkchecker` adds the response header that lets linkchecker go faster than 3 requests a second per host
(see maxrequestspersecond in linkcheckerrc(5)).
"""
import functools
import http.server
import io
import os
import sys
import xml.etree.ElementTree as ET
from urllib.parse import quote, urlsplit


def base_path(site):
    """The folder all of the sitemap's page URLs share (the site's base path), or '/' without a sitemap."""
    try:
        tree = ET.parse(os.path.join(site, "sitemap.xml"))
    except (OSError, ET.ParseError):
        return "/"
    paths = [urlsplit(e.text.strip()).path or "/" for e in tree.iter() if e.tag.endswith("}loc") or e.tag == "loc"
             if e.text and e.text.strip()]
    if not paths:
        return "/"
    common = os.path.commonprefix(paths)
    return common[:common.rfind("/") + 1] or "/"


class Host(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` under `mount`; a miss gets the site's 404.html with status 404."""
    mount = "/"
    linkchecker = False

    def log_message(self, *args):
        pass

    def end_headers(self):
        if self.linkchecker:
            self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def send_head(self):
        parts = urlsplit(self.path)
        path = parts.path
        if self.mount != "/":
            if path + "/" == self.mount:
                return self._redirect(self.mount)
            if not path.startswith(self.mount):
                return self._not_found()
            path = "/" + path[len(self.mount):]
        local = self.translate_path(path)
        if os.path.isdir(local):
            if not path.endswith("/"):
                return self._redirect(self.mount.rstrip("/") + path + "/")
            local = os.path.join(local, "index.html")
        if not os.path.isfile(local):
            return self._not_found()
        self.path = path + ("?" + parts.query if parts.query else "")
        return super().send_head()

    def _redirect(self, location):
        self.send_response(301)
        self.send_header("Location", quote(location))
        self.send_header("Content-Length", "0")
        self.end_headers()
        return None

    def _not_found(self):
        page = os.path.join(self.directory, "404.html")
        if not os.path.isfile(page):
            self.send_error(404)
            return None
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def handler(site, linkchecker=False):
    """A request handler class for `site`, mounted at its base path."""
    site = os.path.abspath(site)
    attributes = {"mount": base_path(site), "linkchecker": linkchecker}
    return functools.partial(type("SiteHost", (Host,), attributes), directory=site)


def main(argv):
    if len(argv) == 2 and argv[0] == "--base-path":
        print(base_path(argv[1]))
        return 0
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != "--linkchecker"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(argv[1])), handler(argv[0], linkchecker=len(argv) == 3))
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
