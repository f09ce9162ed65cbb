#!/usr/bin/env bash
# .ci/fuzz.sh — builds each libFuzzer target in Fuzz/ and runs it for a bounded time; fails on any crash,
# timeout, leak or memory blow-up. Usage: .ci/fuzz.sh [seconds per target, default 60] [target...]
# A crash leaves its input in Fuzz/artifacts/; turn it into a regression test, then fix it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-${FUZZ_SECONDS:-60}}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(FuzzFrontMatter FuzzMarkdown FuzzTemplates)

bash Fuzz/seed.sh
mkdir -p Fuzz/artifacts
status=0
for target in "${targets[@]}"; do
  echo "== $target: build"
  build() {
    (cd Fuzz && swift build -c release --product "$target" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | grep -v "Cannot export local symbol" | tail -3)
  }
  # SwiftPM does not notice a source file deleted from the path dependency (the root package): clean once, retry.
  build || { (cd Fuzz && swift package clean) && build; }
  binary="Fuzz/.build/release/$target"
  [ -x "$binary" ] || { echo "$target: build failed" >&2; exit 1; }
  # The fuzzer grows its corpus in a scratch copy, so the seeds stay as the fixtures made them.
  work="$(mktemp -d)"
  cp -r "Fuzz/corpus/$target/." "$work/"
  echo "== $target: fuzzing for ${seconds}s"
  if SWIFT_BACKTRACE=enable=no "$binary" "$work" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="Fuzz/artifacts/$target-" > "Fuzz/artifacts/$target.log" 2>&1; then
    tail -12 "Fuzz/artifacts/$target.log" | grep -E "stat::number_of_executed_runs|stat::new_units_added|Done" || true
    echo "---- $target: no crash"
  else
    tail -60 "Fuzz/artifacts/$target.log"
    echo "---- $target: FAILED (input saved under Fuzz/artifacts/)" >&2
    status=1
  fi
  rm -rf "$work"
done
exit "$status"
