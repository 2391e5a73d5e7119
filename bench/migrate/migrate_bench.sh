#!/usr/bin/env bash
# bench/migrate/migrate_bench.sh BUILD_DIR
#
# `flick migrate` against psql on the same 1000 small migrations, on an embedded PostgreSQL 15
# (`flick db start` in a temp project: a durable cluster, fsync and synchronous_commit on), in the
# same run:
#   apply-1000   flick migrate (a transaction + bookkeeping row per migration, advisory lock)
#                vs `psql -1 -f` of the same files concatenated (one transaction, no bookkeeping);
#                each on a fresh database; median of BENCH_REPEAT runs; goal flick/psql <= 0.8
#   noop-1000    flick migrate with all 1000 applied (connect, lock, read 1000 rows, hash 1000
#                files, plan nothing) vs `psql -c 'select 1'` on the same database (the floor:
#                start a client, connect, one round trip); median of BENCH_NOOP_REPEAT runs, the
#                two interleaved; goal flick/psql <= 1.1. Both floors run the psql binary of
#                PostgreSQL 15, not Debian's Perl wrapper on PATH.
# drizzle-orm's migrator (bench/migrate/drizzle_migrate.cjs, node-postgres) is the peer of both
# when bench/npm_peers.sh could install it: the same folder on a fresh database, then again with
# everything applied.
# Each migration: CREATE TABLE with a serial PK, a text and a timestamptz column, and a CREATE
# INDEX, separated by a statement breakpoint.
# Environment: BENCH_MIGRATIONS (default 1000), BENCH_REPEAT (default 5), BENCH_NOOP_REPEAT
# (default 20), BENCH_RESULTS (TSV rows appended; default BUILD_DIR/bench-results.tsv).
# Exit 1 when a run fails or a result is wrong; missing a goal is reported, not a failure.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
flick="$build_dir/tools/flick/flick"
count=${BENCH_MIGRATIONS:-1000}
repeat=${BENCH_REPEAT:-5}
noop_repeat=${BENCH_NOOP_REPEAT:-20}
results=${BENCH_RESULTS:-"$build_dir/bench-results.tsv"}
log() { echo "bench-migrate: $*" >&2; }
repo_dir=$(cd "$(dirname "$0")/../.." && pwd)
peers="$repo_dir/bench/.drizzle"
have_drizzle=0
if command -v node >/dev/null && "$repo_dir/bench/npm_peers.sh" >&2 &&
  [[ -d "$peers/node_modules/drizzle-orm" && -d "$peers/node_modules/pg" ]]; then
  have_drizzle=1
else
  log "drizzle-orm not installed (bench/npm_peers.sh): its rows are skipped"
fi
drizzle_migrate=(node "$repo_dir/bench/migrate/drizzle_migrate.cjs" "$peers")  # + URL FOLDER

if [[ ! -x "$flick" ]]; then
  log "building flick in $build_dir"
  cmake --build "$build_dir" --target flick -j"$(nproc)" >&2
fi
command -v psql >/dev/null || { log "psql is required"; exit 1; }
# The floors run PostgreSQL 15's psql binary itself: Debian's `psql` on PATH is a Perl wrapper
# (pg_wrapper) that costs more than the work measured here.
psql_bin=/usr/lib/postgresql/15/bin/psql
[[ -x $psql_bin ]] || psql_bin=$(command -v psql)

work=$(mktemp -d)
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

