#!/usr/bin/env bash
# clang-tidy over every C++ file of the project, with the checks of .clang-tidy.
#   tests/lint/clang_tidy.sh LINT_BUILD_DIR JOBS
# The files are read through CMake's unity sources, configured without g++'s
# precompiled headers, which clang cannot read; only the generated sources are
# built, the build's units (CMakeLists.txt): most of a unit's time is the
# headers every file includes, so larger units lint faster (two units of 16
# files read as one took 12 s against 20 s apart).
# Fails, listing them, on any diagnostic in the project's own files;
# diagnostics inside system headers (qpdf's JSON.hh trips clang 14 in C++20)
# are not ours to fix and are left out.
set -euo pipefail
dir=${1:?lint build directory}
jobs=${2:-2}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON >/dev/null
cmake --build "$dir" --target cqpm_generated_sources >/dev/null
log="$dir/clang-tidy.log"
# The server's code (core/) gets every check of .clang-tidy. The tests, benchmarks and fuzz
# harnesses get the few that catch a test lying about what it checked: a moved-from or dangling
# value read, a guard or result dropped, a missing override, a definition in a shared header.
# Why fewer: each test unit expands GoogleTest's macros thousands of times, and with every check
# they took three quarters of the lint's time (about 18 s a unit against 10 s for core's).
test_checks='-*,bugprone-use-after-move,bugprone-dangling-handle,bugprone-unused-raii,bugprone-unused-return-value,modernize-use-override,misc-definitions-in-headers'
tests_units=$(python3 -c 'import re, sys; print(re.escape(sys.argv[1]))' "$(cd "$dir" && pwd)")/tests/
{
  run-clang-tidy -p "$dir" -j "$jobs" -quiet "^(?!.*cmake_pch)(?!$tests_units).*\$" || true
  run-clang-tidy -p "$dir" -j "$jobs" -quiet -checks="$test_checks" "^$tests_units(?!.*cmake_pch)" || true
} >"$log" 2>&1
found=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E "^$root/[^:]+:[0-9]+:[0-9]+: (warning|error):" | sort -u || true)
if [ -n "$found" ]; then
  echo "$found" >&2
  echo "clang-tidy: $(echo "$found" | wc -l) finding(s) above (full output in $log)" >&2
  exit 1
fi
# Every translation unit must have been read: a missing clang-tidy is no pass.
expected=$(grep '"file"' "$dir/compile_commands.json" | grep -vc cmake_pch || true)
checked=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -cE '^clang-tidy[-0-9]* .* -quiet ' || true)
if [ "$checked" -ne "$expected" ] || [ "$expected" -eq 0 ]; then
  echo "clang-tidy read $checked of $expected translation units (see $log)" >&2
  exit 1
fi
echo "clang-tidy: clean ($checked translation units)"
