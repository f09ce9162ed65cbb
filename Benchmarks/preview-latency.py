#!/usr/bin/env python3
"""Save-to-reload latency of `build-site serve` on the real microsite.

Starts the release binary against the repository root, opens the live-reload event stream the way a
browser tab does, then repeatedly appends a line to one timeline event file and measures
  * write -> `reload` event on the stream (what the browser reacts to), and
  * write -> the new text served by GET (what the browser then shows).
Prints median and p90 of both, and restores the file however the run ends.

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
        self.sock.sendall(b"GET /__build-site/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self.sock.recv(65536)
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        if not head.startswith(b"HTTP/1.1 200"):
            raise SystemExit("event stream refused: " + head.decode(errors="replace"))

    def next(self, wanted):
        while True:
            while b"\n\n" in self.buffer:
                block, self.buffer = self.buffer.split(b"\n\n", 1)
                if re.search(rb"^event: " + wanted.encode() + rb"$", block, re.M):
                    return
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
    to_event, to_served = [], []
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
            events.next("reload")
            reloaded = time.perf_counter()
            while marker not in fetch(port, page):
                time.sleep(0.001)
            served = time.perf_counter()
            to_event.append((reloaded - started) * 1000)
            to_served.append((served - started) * 1000)
            print(f"run {run + 1:2}: reload event {to_event[-1]:7.1f} ms, new text served {to_served[-1]:7.1f} ms",
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

    # The server logs "build N: F files in T ms (+S ms swap)" per build; build 1 is the initial one, not an edit.
    logged = [(int(ms), float(swap)) for number, ms, swap in
              re.findall(r"^build (\d+): \d+ files in (\d+) ms \(\+([\d.]+) ms swap\)", log, re.M) if number != "1"]
    rows = [("write -> reload event", to_event), ("write -> new text served", to_served)]
    if logged:
        rows.append(("of which the full build", [build for build, _ in logged]))
        rows.append(("and the snapshot swap", [swap for _, swap in logged]))
    for name, values in rows:
        print(f"{name:26} median {statistics.median(values):7.1f} ms   p90 {percentile(values, 0.9):7.1f} ms"
              f"   (n={len(values)})")


if __name__ == "__main__":
    main()
