#!/usr/bin/env python3
"""search-bench.py [--events 10000] [--profiles 200] [--runs 3] [--queries …] — build-site's search against Pagefind.

On the benchmark corpus (make-corpus.py, seed 1) with a search page added and `search: true`:
  1. build time with search off and on (hyperfine, alternating), and Pagefind's indexing time on the same output;
  2. index size: every file of `search/` and of `pagefind/`, raw and gzip-compressed (as a host serves them;
     Pagefind's own index files are already gzip, so they count as they are);
  3. per query, in headless Chromium with an empty cache, served over HTTP: the bytes fetched (every file the
     search loads, raw and gzipped) and the time from the query to the first result on screen (ours: the
     search page's form submitted, until the first result's link is in the list; Pagefind: `pagefind.search`
     and the first result's `data()`, the least its UI needs to show one result).
Writes a Markdown table to stdout. Needs: a release build of build-site, hyperfine, the CI venv (selenium) and
`pip install pagefind-bin==1.5.2` in it (or PAGEFIND=/path/to/pagefind).
"""
import argparse
import contextlib
import functools
import glob
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import http.server
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, ".ci"))
import ci_venv  # noqa: E402

ci_venv.ensure_selenium()
import browser  # noqa: E402
import host  # noqa: E402

OURS_QUERY = """
const [q, done] = [arguments[0], arguments[arguments.length - 1]];
const form = document.querySelector('form[data-search-form]'), list = document.querySelector('[data-search-results]');
const input = form.querySelector('input[type=search]');
const start = performance.now();
let ms = null;
const observer = new MutationObserver(() => {
  if (ms === null && list.querySelector('a')) { ms = performance.now() - start; observer.disconnect(); finish(); }
});
// The status line is written just after the results: read it a moment later.
function finish() {
  setTimeout(() => {
    // search.js came with the page, but a first search needs it as Pagefind's needs pagefind.js: count it.
    const files = performance.getEntriesByType('resource')
      .filter(e => e.startTime >= start - 1 || e.name.endsWith('/search/search.js')).map(e => e.name);
    done({ms: ms === null ? performance.now() - start : ms, files: files, count: list.querySelectorAll('a').length,
          status: document.querySelector('[data-search-status]').textContent});
  }, 300);
}
observer.observe(list, {childList: true, subtree: true});
// A query without results writes only the status line.
const quiet = new MutationObserver(() => {
  if (ms === null && /^No pages/.test(document.querySelector('[data-search-status]').textContent)) {
    ms = performance.now() - start; quiet.disconnect(); observer.disconnect(); finish();
  }
});
quiet.observe(document.querySelector('[data-search-status]'), {childList: true, characterData: true, subtree: true});
input.value = q;
form.dispatchEvent(new Event('submit', {cancelable: true}));
setTimeout(() => { if (ms === null) { observer.disconnect(); finish(); } }, 20000);
"""

PAGEFIND_QUERY = """
const [q, done] = [arguments[0], arguments[arguments.length - 1]];
performance.clearResourceTimings();
const start = performance.now();
import(new URL('pagefind/pagefind.js', document.baseURI).href).then(async (pf) => {
  const search = await pf.search(q);
  const first = search.results.length ? await search.results[0].data() : null;
  const ms = performance.now() - start;
  const files = performance.getEntriesByType('resource').map(e => e.name);
  done({ms: ms, files: files, count: search.results.length, status: first ? first.meta.title : ''});
}, (e) => done({error: String(e)}));
"""


@contextlib.contextmanager
def serve_logged(folder, log):
    """browser.serve, but every path the server answers is appended to `log`: requests made by workers (as
    Pagefind's are) do not show in the page's resource timing."""
    made = host.handler(folder)  # a functools.partial of the handler class
    base = made.func if isinstance(made, functools.partial) else made

    class Logged(base):
        def send_head(self):
            log.append(urllib.parse.unquote(urllib.parse.urlsplit(self.path).path))
            return super().send_head()

    factory = functools.partial(Logged, *made.args, **made.keywords) if isinstance(made, functools.partial) else Logged
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield "http://127.0.0.1:%d%s" % (server.server_address[1], host.base_path(folder))
    finally:
        server.shutdown()
        server.server_close()


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def gz(data):
    return data if data[:2] == b"\x1f\x8b" else gzip.compress(data, 6, mtime=0)


def folder_size(path):
    raw = packed = count = 0
    for name in glob.glob(os.path.join(path, "**", "*"), recursive=True):
        if os.path.isfile(name):
            data = open(name, "rb").read()
            raw += len(data)
            packed += len(gz(data))
            count += 1
    return count, raw, packed


def fetched(site, base_path, paths):
    raw = packed = 0
    for served in paths:
        if not served.startswith(base_path):
            continue
        path = os.path.join(site, served[len(base_path):])
        if os.path.isfile(path):
            data = open(path, "rb").read()
            raw += len(data)
            packed += len(gz(data))
    return raw, packed


