#!/usr/bin/env bash
# microsite.sh — issue 22's figure: the full build of the two-language microsite (this repository's own
# content/, templates/ and site.yml), timed by hyperfine as a whole process, start and exit included.
#
#   up to date: `build-site --no-incremental` into the committed site/, which it leaves as it is (the usual case:
#               an author builds again after an edit; every page is still made and compared)
#   new folder: the same build into a folder that does not exist yet (every file written)
#
# Usage: Benchmarks/microsite.sh [--runs N] [--binary PATH]     (a release build by default)
# The load average is printed before each part: other work on the machine changes every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=60
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    *) echo "usage: Benchmarks/microsite.sh [--runs N] [--binary PATH]" >&2; exit 2 ;;
  esac
done
if [ -z "$binary" ]; then
  swift build -c release --product build-site >/dev/null
  binary=.build/release/build-site
fi
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
"$binary" --no-incremental -q   # site/ up to date before the first timed run
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "== up to date (load $(cut -d' ' -f1-3 /proc/loadavg))"
hyperfine -N -w 5 -r "$runs" "$binary --no-incremental -q"
echo "== new folder (load $(cut -d' ' -f1-3 /proc/loadavg))"
hyperfine -N -w 3 -r "$runs" --prepare "rm -rf $scratch/out" "$binary --no-incremental -q --output $scratch/out"
