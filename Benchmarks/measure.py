#!/usr/bin/env python3
"""measure.py — time build-site, Hugo and the cmark-gfm floor on one corpus, alternating, and print a table.

Called by run.sh (which builds the release binary and the corpus); see `run.sh --help`. Each round is one
hyperfine invocation with one run of every tool, in an order that alternates from round to round, so that
a slow spell of a shared machine falls on all of them alike; `--prepare` moves the outputs aside before
every run, so each tool does a full build into a folder that does not exist. Every command runs under
`/usr/bin/time -v` for its CPU time (user + system) and peak memory (maximum resident set size). The table
reports medians.

Why aside and not deleted: on ext4, creating files right after tens of thousands were deleted is several
times slower (the inode allocator passes over recently freed inodes; measured here, the same 20,000-inode
write took 0.4 s of kernel time on a quiet file system and up to 14 s right after deletions). Deleting one
tool's output before the next tool's run made that cost land on whichever ran next, and made the spread
between runs larger than the differences being measured. The old outputs are deleted once, after the
last run.
"""
import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


def parse_time_v(path):
    """CPU seconds and peak RSS (KiB) from a `/usr/bin/time -v` report."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    def field(label):
        m = re.search(r"^\s*%s:\s*([0-9.]+)\s*$" % re.escape(label), text, re.M)
        return float(m.group(1)) if m else float("nan")
    cpu = field("User time (seconds)") + field("System time (seconds)")
    return cpu, field("Maximum resident set size (kbytes)")


def fmt_seconds(s):
    return "%.0f ms" % (s * 1000) if s < 1 else "%.2f s" % s


def fmt_mib(kib):
    return "–" if kib != kib else "%.0f MiB" % (kib / 1024)


def settle(stamp, seconds):
    """Waits until `seconds` have passed since the last run deleted its old outputs (the stamp's mtime).

    On ext4 without a journal (this kind of machine), the inode allocator passes over every inode freed
    in the last minute, or in the last six while its inode table block is still dirty (`recently_deleted`
    in fs/ext4/ialloc.c), reading each one's table block to find out. A run started within minutes of the
    previous run's cleanup (hundreds of thousands of inodes) measured that, not the tools: the same build
    took 2.4 s on a settled file system and 4 s right after a cleanup, Hugo's 10 s became 13 s.
    """
    try:
        age = time.time() - os.path.getmtime(stamp)
    except OSError:
        return
    if 0 <= age < seconds:
        wait = seconds - age
        print("  waiting %.0f s for the file system to settle after the last run's cleanup (--settle)" % wait,
              file=sys.stderr)
        time.sleep(wait)


class Tool:
    def __init__(self, name, command, output, measure_rss=True):
        self.name, self.command, self.output, self.measure_rss = name, command, output, measure_rss
        self.wall, self.cpu, self.rss = [], [], []


def aside_folder(output, round_no):
    """Where an output is moved before round `round_no`: beside it, on the same file system (a rename)."""
    return "%s.old/%d" % (output.rstrip("/"), round_no)


def run_round(tools, order, workdir, round_no, show_output):
    reports = {t.name: os.path.join(workdir, "time-%s-%d.txt" % (t.name, round_no)) for t in tools}
    export = os.path.join(workdir, "round-%d.json" % round_no)
    cmd = ["hyperfine", "--runs", "1", "--style", "basic" if show_output else "none", "--export-json", export]
    ordered = [tools[i] for i in order]
    for t in ordered:  # one --prepare per command, in the same order: each moves only its own output aside
        if t.output:
            aside = shlex.quote(aside_folder(t.output, round_no))
            cmd += ["--prepare", "if [ -e %s ]; then mv %s %s; fi" % ((shlex.quote(t.output),) * 2 + (aside,))]
        else:
            cmd += ["--prepare", "true"]
    for t in ordered:
        cmd += ["--command-name", t.name,
                "/usr/bin/time -v -o %s %s" % (shlex.quote(reports[t.name]), t.command)]
    subprocess.run(cmd, check=True, stdout=None if show_output else subprocess.DEVNULL)
    with open(export, encoding="utf-8") as f:
        results = {r["command"]: r for r in json.load(f)["results"]}
    return {name: (results[name]["times"][0],) + parse_time_v(reports[name]) for name in results}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--warmup", type=int, default=1, help="untimed rounds first (fill the page cache)")
    p.add_argument("--pages", type=int, required=True, help="content pages in the corpus, for pages/s")
    p.add_argument("--ours", required=True, help="shell command that builds the corpus with build-site")
    p.add_argument("--ours-output", required=True)
    p.add_argument("--hugo", help="shell command that builds the same corpus with Hugo")
    p.add_argument("--hugo-output")
    p.add_argument("--hugo-cheapest", help="shell command: Hugo's cheapest site for the corpus (pages only)")
    p.add_argument("--hugo-cheapest-output")
    p.add_argument("--floor", help="shell command: cmark-gfm alone over the same bodies")
    p.add_argument("--label", default="")
    p.add_argument("--json", help="write the raw numbers here")
    p.add_argument("--verbose", action="store_true")
    p.add_argument("--settle", type=int, default=360,
                   help="seconds to let pass after the last run's cleanup before timing (see settle())")
    a = p.parse_args()

    tools = [Tool("build-site", a.ours, a.ours_output)]
    if a.hugo:
        tools.append(Tool("hugo", a.hugo, a.hugo_output))
    if a.hugo_cheapest:
        tools.append(Tool("hugo, pages only", a.hugo_cheapest, a.hugo_cheapest_output))
    if a.floor:
        tools.append(Tool("cmark-gfm floor", a.floor, None, measure_rss=False))
    # One stamp for every corpus size (Benchmarks/out/.last-cleanup): the file system is shared.
    stamp = os.path.join(os.path.dirname(os.path.dirname(a.ours_output.rstrip("/"))), ".last-cleanup")
    settle(stamp, a.settle)
    with tempfile.TemporaryDirectory(prefix="bench-") as workdir:
        for r in range(a.warmup + a.runs):
            order = list(range(len(tools)))
            if r % 2:
                order.reverse()
            timed = r >= a.warmup
            print("  round %d/%d%s: %s" % (r + 1, a.warmup + a.runs, "" if timed else " (warm-up)",
                                           ", ".join(tools[i].name for i in order)), file=sys.stderr)
            for t in tools:
                if t.output:
                    os.makedirs(t.output.rstrip("/") + ".old", exist_ok=True)
            results = run_round(tools, order, workdir, r, a.verbose)
            if timed:
                for t in tools:
                    wall, cpu, rss = results[t.name]
                    t.wall.append(wall)
                    t.cpu.append(cpu)
                    t.rss.append(rss)

    # Deleting the old outputs is the expensive part of clearing them; it happens once, untimed.
    for t in tools:
        if t.output:
            subprocess.run(["rm", "-rf", t.output.rstrip("/") + ".old"], check=True)
    # Only a large cleanup slows the next run down (a smoke run's few hundred files do not).
    if a.pages * (a.warmup + a.runs) >= 10_000:
        with open(stamp, "w", encoding="utf-8") as f:
            f.write("the old outputs of a benchmark run were deleted at this file's mtime\n")

    med = {t.name: (statistics.median(t.wall), statistics.median(t.cpu), max(t.rss)) for t in tools}
    hugo = med.get("hugo")
    title = "%s, median of %d run%s" % (a.label, a.runs, "" if a.runs == 1 else "s")
    print("\n**%s**\n" % title.strip(", "))
    print("| tool | wall (median) | CPU user+sys (median) | peak RSS (max) | pages/s | wall vs Hugo |")
    print("|---|---:|---:|---:|---:|---:|")
    for t in tools:
        wall, cpu, rss = med[t.name]
        ratio = "%.2f×" % (wall / hugo[0]) if hugo else "–"
        print("| %s | %s | %s | %s | %.0f | %s |" % (
            t.name, fmt_seconds(wall), fmt_seconds(cpu), fmt_mib(rss) if t.measure_rss else "–",
            a.pages / wall if wall > 0 else float("inf"), ratio))
    ours = med["build-site"]
    by_name = {t.name: t for t in tools}
    lines = []
    # Each round ran every tool once, back to back: the ratio within a round shows how far one run's ratio
    # can be trusted on a machine whose speed drifts (the medians alone hide it).
    def round_by_round(other):
        ratios = [mine / theirs for mine, theirs in zip(by_name["build-site"].wall, by_name[other].wall) if theirs > 0]
        return "; round by round %.2f×–%.2f×" % (min(ratios), max(ratios)) if len(ratios) > 1 else ""
    if hugo:
        lines.append("build-site / Hugo: wall %.2f×, CPU %.2f×, peak memory %.2f×%s" % (
            ours[0] / hugo[0], ours[1] / hugo[1], ours[2] / hugo[2], round_by_round("hugo")))
    if "hugo, pages only" in med:
        cheapest = med["hugo, pages only"]
        lines.append("build-site / Hugo's cheapest site (pages only): wall %.2f×, CPU %.2f×%s" % (
            ours[0] / cheapest[0], ours[1] / cheapest[1], round_by_round("hugo, pages only")))
    if "cmark-gfm floor" in med:
        floor = med["cmark-gfm floor"]
        lines.append("build-site / cmark-gfm floor: wall %.2f× (floor %s)%s" % (
            ours[0] / floor[0], fmt_seconds(floor[0]), round_by_round("cmark-gfm floor")))
    for t in tools:
        if len(t.wall) > 1:
            lines.append("%s runs: %s–%s" % (t.name, fmt_seconds(min(t.wall)), fmt_seconds(max(t.wall))))
    lines.append("build-site time per content page: %.1f µs" % (ours[0] / a.pages * 1e6))
    print("\n" + "  \n".join(lines))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"label": a.label, "pages": a.pages, "runs": a.runs,
                       "tools": {t.name: {"wall": t.wall, "cpu": t.cpu, "rss_kib": t.rss} for t in tools}},
                      f, indent=1)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as e:
        print("measure: a benchmarked command failed (exit %d); rerun with --verbose to see its output"
              % e.returncode, file=sys.stderr)
        sys.exit(1)
