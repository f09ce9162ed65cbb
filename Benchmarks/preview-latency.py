#!/usr/bin/env python3
"""Save-to-reload latency of `build-site serve` on the real microsite.

Starts the release binary against the repository root, opens the live-reload event stream the way a
browser tab does, then repeatedly appends a line to one timeline event file and measures
  * write -> the live-reload event on the stream (`pages` or `reload`: what the browser reacts to),
  * event -> the page fetched again with the new text (the browser's one request for a `pages` swap; a
    full reload also revalidates its stylesheet and scripts, 304s), and
  * write -> the new text served by GET (what the browser then shows),
and splits the time up to the event with the server's log of each build: the quiet period (from the
watcher's first sight of the change to the build's start), the build, the swap (diff, hashes, notify), and
what is left, the watcher noticing the write plus the event's way to the client. Prints median and p90 of
each, and restores the file however the run ends.

Usage: swift build -c release --product build-site
       Benchmarks/preview-latency.py [--runs 20] [--file content/timeline/<event>.md]
"""
import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class EventStream:
    """A minimal EventSource: one socket, one event name at a time."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.sendall(b"GET /__build-site/events HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAccept: text/event-stream\r\n\r\n" % port)
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self.sock.recv(65536)
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        if not head.startswith(b"HTTP/1.1 200"):
            raise SystemExit("event stream refused: " + head.decode(errors="replace"))

    def next(self, *wanted):
        """Waits for the next event with one of the `wanted` names; returns its name."""
        while True:
            while b"\n\n" in self.buffer:
                block, self.buffer = self.buffer.split(b"\n\n", 1)
                match = re.search(rb"^event: (.*)$", block, re.M)
                if match and match.group(1).decode() in wanted:
                    return match.group(1).decode()
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SystemExit("event stream closed")
            self.buffer += chunk


def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return response.read().decode()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--file", help="event file to edit (default: the first in content/timeline/)")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "build-site"))
    args = parser.parse_args()

    if not os.access(args.binary, os.X_OK):
        raise SystemExit(f"{args.binary} not found: run `swift build -c release --product build-site` first")
    timeline = os.path.join(ROOT, "content", "timeline")
    relative = args.file or os.path.join("content", "timeline", sorted(
        name for name in os.listdir(timeline) if name.endswith(".md") and not name.startswith("_"))[0])
    path = os.path.join(ROOT, relative)
    slug = os.path.splitext(os.path.basename(path))[0]
    page = f"/timeline/{slug}/"
    with open(path, "rb") as handle:
        original = handle.read()

    server = subprocess.Popen([args.binary, "serve", "--root", ROOT, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    to_event, to_served, kinds = [], [], []
    try:
        line = server.stdout.readline()
        match = re.match(r"Serving at http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            raise SystemExit("server did not start: " + line + server.stderr.read())
        port = int(match.group(1))
        events = EventStream(port)
        events.next("hello")
        if "<html" not in fetch(port, page):
            raise SystemExit(f"{page} is not served")
        print(f"editing {relative}, watching {page}, {args.runs} runs", file=sys.stderr)
        for run in range(args.runs):
            marker = f"Latency probe {run} {time.time_ns()}."
            started = time.perf_counter()
            with open(path, "wb") as handle:
                handle.write(original.rstrip(b"\n") + f"\n\n{marker}\n".encode())
            kinds.append(events.next("reload", "pages"))
            reloaded = time.perf_counter()
            while marker not in fetch(port, page):
                time.sleep(0.001)
            served = time.perf_counter()
            to_event.append((reloaded - started) * 1000)
            to_served.append((served - started) * 1000)
            print(f"run {run + 1:2}: {kinds[-1]} event {to_event[-1]:7.1f} ms, new text served {to_served[-1]:7.1f} ms",
                  file=sys.stderr)
            time.sleep(0.3)
    finally:
        with open(path, "wb") as handle:
            handle.write(original)
        server.send_signal(signal.SIGINT)
        try:
            log = server.communicate(timeout=10)[1]
        except subprocess.TimeoutExpired:
            server.kill()
            log = ""

    # The server logs "build N: F files in T ms (+S ms swap, W ms after the first change)" per build; build 1
    # is the initial one, not an edit.
    logged = [(int(ms), float(swap), float(wait or "nan")) for number, ms, swap, wait in
              re.findall(r"^build (\d+): \d+ files in (\d+) ms \(\+([\d.]+) ms swap(?:, ([\d.]+) ms after the first change)?\)",
                         log, re.M) if number != "1"]
    rows = [("write -> event", to_event), ("event -> page fetched", [s - e for s, e in zip(to_served, to_event)]),
            ("write -> new text served", to_served)]
    if len(logged) != len(to_event):
        print(f"(the server logged {len(logged)} builds for {len(to_event)} saves: no breakdown)\n" + log, file=sys.stderr)
    else:
        rows.append(("quiet period (logged)", [wait for _, _, wait in logged]))
        rows.append(("build (logged)", [build for build, _, _ in logged]))
        rows.append(("swap (logged)", [swap for _, swap, _ in logged]))
        rows.append(("notice + delivery (rest)", [event - wait - build - swap
                                                  for event, (build, swap, wait) in zip(to_event, logged)]))
    print(f"events: {', '.join(f'{kinds.count(k)} {k}' for k in sorted(set(kinds)))}")
    for name, values in rows:
        print(f"{name:26} median {statistics.median(values):7.1f} ms   p90 {percentile(values, 0.9):7.1f} ms"
              f"   (n={len(values)})")


if __name__ == "__main__":
    main()
