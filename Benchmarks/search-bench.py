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
import glob
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, ".ci"))
import ci_venv  # noqa: E402

ci_venv.ensure_selenium()
import browser  # noqa: E402

OURS_QUERY = """
const [q, done] = [arguments[0], arguments[arguments.length - 1]];
const form = document.querySelector('form[data-search-form]'), list = document.querySelector('[data-search-results]');
const input = form.querySelector('input[type=search]');
performance.clearResourceTimings();
const start = performance.now();
const observer = new MutationObserver(() => {
  if (list.querySelector('a')) { observer.disconnect(); finish(); }
});
function finish() {
  const files = performance.getEntriesByType('resource').filter(e => e.startTime >= start - 1).map(e => e.name);
  done({ms: performance.now() - start, files: files, count: list.querySelectorAll('a').length,
        status: document.querySelector('[data-search-status]').textContent});
}
observer.observe(list, {childList: true, subtree: true});
input.value = q;
form.dispatchEvent(new Event('submit', {cancelable: true}));
setTimeout(() => { observer.disconnect(); finish(); }, 20000);
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


def fetched(site, root_url, files):
    raw = packed = 0
    for url in files:
        if not url.startswith(root_url):
            continue
        path = os.path.join(site, url[len(root_url):].split("?")[0])
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
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)

    # 1. Build times, search off and on, alternating; then Pagefind on the search-off output.
    times = os.path.join(out, "builds.json")
    commands = ["%s --root %s --output %s/%s --quiet --force" % (binary, folder, out, name)
                for folder, name in ((off, "off"), (on, "on"))]
    run(["hyperfine", "--runs", str(args.runs), "--style", "none", "--export-json", times,
         "--prepare", "rm -rf %s/off %s/on" % (out, out)] + commands, stdout=subprocess.DEVNULL)
    builds = [r["median"] for r in json.load(open(times))["results"]]
    started = time.monotonic()
    run([pagefind, "--site", os.path.join(out, "off"), "--output-subdir", "pagefind"], stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    pagefind_time = time.monotonic() - started
    # Pagefind's test page: a plain page beside the site's, which imports its module.
    with open(os.path.join(out, "off", "pagefind-query.html"), "w") as f:
        f.write("<!DOCTYPE html><html lang=en><meta charset=utf-8><title>pagefind</title><body></body></html>\n")

    ours_size = folder_size(os.path.join(out, "on", "search"))
    theirs_size = folder_size(os.path.join(out, "off", "pagefind"))
    print("| corpus: %d events + %d profiles (%d pages) |  build-site search | Pagefind 1.5.2 |" % (
        args.events, args.profiles, sum(1 for _ in glob.glob(os.path.join(out, "on", "**", "index.html"), recursive=True))))
    print("|---|---|---|")
    print("| build, search off → on (median of %d) | %.2f s → %.2f s (+%.2f s) | %.2f s + %.2f s indexing |" % (
        args.runs, builds[0], builds[1], builds[1] - builds[0], builds[0], pagefind_time))
    print("| index files | %d | %d |" % (ours_size[0], theirs_size[0]))
    print("| index size, raw / gzip | %s / %s | %s / %s |" % (kb(ours_size[1]), kb(ours_size[2]), kb(theirs_size[1]), kb(theirs_size[2])))

    driver = browser.start_browser(console_log=False)
    rows = []
    try:
        for name, folder, page, script in (("ours", os.path.join(out, "on"), "search/", OURS_QUERY),
                                           ("pagefind", os.path.join(out, "off"), "pagefind-query.html", PAGEFIND_QUERY)):
            with browser.serve(folder) as root:
                for query in args.queries.split(","):
                    samples = []
                    for _ in range(args.repeat):
                        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                        driver.get(root + page)
                        result = driver.execute_async_script(script, query)
                        if "error" in result:
                            raise RuntimeError("%s: %s" % (name, result["error"]))
                        samples.append(result)
                    result = samples[0]
                    raw, packed = fetched(folder, root, result["files"])
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
