#!/usr/bin/env bash
# ctest (label bench): bench_table.sh on fixed BENCH-RESULT lines (a target met,
# one missed, one that does not apply, a figure without target, malformed
# lines), then run_all.sh's verdicts against stand-in programs in a temporary
# --bin-dir: a missing BENCH-RESULT line and a non-zero exit fail the run, a
# missed target fails it only with --strict.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/cqpm-bench-table-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
failed=0
check() {  # check "what" command...: the command must succeed
  local what=$1
  shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failed=1; fi
}

cat >"$work/input.txt" <<'LINES'
bench_transitions: 16 clients, 10 s per run
BENCH-RESULT {"bench":"bench_transitions","figure":"transitions_per_s","value":612.4,"unit":"/s","baseline":{"name":"raw SQL","value":1010},"ratio":{"value":0.6063,"of":"value/baseline"},"target":{"text":"ratio >= 2","on":"ratio","op":">=","threshold":2,"applies":true,"conditions":"SQLite, 16 clients"},"met":false}
RESULT clients=16 seconds=10 transitions_per_s=612
BENCH-RESULT {"bench":"bench_transitions","figure":"p99_ms","value":12.34567,"unit":"ms","baseline":null,"ratio":null,"target":{"text":"< 25 ms","on":"value","op":"<","threshold":25,"applies":true,"conditions":"16 clients"},"met":true}
BENCH-RESULT {"bench":"bench_uploads","figure":"p95_ms","value":88,"unit":"ms","baseline":null,"ratio":null,"target":{"text":"< 500 ms","on":"value","op":"<","threshold":500,"applies":false,"conditions":"20 MiB, 4 clients"},"met":null}
BENCH-RESULT {not json
BENCH-RESULT {"bench":"bench_referentials","figure":"list_p50_ms","value":45.1,"unit":"ms","baseline":{"name":"revwalk","value":190.2},"ratio":{"value":4.217,"of":"baseline/value"},"target":null,"met":null}
BENCH-RESULT {"bench":"bench_uploads","figure":"p50_ms","value":"12"}
BENCH-RESULT {"bench":"a","figure":"b","value":1,"met":true} trailing text
LINES

"$here/bench_table.sh" "$work/input.txt" >"$work/table.txt" 2>"$work/errors.txt"
status=$?
cat "$work/table.txt" "$work/errors.txt"
row() { grep -E "^$1 +$2 " "$work/table.txt"; }
check "exit status 1 with malformed lines" test "$status" = 1
check "header first" grep -qE '^bench +figure +value +baseline +ratio +target +met$' <(head -1 "$work/table.txt")
check "4 rows, malformed lines left out" test "$(grep -c '^bench_' "$work/table.txt")" = 4
check "missed target: NO" grep -qE ' NO$' <(row bench_transitions transitions_per_s)
check "ratio and baseline shown" grep -qE '612\.4 /s +1010 /s raw SQL +0\.606x +ratio >= 2 \(SQLite, 16 clients\) ' \
  <(row bench_transitions transitions_per_s)
check "met target: yes, value rounded" grep -qE '12\.346 ms .* yes$' <(row bench_transitions p99_ms)
check "target not applying: n/a" grep -qE '< 500 ms \(20 MiB, 4 clients\) +n/a$' <(row bench_uploads p95_ms)
check "no target: -" grep -qE ' 4\.217x +- +-$' <(row bench_referentials list_p50_ms)
check "count line" grep -qx '4 figures; targets met: 1, missed: 1, no verdict: 2' "$work/table.txt"
check "each malformed line named" test "$(grep -cE '^bench_table: line (6|8|9): malformed' "$work/errors.txt")" = 3
# Aligned: the "met" column starts at the same offset on every line of the table.
check "columns aligned" test "$(grep -E '^(bench |bench_)' "$work/table.txt" \
  | awk '{ print length($0) - length($NF) }' | sort -u | wc -l)" = 1
grep -v 'not json\|"12"\|trailing' "$work/input.txt" | "$here/bench_table.sh" >/dev/null 2>&1
check "exit status 0 without malformed lines (a missed target included)" test $? = 0

# run_all.sh against stand-ins named like the real programs.
stand_in() {  # stand_in NAME EXIT-STATUS [LINE]...
  local name=$1 status=$2
  shift 2
  { echo '#!/bin/sh'; for line in "$@"; do printf "echo '%s'\n" "$line"; done; echo "exit $status"; } \
    >"$work/bin/$name"
  chmod +x "$work/bin/$name"
}
mkdir -p "$work/bin"
met='BENCH-RESULT {"bench":"bench_import_validation","figure":"p50_ms","value":3,"unit":"ms","target":{"text":"< 5 ms","applies":true},"met":true}'
missed='BENCH-RESULT {"bench":"bench_import_validation","figure":"p50_ms","value":9,"unit":"ms","target":{"text":"< 5 ms","applies":true},"met":false}'
na='BENCH-RESULT {"bench":"bench_import_validation","figure":"p50_ms","value":9,"unit":"ms","target":{"text":"< 5 ms","applies":false},"met":null}'
run() { "$here/run_all.sh" --bin-dir "$work/bin" --quick --only bench_import_validation "$@" >"$work/run.txt" 2>&1; }

stand_in bench_import_validation 0 "free text" "$met"
run
check "run_all: a met target passes" test $? = 0
check "run_all: the table printed" grep -qE '^bench_import_validation +p50_ms +3 ms .* yes$' "$work/run.txt"
stand_in bench_import_validation 0 "$missed"
run
check "run_all: a missed target passes without --strict" test $? = 0
run --strict
check "run_all: a missed target fails with --strict" test $? = 1
stand_in bench_import_validation 0 "$na"
run --strict
check "run_all: a target that does not apply passes with --strict" test $? = 0
stand_in bench_import_validation 0 "RESULT lines=200"
run
check "run_all: no BENCH-RESULT line fails" test $? = 1
check "run_all: says why" grep -q 'FAILED bench_import_validation: no BENCH-RESULT line' "$work/run.txt"
stand_in bench_import_validation 1 "$met"
run
check "run_all: a non-zero exit fails" test $? = 1
stand_in bench_import_validation 0 "BENCH-RESULT {oops"
run
check "run_all: a malformed line fails" test $? = 1
rm "$work/bin/bench_import_validation"
run
check "run_all: a missing program fails" test $? = 1
"$here/run_all.sh" --bin-dir "$work/bin" --only bench_nothing >/dev/null 2>&1
check "run_all: an unknown --only is a usage error" test $? = 2
exit "$failed"
