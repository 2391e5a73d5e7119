#!/usr/bin/env bash
# bench/check/check_bench.sh BUILD_DIR
#
# `flick check` on a folder of BENCH_MIGRATIONS (default 1000) migrations written by
# `flick generate`: 0000 creates 20 tables (8 columns, a foreign key, an index each); every later
# migration changes one table (a column's varchar length and default: 2 statements). flick check
# parses every statement, follows the objects across the history, replays the SQL onto the model
# and compares the last snapshot with the replayed schema (every snapshot only with --replay). drizzle-kit check (which reads the journal
# and snapshots for id collisions only) runs on the same folder when bench/npm_peers.sh can
# install it. The floor is flick_bench_parse (PostgreSQL's parser alone over the same files). Median of BENCH_REPEAT (default 5) runs; goal flick <= 0.2 s.
# The folder is cached in BUILD_DIR/bench-check-folder-N (generating it takes a while).
# Environment: BENCH_MIGRATIONS, BENCH_REPEAT, BENCH_RESULTS (TSV rows appended; default
# BUILD_DIR/bench-results.tsv). Exit 1 when a run fails or flick check finds an error.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
repo_dir=$(cd "$(dirname "$0")/../.." && pwd)
flick="$build_dir/tools/flick/flick"
count=${BENCH_MIGRATIONS:-1000}
repeat=${BENCH_REPEAT:-5}
results=${BENCH_RESULTS:-"$build_dir/bench-results.tsv"}
drizzle_kit="$repo_dir/bench/.drizzle/node_modules/.bin/drizzle-kit"
log() { echo "bench-check: $*" >&2; }

if [[ ! -x "$flick" ]]; then
  log "building flick in $build_dir"
  cmake --build "$build_dir" --target flick -j"$(nproc)" >&2
fi

tables=20
folder="$build_dir/bench-check-folder-$count"
schema_file() { # $1: migration number
  local i=$1 t
  for ((t = 0; t < tables; t++)); do
    local len=40 default=start
    # Table t was last changed by migration i - ((i - t) mod tables), when that is >= 1.
    if ((i >= 1)); then
      local last=$((i - ((i - 1 - t) % tables + tables) % tables))
      if ((last >= 1 && (last - 1) % tables == t)); then len=$((40 + last)) default="v$last"; fi
    fi
    printf 'CREATE TABLE t%02d (\n  id serial PRIMARY KEY,\n  name varchar(%d) DEFAULT '"'"'%s'"'"' NOT NULL,\n' "$t" "$len" "$default"
    printf '  body text,\n  score numeric(10, 2) DEFAULT 0,\n  active boolean DEFAULT true NOT NULL,\n'
    printf '  data jsonb,\n  created_at timestamptz DEFAULT now() NOT NULL,\n'
    if ((t > 0)); then
      printf '  parent_id integer REFERENCES t%02d (id) ON DELETE CASCADE\n);\n' $((t - 1))
    else
      printf '  parent_id integer\n);\n'
    fi
    printf 'CREATE INDEX t%02d_name_idx ON t%02d (name);\n' "$t" "$t"
  done
}
if [[ ! -f "$folder/meta/_journal.json" ]]; then
  log "writing $count migrations with flick generate into $folder (once)"
  rm -rf "$folder" "$folder.tmp"
  mkdir -p "$folder.tmp"
  for ((i = 0; i < count; i++)); do
    schema_file "$i" >"$folder.tmp/schema.sql"
    "$flick" generate --schema "$folder.tmp/schema.sql" --out "$folder.tmp/drizzle" \
      --name "m$i" >/dev/null
  done
  mv "$folder.tmp/drizzle" "$folder"
  rm -rf "$folder.tmp"
fi
files=$(find "$folder" -maxdepth 1 -name '*.sql' | wc -l)
[[ $files == "$count" ]] || { log "$folder has $files migrations, expected $count"; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=../timer/timed.sh
source "$repo_dir/bench/timer/timed.sh"

failed=0
flick_ms=() flick_rss=()
for ((r = 0; r < repeat; r++)); do
  if ! timed "$flick" check --out "$folder" >"$work/out"; then
    log "flick check found errors or failed:"
    tail -5 "$work/out" >&2
    failed=1
  fi
  flick_ms+=("$timed_ms")
  flick_rss+=("$timed_rss")
done
flick_median=$(printf '%s\n' "${flick_ms[@]}" | median)
flick_rss_kb=$(printf '%s\n' "${flick_rss[@]}" | median)
# The floor: PostgreSQL's parser alone over the same migration files (flick_bench_parse).
parse_floor="$build_dir/bench/parse/flick_bench_parse"
[[ -x $parse_floor ]] || cmake --build "$build_dir" --target flick_bench_parse >&2
parse_ms=() parse_rss=()
for ((r = 0; r < repeat; r++)); do
  timed "$parse_floor" "$folder"/*.sql >/dev/null ||
    { log "flick_bench_parse failed on $folder"; failed=1; }
  parse_ms+=("$timed_ms")
  parse_rss+=("$timed_rss")
done
parse_median=$(printf '%s\n' "${parse_ms[@]}" | median)
parse_rss_kb=$(printf '%s\n' "${parse_rss[@]}" | median)
verdict=$(awk -v v="$flick_median" 'BEGIN { print (v <= 80) ? "meets" : "misses" }')
line="check  $count migrations  flick ${flick_median} ms (runs: ${flick_ms[*]}; goal <= 80 ms, issue 17: $verdict)   parse alone ${parse_median} ms"

drizzle_median=""
if "$repo_dir/bench/npm_peers.sh" >&2 && [[ -x "$drizzle_kit" ]]; then
  drizzle_ms=()
  for ((r = 0; r < repeat; r++)); do
    # drizzle-kit takes --out relative to the current directory.
    pushd "$(dirname "$folder")" >/dev/null
    timed "$drizzle_kit" check --dialect postgresql --out "$(basename "$folder")" >"$work/dk" 2>&1 ||
      { log "drizzle-kit check failed: $(tail -3 "$work/dk")"; failed=1; }
    popd >/dev/null
    drizzle_ms+=("$timed_ms")
  done
  drizzle_median=$(printf '%s\n' "${drizzle_ms[@]}" | median)
  line="$line   drizzle-kit check ${drizzle_median} ms"
else
  line="$line   drizzle-kit check: peer unavailable"
fi
echo "$line"
# Columns of bench/run.sh: size, case, tool, wall seconds, peak RSS in KiB.
awk -v n="$count" -v f="$flick_median" -v r="$flick_rss_kb" -v d="$drizzle_median" \
  -v p="$parse_median" -v pr="$parse_rss_kb" 'BEGIN {
  printf "%s\tcheck\tflick\t%.3f\t%s\n", n, f / 1000, r
  printf "%s\tcheck\tparse\t%.3f\t%s\n", n, p / 1000, pr
  if (d != "") printf "%s\tcheck\tdrizzle-kit\t%.3f\t-\n", n, d / 1000 }' >>"$results"
exit "$failed"
