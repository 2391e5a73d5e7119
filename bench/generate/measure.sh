#!/bin/sh
# Measures `flick generate` on a synthetic schema: CPU time, wall, peak RSS (/usr/bin/time) and,
# with CALLGRIND=1, instruction counts (stable on a loaded machine).
# Usage: bench/generate/measure.sh BUILD_DIR [TABLES] [WORK_DIR]
set -eu
build=${1:?usage: measure.sh BUILD_DIR [TABLES] [WORK_DIR]}
tables=${2:-1000}
work=${3:-/tmp/flick-bench-generate}
flick=$build/tools/flick/flick
rm -rf "$work"
mkdir -p "$work"
"$build/bench/synth/flick_bench_synth" --tables "$tables" --sql-dir "$work/schema" \
  --ts-file "$work/schema.ts" >/dev/null
run() {
  /usr/bin/time -f "$1: wall %e s, user %U s, sys %S s, peak RSS %M KB" \
    "$flick" generate --schema "$work/schema/*.sql" --out "$work/out" --name x >/dev/null
}
count() {
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$1" \
    "$flick" generate --schema "$work/schema/*.sql" --out "$work/out" --name x 2>&1 >/dev/null |
    sed -n "s/.*Collected : \([0-9]*\).*/$1: \1 instructions/p"
}
for i in 1 2 3; do rm -rf "$work/out"; run empty; done
for i in 1 2 3; do run noop; done
if [ "${CALLGRIND:-0}" = 1 ]; then
  rm -rf "$work/out"
  count empty
  count noop
  echo "profiles: $work/callgrind.empty, $work/callgrind.noop (callgrind_annotate)"
fi
