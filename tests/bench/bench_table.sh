#!/usr/bin/env bash
# Turns the BENCH-RESULT lines of benchmark output (files given, or stdin) into
# one aligned table: bench, figure, value, baseline, ratio, target, met. Other
# lines are ignored, so a benchmark's whole output can be given. A line that
# starts with "BENCH-RESULT " but does not hold the expected JSON object is
# reported on stderr with its line number and left out of the table; the
# script then exits with status 1 (after printing the table), otherwise 0.
# Whether targets were met never changes the exit status (run_all.sh --strict
# decides that). Needs jq. The JSON is written by tests/bench/bench_result.cpp.
set -uo pipefail

# One tab-separated row per valid line; an error (jq exit status 5) otherwise.
# Numbers: one decimal from 100 up, three from 1 up, three significant digits
# below 1 (the benchmarks already round to four significant digits).
read -r -d '' row_filter <<'JQ'
def num: if . == null then "-"
  elif . == 0 then "0"
  elif (. | fabs) >= 100 then (. * 10 | round / 10 | tostring)
  elif (. | fabs) >= 1 then (. * 1000 | round / 1000 | tostring)
  else pow(10; 2 - (. | fabs | log10 | floor)) as $scale | (. * $scale | round / $scale | tostring) end;
def text: if type == "string" then . else error("not a string") end;
if length != 1 then error("not one JSON value") else .[0] end
| if type != "object" then error("not an object")
elif (.bench | type) != "string" or (.figure | type) != "string" then error("no bench or figure")
elif (.value | type) != "number" then error("no numeric value")
elif (.met != null and (.met | type) != "boolean") then error("met is not true, false or null")
else
  (if (.unit // "") == "" then "" else " " + (.unit | text) end) as $unit
  | [ .bench, .figure,
      ((.value | num) + $unit),
      (if .baseline == null then "-"
       else (.baseline.value | num) + $unit + " " + (.baseline.name | text) end),
      (if .ratio == null then "-" else (.ratio.value | num) + "x" end),
      (if .target == null then "-"
       else (.target.text | text)
            + (if (.target.conditions // "") == "" then "" else " (" + .target.conditions + ")" end) end),
      (if .met == true then "yes" elif .met == false then "NO" elif .target != null then "n/a" else "-" end)
    ] | @tsv
end
JQ

rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
malformed=0
number=0
while IFS= read -r line || [ -n "$line" ]; do
  number=$((number + 1))
  case "$line" in
    "BENCH-RESULT "*) ;;
    *) continue ;;
  esac
  # Slurped (-s), so that trailing text after the object is an error, not a second row.
  if row=$(jq -r -s "$row_filter" <<<"${line#BENCH-RESULT }" 2>/dev/null); then
    printf '%s\n' "$row" >>"$rows"
  else
    echo "bench_table: line $number: malformed BENCH-RESULT line: ${line:0:200}" >&2
    malformed=$((malformed + 1))
  fi
done < <(cat "$@")

# Aligned columns (two spaces apart), a rule under the header, then a count.
awk -F '\t' '
  BEGIN { split("bench figure value baseline ratio target met", head, " ") }
  { for (i = 1; i <= 7; i++) cell[NR, i] = $i; rows = NR }
  END {
    for (i = 1; i <= 7; i++) width[i] = length(head[i])
    for (r = 1; r <= rows; r++) for (i = 1; i <= 7; i++) if (length(cell[r, i]) > width[i]) width[i] = length(cell[r, i])
    line = ""; rule = ""
    for (i = 1; i <= 7; i++) {
      line = line sprintf(i < 7 ? "%-" width[i] "s  " : "%s", head[i])
      rule = rule sprintf(i < 7 ? "%s  " : "%s", sprintf("%" width[i] "s", "") )
    }
    gsub(/ /, "-", rule); print line; print substr(rule, 1, length(line))
    met = 0; missed = 0; none = 0
    for (r = 1; r <= rows; r++) {
      line = ""
      for (i = 1; i <= 7; i++) line = line sprintf(i < 7 ? "%-" width[i] "s  " : "%s", cell[r, i])
      print line
      if (cell[r, 7] == "yes") met++; else if (cell[r, 7] == "NO") missed++; else none++
    }
    printf "%d figures; targets met: %d, missed: %d, no verdict: %d\n", rows, met, missed, none
  }' "$rows"

[ "$malformed" -eq 0 ] || { echo "bench_table: $malformed malformed BENCH-RESULT line(s)" >&2; exit 1; }
