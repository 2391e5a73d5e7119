#!/usr/bin/env bash
# bench/pull/pull_bench.sh BUILD_DIR
#
# `flick pull` and `flick push` (no changes) against drizzle-kit pull / push on the same synthetic
# schema (flick_bench_synth: N tables with enums, a serial PK, a FK and two indexes each, as SQL
# for flick and as a drizzle TS schema for drizzle-kit push), applied to a scratch database of an
# embedded PostgreSQL 15 (`flick db start` in a temp project). Sizes BENCH_PULL_SIZES (default
# "100 1000"); medians of BENCH_REPEAT runs (default 5). drizzle-kit runs once per size and is cut
# off after BENCH_DRIZZLE_TIMEOUT seconds (default 300; recorded as the timeout, marked ">").
# The floor of pull is `pg_dump --schema-only` of the same database (the PostgreSQL 15 client).
# Goals at 1000 tables: pull <= 0.5 s, push with no changes <= 0.7 s.
# Rows "size<TAB>case<TAB>tool<TAB>wall_s<TAB>peak_rss_kb" go to BENCH_RESULTS.
set -euo pipefail
if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
repo_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "$1" && pwd)
flick="$build_dir/tools/flick/flick"
synth="$build_dir/bench/synth/flick_bench_synth"
sizes=${BENCH_PULL_SIZES:-"100 1000"}
repeat=${BENCH_REPEAT:-5}
drizzle_timeout=${BENCH_DRIZZLE_TIMEOUT:-300}
results=${BENCH_RESULTS:-"$build_dir/bench-results.tsv"}
drizzle_dir="$repo_dir/bench/.drizzle"
drizzle_kit="$drizzle_dir/node_modules/.bin/drizzle-kit"
log() { echo "bench-pull: $*" >&2; }

[[ -x $flick && -x $synth ]] ||
  cmake --build "$build_dir" --target flick flick_bench_synth -j"$(nproc)" >&2
have_drizzle=1
"$repo_dir/bench/npm_peers.sh" >&2 || have_drizzle=0

work=$(mktemp -d -p "$drizzle_dir" 2>/dev/null || mktemp -d)
[[ $(id -u) -eq 0 ]] && chmod 755 "$work"
cleanup() {
  "$flick" db stop --config "$work/flick.toml" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
printf 'dialect = "postgresql"\nout = "drizzle"\n' >"$work/flick.toml"
"$flick" db start --config "$work/flick.toml" >/dev/null
base_url=$("$flick" db url --config "$work/flick.toml")
server_url=${base_url%/*}

# shellcheck source=../timer/timed.sh
source "$repo_dir/bench/timer/timed.sh"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# run_timed OUT_PREFIX CMD...: appends "<seconds> <rss_kb>" of one run to OUT_PREFIX; returns the
# command's status.
run_timed() {
  local out=$1 status=0
  shift
  timed "$@" >"$work/last.out" 2>&1 || status=$?
  printf '%s %s\n' "$timed_s" "$timed_rss" >>"$out"
  return $status
}
report() {  # report SIZE CASE TOOL FILE
  local wall rss
  wall=$(awk '{ print $1 }' "$4" | median)
  rss=$(awk '{ print $2 }' "$4" | median)
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$wall" "$rss" >>"$results"
  printf '%6s tables  %-10s %-12s %8.3f s  %8s kB\n' "$1" "$2" "$3" "$wall" "$rss" >&2
}

failed=0
for size in $sizes; do
  dir="$work/s$size"
  mkdir -p "$dir/sql"
  "$synth" --tables "$size" --sql-dir "$dir/sql" --ts-file "$dir/schema.ts" >/dev/null
  db="bench_pull_$size"
  PGOPTIONS="-c client_min_messages=warning" psql -q -X "$server_url/postgres" \
    -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  url="$server_url/$db"
  cat "$dir"/sql/*.sql | psql -q -X -v ON_ERROR_STOP=1 "$url" >/dev/null

  for ((r = 0; r < repeat; r++)); do
    rm -rf "$dir/pulled"
    run_timed "$dir/flick-pull" "$flick" pull --url "$url" --no-baseline --out "$dir/drizzle" \
      --out-schema "$dir/pulled" || { log "flick pull failed: $(tail -3 "$work/last.out")"; failed=1; }
    run_timed "$dir/flick-push" "$flick" push --url "$url" --schema "$dir/sql/*.sql" ||
      { log "flick push failed: $(tail -3 "$work/last.out")"; failed=1; }
    grep -q "No schema changes" "$work/last.out" ||
      { log "flick push was not a no-op: $(head -5 "$work/last.out")"; failed=1; }
    # The floor of pull: pg_dump reading the same catalog and writing it as SQL, interleaved.
    run_timed "$dir/pg_dump" pg_dump --schema-only --no-owner -f "$dir/dump.sql" "$url" ||
      { log "pg_dump failed: $(tail -3 "$work/last.out")"; failed=1; }
  done
  report "$size" pull flick "$dir/flick-pull"
  report "$size" pull pg_dump "$dir/pg_dump"
  report "$size" push-noop flick "$dir/flick-push"

  if ((have_drizzle)); then
    ln -sfn "$drizzle_dir/node_modules" "$dir/node_modules"
    printf '%s\n' "export default { dialect: 'postgresql', schema: './schema.ts', out: './dk', dbCredentials: { url: '$url' } };" \
      >"$dir/drizzle.config.ts"
    for tool_case in pull push-noop; do
      verb=${tool_case%-noop}
      if (cd "$dir" && run_timed "$dir/dk-$verb" timeout "$drizzle_timeout" "$drizzle_kit" "$verb"); then
        report "$size" "$tool_case" drizzle-kit "$dir/dk-$verb"
      else
        status=$?
        if [[ $status -eq 124 ]]; then
          log "drizzle-kit $verb at $size tables: cut off after ${drizzle_timeout}s"
          printf '%s\t%s\tdrizzle-kit\t>%s\t\n' "$size" "$tool_case" "$drizzle_timeout" >>"$results"
        else
          log "drizzle-kit $verb failed: $(tail -3 "$work/last.out")"
        fi
      fi
    done
  fi
done
exit "$failed"
