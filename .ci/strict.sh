#!/usr/bin/env bash
# .ci/strict.sh — the package builds with zero compiler warnings in our own code, and the whole test suite
# (including the end-to-end tests, whose build-site binary is then instrumented too) passes under
# ThreadSanitizer with no report. Uses its own build folder, so every file is compiled (and every warning
# seen) without disturbing the normal .build/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scratch=.build-tsan
log="$(mktemp)"

echo "== build with -sanitize=thread (all targets and tests)"
swift build --build-tests --sanitize=thread --scratch-path "$scratch" 2>&1 | tee "$log" | grep -E "error:|Compiling|Build complete" | tail -3
# Dependencies' warnings are not ours to fix; ours are in Sources/ and Tests/.
# (Printed with >&2, not `tee /dev/stderr`: opening /dev/stderr anew truncates a log file that stderr points to.)
warnings="$(grep -E "^$(pwd)/(Sources|Tests)/.*: warning:" "$log" | sort -u || true)"
if [ -n "$warnings" ]; then
  echo "$warnings" >&2
  echo "compiler warnings in our sources (listed above): the package must build with none" >&2
  exit 1
fi
echo "no compiler warnings in Sources/ or Tests/"

echo "== swift test --sanitize=thread"
# halt_on_error makes a data race fail the run at once, in the tests and in every build-site they start.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
export BUILD_SITE_TESTS_SANITIZED=1   # the kill test uses a smaller site (every build is slower under TSan)
status=0
swift test --sanitize=thread --scratch-path "$scratch" --skip-build > "$log" 2>&1 || status=$?
grep -vE "^(◇|↳)|passed after" "$log" | tail -40
# A race report is longer than forty lines: print each one whole (both threads' stacks and where the memory came from).
awk '/WARNING: ThreadSanitizer/{on=1} on{print} /^SUMMARY: ThreadSanitizer/{on=0; print "=================="}' "$log" | head -400 >&2 || true
# The last lines say only which tests failed; what each one said (its seed, say) comes earlier in the log.
grep -E -A12 "recorded an issue|Expectation failed|Caught error" "$log" | head -200 >&2 || true
if [ "$status" -ne 0 ]; then
  echo "swift test --sanitize=thread failed (exit $status)" >&2
  exit "$status"
fi
if grep -q "WARNING: ThreadSanitizer" "$log"; then
  echo "ThreadSanitizer reported a race (above)" >&2
  exit 1
fi
