#!/usr/bin/env bash
# Runs each libFuzzer harness of build-fuzz/ for FUZZ_SECONDS and reports, per
# harness, the inputs executed and the crashes found (`make fuzz`). New inputs
# go to build-fuzz/corpus/<name> (the seeds in tests/fuzz/corpus/ are only
# read); crashing inputs to build-fuzz/artifacts/. Exit status 1 if any crashed.
# Usage: run_fuzzers.sh BUILD_DIR SECONDS [harness...]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "$1" && pwd)"
seconds="$2"
shift 2
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(head json multipart workflow referential lua_values csv_import)

# Sanitizer reports with their stack, and UBSan findings fatal like ASan ones.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p "$build/artifacts" "$build/logs"
failed=0
printf '%-12s %10s %10s %8s\n' harness runs exec/s crashes > "$build/fuzz-summary.txt"
for name in "${harnesses[@]}"; do
  mkdir -p "$build/corpus/$name"
  log="$build/logs/$name.log"
  before=$(ls "$build/artifacts" | grep -c "^$name-" || true)
  # -fork would survive a crash and go on; one process stops at the first,
  # which is what a finding needs anyway. -timeout: an input slower than 10 s
  # is a finding too (a hang).
  "$build/bin/${name}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$name-" "$build/corpus/$name" "$here/corpus/$name" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  after=$(ls "$build/artifacts" | grep -c "^$name-" || true)
  crashes=$((after - before))
  if [ "$status" != 0 ] && [ "$crashes" = 0 ]; then crashes=1; fi  # died without an artifact
  [ "$crashes" = 0 ] || { failed=1; echo "$name: see $log" >&2; }
  printf '%-12s %10s %10s %8s\n' "$name" "${runs:-?}" "${speed:-?}" "$crashes" | tee -a "$build/fuzz-summary.txt"
done
exit $failed
