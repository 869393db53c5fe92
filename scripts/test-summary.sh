#!/usr/bin/env bash
# Reads an XCTest log and prints one line: "tests: P passed, F failed, S skipped (N executed)".
# Counts the per-test result lines, so it is right whatever XCTest's own totals line says
# (it reads "Executed N tests, with K tests skipped and M failures" once anything skips).
# Exits 1 when a test failed, when any test skipped under CI=true, when fewer than FLOOR tests
# ran, or when the per-test count disagrees with XCTest's 'All tests' totals line.
# Usage: test-summary.sh LOG [FLOOR]
set -uo pipefail
log=$1
floor=${2:-0}
count() { grep -cE "^Test Case '[^']+' $1 \(" "$log" || true; }
passed=$(count passed)
failed=$(count failed)
skipped=$(count skipped)
executed=$((passed + failed + skipped))
echo "tests: $passed passed, $failed failed, $skipped skipped ($executed executed)"
verdict=0
totals=$(grep -A1 -E "^Test Suite 'All tests' (passed|failed)" "$log" | grep -E "Executed [0-9]+ tests?" | tail -n 1 || true)
if [ -z "$totals" ]; then
  echo "test-summary: XCTest printed no 'All tests' totals: the test process did not finish" >&2
  verdict=1
else
  reported=$(echo "$totals" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
  if [ "$reported" != "$executed" ]; then
    echo "test-summary: XCTest reports $reported executed, the per-test lines $executed" >&2
    verdict=1
  fi
fi
if [ "$failed" -gt 0 ]; then verdict=1; fi
if [ "${CI:-}" = "true" ] && [ "$skipped" -gt 0 ]; then
  echo "test-summary: $skipped test(s) skipped under CI=true, where every part they need is installed:" >&2
  grep -E "^Test Case '[^']+' skipped \(" "$log" | sed 's/^/  /' >&2
  verdict=1
fi
if [ "$executed" -lt "$floor" ]; then
  echo "test-summary: only $executed tests ran, fewer than the floor of $floor (.ci/test-floor)" >&2
  verdict=1
fi
exit "$verdict"