# The folder: NNNN_m.sql files and the journal; all.sql is their concatenation.
mkdir -p "$work/drizzle/meta"
{
  printf '{\n  "version": "7",\n  "dialect": "postgresql",\n  "entries": ['
  for ((i = 0; i < count; i++)); do
    tag=$(printf '%04d_m' "$i")
    printf 'CREATE TABLE "t%04d" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"name" text NOT NULL,\n\t"created_at" timestamptz DEFAULT now()\n);\n--> statement-breakpoint\nCREATE INDEX "t%04d_name_idx" ON "t%04d" USING btree ("name");' \
      "$i" "$i" "$i" >"$work/drizzle/$tag.sql"
    ((i > 0)) && printf ','
    printf '\n    {"idx": %d, "version": "7", "when": %d, "tag": "%s", "breakpoints": true}' \
      "$i" $((1700000000000 + i * 1000)) "$tag"
  done
  printf '\n  ]\n}\n'
} >"$work/drizzle/meta/_journal.json"
for f in "$work"/drizzle/*.sql; do cat "$f"; printf '\n'; done >"$work/all.sql"

fresh_db() {
  PGOPTIONS="-c client_min_messages=warning" psql -q -X "$server_url/postgres" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" \
    >/dev/null
  echo "$server_url/$1"
}
# shellcheck source=../timer/timed.sh
source "$repo_dir/bench/timer/timed.sh"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

failed=0
flick_ms=() psql_ms=() apply_rss=() noop_rss=() drizzle_ms=() drizzle_rss=()
for ((r = 0; r < repeat; r++)); do
  url=$(fresh_db bench_flick)
  timed "$flick" migrate --out "$work/drizzle" --url "$url" >/dev/null ||
    { log "flick migrate failed"; failed=1; }
  flick_ms+=("$timed_ms")
  apply_rss+=("$timed_rss")
  url=$(fresh_db bench_psql)
  timed "$psql_bin" -q -X -1 -v ON_ERROR_STOP=1 -f "$work/all.sql" "$url" >/dev/null ||
    { log "psql failed"; failed=1; }
  psql_ms+=("$timed_ms")
  if ((have_drizzle)); then
    url=$(fresh_db bench_drizzle)
    timed "${drizzle_migrate[@]}" "$url" "$work/drizzle" >/dev/null 2>"$work/drizzle.err" ||
      { log "drizzle-orm migrate failed: $(tail -3 "$work/drizzle.err")"; failed=1; }
    drizzle_ms+=("$timed_ms")
    drizzle_rss+=("$timed_rss")
  fi
done
flick_apply=$(printf '%s\n' "${flick_ms[@]}" | median)
psql_apply=$(printf '%s\n' "${psql_ms[@]}" | median)
flick_url="$server_url/bench_flick"
tables=$(psql -X -At "$flick_url" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
rows=$(psql -X -At "$flick_url" -c "SELECT count(*) FROM drizzle.__drizzle_migrations")
if [[ $tables != "$count" || $rows != "$count" ]]; then
  log "flick migrate left $tables tables and $rows bookkeeping rows, expected $count"
  failed=1
fi

noop_ms=() select_ms=() select_rss=() drizzle_noop_ms=() drizzle_noop_rss=()
for ((r = 0; r < noop_repeat; r++)); do
  timed "$flick" migrate --out "$work/drizzle" --url "$flick_url" >"$work/noop.out" ||
    { log "no-op migrate failed"; failed=1; }
  out=$(cat "$work/noop.out")
  noop_ms+=("$timed_ms")
  noop_rss+=("$timed_rss")
  timed "$psql_bin" -X -At -c 'select 1' "$flick_url" >/dev/null ||
    { log "psql -c 'select 1' failed"; failed=1; }
  select_ms+=("$timed_ms")
  select_rss+=("$timed_rss")
done
if ((have_drizzle)); then
  drizzle_url="$server_url/bench_drizzle"
  rows=$(psql -X -At "$drizzle_url" -c "SELECT count(*) FROM drizzle.__drizzle_migrations")
  [[ $rows == "$count" ]] || { log "drizzle-orm left $rows bookkeeping rows, expected $count"; failed=1; }
  for ((r = 0; r < repeat; r++)); do
    timed "${drizzle_migrate[@]}" "$drizzle_url" "$work/drizzle" >/dev/null 2>&1 ||
      { log "drizzle-orm no-op migrate failed"; failed=1; }
    drizzle_noop_ms+=("$timed_ms")
    drizzle_noop_rss+=("$timed_rss")
  done
fi
[[ $out == *"nothing to apply"* ]] || { log "the no-op run applied something: $out"; failed=1; }
noop=$(printf '%s\n' "${noop_ms[@]}" | median)
select_noop=$(printf '%s\n' "${select_ms[@]}" | median)
select_rss_kb=$(printf '%s\n' "${select_rss[@]}" | median)
apply_rss_kb=$(printf '%s\n' "${apply_rss[@]}" | median)
noop_rss_kb=$(printf '%s\n' "${noop_rss[@]}" | median)

ratio=$(awk -v f="$flick_apply" -v p="$psql_apply" 'BEGIN { printf "%.2f", (p > 0) ? f / p : 0 }')
verdict() { awk -v v="$1" -v g="$2" 'BEGIN { print (v <= g) ? "meets" : "misses" }'; }
echo "migrate  apply-$count   flick ${flick_apply} ms   psql -1 -f ${psql_apply} ms   ratio ${ratio}x (goal <= 0.8: $(verdict "$ratio" 0.8))"
noop_ratio=$(awk -v f="$noop" -v p="$select_noop" 'BEGIN { printf "%.2f", (p > 0) ? f / p : 0 }')
echo "migrate  noop-$count    flick ${noop} ms   psql -c 'select 1' ${select_noop} ms   ratio ${noop_ratio}x (goal <= 1.1: $(verdict "$noop_ratio" 1.1))"
# Columns of bench/run.sh: size, case, tool, wall seconds, peak RSS in KiB (psql's not measured).
awk -v n="$count" -v f="$flick_apply" -v p="$psql_apply" -v z="$noop" -v fr="$apply_rss_kb" \
  -v zr="$noop_rss_kb" 'BEGIN {
  printf "%s\tmigrate-apply\tflick\t%.3f\t%s\n", n, f / 1000, fr
  printf "%s\tmigrate-apply\tpsql\t%.3f\t-\n", n, p / 1000
  printf "%s\tmigrate-noop\tflick\t%.3f\t%s\n", n, z / 1000, zr }' >>"$results"
printf '%s\tmigrate-noop\tpsql\t%s\t%s\n' "$count" \
  "$(awk -v v="$select_noop" 'BEGIN { printf "%.3f", v / 1000 }')" "$select_rss_kb" >>"$results"
if ((have_drizzle)); then
  for pair in "migrate-apply drizzle_ms drizzle_rss" "migrate-noop drizzle_noop_ms drizzle_noop_rss"; do
    read -r case_name times_var rss_var <<<"$pair"
    declare -n times_ref=$times_var rss_ref=$rss_var
    printf '%s\t%s\tdrizzle-orm\t%s\t%s\n' "$count" "$case_name" \
      "$(printf '%s\n' "${times_ref[@]}" | median | awk '{ printf "%.3f", $1 / 1000 }')" \
      "$(printf '%s\n' "${rss_ref[@]}" | median)" >>"$results"
    echo "migrate  $case_name   drizzle-orm $(printf '%s\n' "${times_ref[@]}" | median) ms"
    unset -n times_ref rss_ref
  done
fi
exit "$failed"
