#!/usr/bin/env bash
# After the test suite: no process started from this checkout's build folder (the hubs,
# agents and web servers the tests ran), nor a PostgreSQL server of a test cluster started
# from it (TAIZHANG_PG_OWNER in its environment names the build folder), may still be alive.
# Lists and kills any it finds, and exits 1 so the leak fails the run.
set -uo pipefail
build="$(cd "$(dirname "$0")/.." && pwd)/.build/"
left=()
for proc in /proc/[0-9]*; do
  exe=$(readlink "$proc/exe" 2>/dev/null) || continue
  case "$exe" in
    "$build"*/taizhang-*) left+=("${proc#/proc/}") ;;
    */postgresql/*/bin/postgres)
      tr '\0' '\n' < "$proc/environ" 2>/dev/null | grep -q -F "TAIZHANG_PG_OWNER=$build" && left+=("${proc#/proc/}") ;;
  esac
done
if [ "${#left[@]}" -eq 0 ]; then
  echo "leftover processes: none"
  exit 0
fi
echo "leftover processes: ${#left[@]} started by the tests are still running:" >&2
for pid in "${left[@]}"; do
  echo "  $pid $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)" >&2
  kill -KILL "$pid" 2>/dev/null
done
exit 1
