#!/usr/bin/env bash
# bench/scaling/statements_per_file.sh BUILD_DIR
#
# `flick check` on one migration holding N statements (N = 2500,
# 5000, 10000, 20000 INSERTs split by breakpoints), median of BENCH_REPEAT (default 3) runs each,
# and the ratio of the 20000 run to the 2500 run: 8 is linear, 64 quadratic (robustness class 10:
# check took 0.29 s / 0.91 s / 2.9 s / 5.5-11 s before the line index).
set -euo pipefail
if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
flick="$(cd "$1" && pwd)/tools/flick/flick"
repeat=${BENCH_REPEAT:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'CREATE TABLE a (id int);\n' > "$work/schema.sql"
"$flick" generate --schema "$work/schema.sql" --out "$work/drizzle" --name a > /dev/null

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
seconds() {  # runs "$@" BENCH_REPEAT times, prints the median wall time in seconds
  for _ in $(seq "$repeat"); do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
  done | median
}

printf '%-8s %10s\n' statements "check (s)"
declare -A took
for n in 2500 5000 10000 20000; do
  {
    echo 'CREATE TABLE a (id int);'
    for ((i = 0; i < n; i++)); do printf -- '--> statement-breakpoint\nINSERT INTO a VALUES (%d);\n' "$i"; done
  } > "$work/drizzle/0000_a.sql"
  took[$n]=$(seconds "$flick" check --out "$work/drizzle" --schema "$work/schema.sql")
  printf '%-8s %10.3f\n' "$n" "${took[$n]}"
done
printf 'ratio 20000 / 2500: %.1f (8 = linear, 64 = quadratic)\n' \
  "$(echo "${took[20000]} / ${took[2500]}" | bc -l)"
