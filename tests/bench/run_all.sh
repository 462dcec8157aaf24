#!/usr/bin/env bash
# Runs the benchmarks one after the other, each program's output shown as it
# comes, then prints one table of their BENCH-RESULT lines (bench_table.sh).
#
#   tests/bench/run_all.sh [--quick] [--only NAME]... [--strict] [--bin-dir DIR] [--keep-logs DIR]
#
#   --quick        each benchmark's smoke settings (seconds, not minutes); default: full settings
#   --only NAME    run only NAME (repeatable); an unknown name is an error
#   --strict       also fail when a target that applies to this run is missed (see below)
#   --bin-dir DIR  where the programs are (default: $BENCH_BIN_DIR, else build/bin of this checkout)
#   --keep-logs D  keep each benchmark's whole output in D/NAME.log (default: a temporary folder, removed)
#
# Exit status: 0, or 1 when a benchmark FAILED: it exited non-zero (a crash, a
# failed check of its own, a hard property such as bench_uploads' flat memory,
# or a bad command line), printed no BENCH-RESULT line, or printed a malformed
# one; or the program is missing. A missed target is not a failure unless
# --strict: then also every figure whose target applies to this run's settings
# and is missed ("met" false, NO in the table) fails the run. A target that does
# not apply ("met" null, n/a: a smoke run, fewer clients than the target is
# stated for) never fails, so `--quick --strict` fails only where `--quick`
# does. The benchmarks' own --enforce-targets is not passed. 2: bad usage.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)

# One line per benchmark: "program|full arguments|smoke arguments". Full runs
# use each program's defaults (see README.md); the smoke arguments are the
# ones ctest runs (CMakeLists.txt calls this script with --quick --only NAME).
BENCHMARKS=(
  "bench_transitions||--clients 4 --seconds 1"
  "bench_referentials||--quick"
  "bench_uploads||--clients 2 --uploads 2 --size-mib 4"
  "bench_import_validation||--lines 200 --runs 3"
  "bench_slow_clients||--slow 16 --idle 16 --streams 8 --requests 5"
  "bench_referential_clone||--quick"
  "bench_live_streams||--streams 50 --events 5 --idle-seconds 1"
  "bench_dashboard||--files 300 --events 1500 --runs 5"
  "bench_reads||--quick"
)

# The usage is the comment above; on stdout for --help (status 0), else on stderr (status 2).
usage() {
  sed -n '5,11p' "$0" | sed 's/^# \{0,1\}//' >&"$(($1 == 0 ? 1 : 2))"
  exit "$1"
}

quick=0
strict=0
only=()
bin_dir=${BENCH_BIN_DIR:-$here/../../build/bin}
log_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --strict) strict=1 ;;
    --only) [ $# -ge 2 ] || usage 2; only+=("$2"); shift ;;
    --bin-dir) [ $# -ge 2 ] || usage 2; bin_dir=$2; shift ;;
    --keep-logs) [ $# -ge 2 ] || usage 2; log_dir=$2; shift ;;
    -h | --help) usage 0 ;;
    *) echo "run_all: unknown option $1" >&2; usage 2 ;;
  esac
  shift
done
command -v jq >/dev/null || { echo "run_all: jq is needed (deploy/install-dependencies.sh)" >&2; exit 2; }

known=" "
for entry in "${BENCHMARKS[@]}"; do known+="${entry%%|*} "; done
for name in "${only[@]+"${only[@]}"}"; do
  case "$known" in *" $name "*) ;; *) echo "run_all: no benchmark $name (known:$known)" >&2; exit 2 ;; esac
done

if [ -z "$log_dir" ]; then
  log_dir=$(mktemp -d /tmp/cqpm-bench-logs.XXXXXX)
  trap 'rm -rf "$log_dir"' EXIT
fi
mkdir -p "$log_dir"

failures=()
logs=()
for entry in "${BENCHMARKS[@]}"; do
  IFS='|' read -r name full smoke <<<"$entry"
  if [ ${#only[@]} -gt 0 ] && ! printf '%s\n' "${only[@]}" | grep -qxF "$name"; then continue; fi
  args=$full
  [ "$quick" = 1 ] && args=$smoke
  log="$log_dir/$name.log"
  logs+=("$log")
  echo "== $name $args"
  if [ ! -x "$bin_dir/$name" ]; then
    echo "run_all: $bin_dir/$name is missing (build it first)" | tee "$log"
    failures+=("$name: program missing")
    continue
  fi
  # shellcheck disable=SC2086  # the arguments are words on purpose
  "$bin_dir/$name" $args 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  if [ "$status" != 0 ]; then
    failures+=("$name: exit status $status")
  elif ! grep -q '^BENCH-RESULT ' "$log"; then
    failures+=("$name: no BENCH-RESULT line")
  elif ! "$here/bench_table.sh" "$log" >/dev/null; then
    failures+=("$name: malformed BENCH-RESULT line")
  elif [ "$strict" = 1 ] && grep '^BENCH-RESULT ' "$log" | sed 's/^BENCH-RESULT //' \
         | jq -e -s 'any(.[]; .met == false)' >/dev/null 2>&1; then
    failures+=("$name: target missed (--strict)")
  fi
done

echo
echo "== benchmarks ($([ "$quick" = 1 ] && echo "smoke settings: figures say little" || echo "full settings"))"
[ ${#logs[@]} -gt 0 ] && cat "${logs[@]}" | "$here/bench_table.sh" 2>/dev/null
if [ ${#failures[@]} -gt 0 ]; then
  printf 'FAILED %s\n' "${failures[@]}" >&2
  exit 1
fi
