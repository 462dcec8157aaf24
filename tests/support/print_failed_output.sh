#!/usr/bin/env bash
# After a failed ctest run: the end of each failed test's output, then the
# list of failed tests again, so that the last lines of a long `make test` log
# (all a CI report may keep) say what failed and why.
#   print_failed_output.sh BUILD_DIR [LINES]
set -uo pipefail
build=${1:?build directory}
lines=${2:-60}
failed="$build/Testing/Temporary/LastTestsFailed.log"
log="$build/Testing/Temporary/LastTest.log"
[ -f "$failed" ] && [ -f "$log" ] || exit 0
# LastTestsFailed.log holds "<number>:<name>" lines.
cut -d: -f2- "$failed" | while IFS= read -r name; do
  echo
  echo "=== last $lines lines of the output of: $name"
  awk -v name="$name" '
    index($0, " Testing: ") && substr($0, index($0, " Testing: ") + 10) == name { inside = 1; next }
    inside && /^<end of output>$/ { exit }
    inside && seen_output { print; next }
    inside && /^--------------------/ { seen_output = 1 }' "$log" >"$build/Testing/Temporary/failed-output.txt"
  tail -n "$lines" "$build/Testing/Temporary/failed-output.txt"
  # A crash report (support/crash_report.cpp) lists every thread; the one that
  # crashed is the one inside the handler: its top frames, last.
  awk 'function flush() { if (crashed && !shown) { shown = 1; printf "=== the thread that crashed:\n%s", block; exit } in_block = 0 }
       /^Thread [0-9]+ / { flush(); in_block = 1; block = ""; n = 0; crashed = 0 }
       in_block && (/^$/ || /^\[Inferior/) { flush(); next }
       in_block { if (n++ < 14) block = block substr($0, 1, 220) "\n"; if (/onFatalSignal/) crashed = 1 }
       END { flush() }' \
    "$build/Testing/Temporary/failed-output.txt"
done
echo
echo "=== $(wc -l <"$failed") test(s) failed:"
sed 's/^/  /' "$failed"