def kb(n):
    return "%.1f KB" % (n / 1024)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--profiles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3, help="browser runs per query (the median is reported)")
    parser.add_argument("--queries", default="board,lawsuit billion,invest,Musk,xqzv")
    parser.add_argument("--reuse-times", action="store_true", help="keep the build times of an earlier run")
    args = parser.parse_args()
    binary = os.path.join(REPO, ".build", "release", "build-site")
    pagefind = os.environ.get("PAGEFIND") or os.path.join(ci_venv.site_packages(), "pagefind_bin", "pagefind")
    for tool in (binary, pagefind):
        if not os.path.exists(tool):
            print("search-bench: missing %s" % tool, file=sys.stderr)
            return 2

    corpus = os.path.join(HERE, "corpus", "search-%d" % args.events)
    site = os.path.join(corpus, "site")
    if not os.path.isdir(site):
        run([sys.executable, os.path.join(HERE, "make-corpus.py"), "--seed", "1", "--events", str(args.events),
             "--profiles", str(args.profiles), "--out", site], stdout=subprocess.DEVNULL)
    with open(os.path.join(site, "content", "search.md"), "w") as f:
        f.write("---\ntitle: Search\nsummary: Search the corpus.\ntemplate: search.html\nsearch: false\n---\n")
    plain = open(os.path.join(site, "site.yml")).read().replace("\nsearch: true\n", "\n")
    off, on = os.path.join(corpus, "site-off"), os.path.join(corpus, "site-on")
    for folder, text in ((off, plain), (on, plain + "search: true\n")):
        if os.path.isdir(folder):
            shutil.rmtree(folder)
        shutil.copytree(site, folder, symlinks=True)
        with open(os.path.join(folder, "site.yml"), "w") as f:
            f.write(text)
    out = os.path.join(HERE, "out", "search-%d" % args.events)
    times = os.path.join(out, "builds.json")
    if not (args.reuse_times and os.path.exists(times)):
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)

    # 1. Build times, search off and on, alternating; then Pagefind on the search-off output.
    commands = ["%s --root %s --output %s/%s --quiet --force" % (binary, folder, out, name)
                for folder, name in ((off, "off"), (on, "on"))]
    if not (args.reuse_times and os.path.exists(times)):
        run(["hyperfine", "--runs", str(args.runs), "--style", "none", "--export-json", times,
             "--prepare", "rm -rf %s/off %s/on" % (out, out)] + commands, stdout=subprocess.DEVNULL)
    # Each run's preparation removed both outputs: build them once more to index and query.
    for command, name in zip(commands, ("off", "on")):
        shutil.rmtree(os.path.join(out, name), ignore_errors=True)
        run(command.split(), stdout=subprocess.DEVNULL)
    results = json.load(open(times))["results"]
    builds = [r["median"] for r in results]
    cpu = [r["user"] + r["system"] for r in results]
    started = time.monotonic()
    usage = os.times()
    run([pagefind, "--site", os.path.join(out, "off"), "--output-subdir", "pagefind"], stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    pagefind_time = time.monotonic() - started
    after = os.times()
    pagefind_cpu = (after.children_user - usage.children_user) + (after.children_system - usage.children_system)
    # Pagefind's test page: a plain page beside the site's, which imports its module.
    with open(os.path.join(out, "off", "pagefind-query.html"), "w") as f:
        f.write("<!DOCTYPE html><html lang=en><meta charset=utf-8><title>pagefind</title><body></body></html>\n")

    ours_size = folder_size(os.path.join(out, "on", "search"))
    theirs_size = folder_size(os.path.join(out, "off", "pagefind"))
    print("| corpus: %d events + %d profiles (%d pages) |  build-site search | Pagefind 1.5.2 |" % (
        args.events, args.profiles, sum(1 for _ in glob.glob(os.path.join(out, "on", "**", "index.html"), recursive=True))))
    print("|---|---|---|")
    print("| build wall time, search off → on (median of %d) | %.2f s → %.2f s | %.2f s + %.2f s indexing |" % (
        args.runs, builds[0], builds[1], builds[0], pagefind_time))
    print("| build CPU time (user + system), search off → on | %.2f s → %.2f s (+%.2f s) | %.2f s + %.2f s indexing |" % (
        cpu[0], cpu[1], cpu[1] - cpu[0], cpu[0], pagefind_cpu))
    print("| index files | %d | %d |" % (ours_size[0], theirs_size[0]))
    print("| index size, raw / gzip | %s / %s | %s / %s |" % (kb(ours_size[1]), kb(ours_size[2]), kb(theirs_size[1]), kb(theirs_size[2])))

    driver = browser.start_browser(console_log=False)
    rows = []
    try:
        for name, folder, page, script in (("ours", os.path.join(out, "on"), "search/", OURS_QUERY),
                                           ("pagefind", os.path.join(out, "off"), "pagefind-query.html", PAGEFIND_QUERY)):
            log = []
            with serve_logged(folder, log) as root:
                base_path = host.base_path(folder)
                for query in args.queries.split(","):
                    samples = []
                    for _ in range(args.repeat):
                        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                        driver.get(root + page)
                        time.sleep(0.2)
                        # What the page loaded before the query does not count, except our search.js, which a
                        # first search needs as Pagefind's needs pagefind.js.
                        del log[:]
                        if name == "ours":
                            log.append(base_path + "search/search.js")
                        result = driver.execute_async_script(script, query)
                        if "error" in result:
                            raise RuntimeError("%s: %s" % (name, result["error"]))
                        result["paths"] = list(log)
                        samples.append(result)
                    result = samples[0]
                    raw, packed = fetched(folder, base_path, result["paths"])
                    count = result["count"]
                    if name == "ours":  # the page shows 20 at a time; its status says how many match
                        words = result["status"].split()
                        count = 0 if words[:1] == ["No"] else int(words[0])
                    rows.append((name, query, count, raw, packed, statistics.median(s["ms"] for s in samples)))
    finally:
        driver.quit()
    for query in args.queries.split(","):
        ours = next(r for r in rows if r[0] == "ours" and r[1] == query)
        theirs = next(r for r in rows if r[0] == "pagefind" and r[1] == query)
        print("| “%s”: results; fetched raw / gzip; first result | %s; %s / %s; %.0f ms | %s; %s / %s; %.0f ms |" % (
            query, ours[2], kb(ours[3]), kb(ours[4]), ours[5], theirs[2], kb(theirs[3]), kb(theirs[4]), theirs[5]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
