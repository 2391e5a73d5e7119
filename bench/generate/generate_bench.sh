#!/usr/bin/env bash
# bench/generate/generate_bench.sh BUILD_DIR
#
# Compares `flick generate` / `flick export` with drizzle-kit on the same synthetic schema (written
# by flick_bench_synth as SQL DDL files and as a drizzle TypeScript schema), for 10, 100 and 1000
# tables:
#   generate-empty   first migration into an empty folder
#   generate-change  one table added: a second migration over the first
#   generate-noop    generate again over that folder with no schema change
#   export           the schema as SQL on stdout
# The floor of generate-empty, generate-noop and export is flick_bench_parse (PostgreSQL's parser
# alone over the same schema files: the one cost no schema tool can skip), rows with tool "parse".
# Reports wall time and peak RSS (bench/timer: from the start of the command to its end), medians of
# BENCH_REPEAT runs, and the drizzle-kit/flick ratios, whether the two first migrations are
# byte-identical, and whether drizzle-kit generate (TS schema) over flick's folder sees no change
# (a failure otherwise).
# drizzle-kit is installed with npm into bench/.drizzle/ (git-ignored); without node/npm, or when
# the registry is unreachable, the drizzle-kit half is skipped with a message.
#
# Environment: BENCH_SIZES (default "10 100 1000"), BENCH_REPEAT (default 5),
#              BENCH_RESULTS (TSV output, default BUILD_DIR/bench-results.tsv).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi

repo_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "$1" && pwd)
flick="$build_dir/tools/flick/flick"
synth="$build_dir/bench/synth/flick_bench_synth"
parse_floor="$build_dir/bench/parse/flick_bench_parse"
drizzle_dir="$repo_dir/bench/.drizzle"
drizzle_kit="$drizzle_dir/node_modules/.bin/drizzle-kit"
sizes=${BENCH_SIZES:-"10 100 1000"}
repeat=${BENCH_REPEAT:-5}
results=${BENCH_RESULTS:-"$build_dir/bench-results.tsv"}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=../timer/timed.sh
source "$repo_dir/bench/timer/timed.sh"

log() { echo "bench: $*" >&2; }

ensure_binaries() {
  if [[ ! -x "$flick" || ! -x "$synth" || ! -x "$parse_floor" ]]; then
    log "building flick, flick_bench_synth and flick_bench_parse in $build_dir"
    cmake --build "$build_dir" --target flick flick_bench_synth flick_bench_parse -j"$(nproc)" >&2
  fi
}

ensure_drizzle_kit() { "$repo_dir/bench/npm_peers.sh" >&2; }

# measure OUT_FILE EXPECT DIR CMD...: runs CMD in DIR BENCH_REPEAT times; before each run
# `prepare_run` (set by the caller) resets the state. After each run EXPECT (a path, relative to
# DIR) must exist - drizzle-kit exits 0 even when it fails. Writes "<wall_s> <rss_kb>" (medians)
# to OUT_FILE, or "FAIL" after the first failing run.
measure() {
  local out_file=$1 expect=$2 dir=$3
  shift 3
  local walls=() rsss=() i
  for ((i = 0; i < repeat; i++)); do
    prepare_run
    local status=0
    pushd "$dir" >/dev/null
    timed "$@" >"$work/run.log" 2>&1 || status=$?
    popd >/dev/null
    if ((status != 0)) || [[ ! -e "$dir/$expect" ]]; then
      log "FAILED: $* (in $dir)"
      sed 's/^/  | /' "$work/run.log" | tail -15 >&2
      echo FAIL >"$out_file"
      return 0
    fi
    walls+=("$timed_s")
    rsss+=("$timed_rss")
  done
  local mid=$((repeat / 2))
  printf '%s %s\n' "$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "$((mid + 1))p")" \
    "$(printf '%s\n' "${rsss[@]}" | sort -g | sed -n "$((mid + 1))p")" >"$out_file"
}

report_row() {  # SIZE CASE TOOL RESULT_FILE
  local size=$1 case_name=$2 tool=$3 result
  result=$(cat "$4")
  if [[ $result == FAIL ]]; then
    printf '%-6s %-16s %-12s %10s %12s\n' "$size" "$case_name" "$tool" FAIL FAIL
    printf '%s\t%s\t%s\tFAIL\tFAIL\n' "$size" "$case_name" "$tool" >>"$results"
    return
  fi
  read -r wall rss <<<"$result"
  printf '%-6s %-16s %-12s %10.2f %12.1f\n' "$size" "$case_name" "$tool" "$wall" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
  printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$case_name" "$tool" "$wall" "$rss" >>"$results"
}

report_ratio() {  # FLICK_FILE DRIZZLE_FILE
  local f d
  f=$(cat "$1")
  d=$(cat "$2")
  if [[ $f == FAIL || $d == FAIL ]]; then
    echo "       ratio drizzle-kit/flick: n/a (a run failed)"
    return
  fi
  awk -v f="$f" -v d="$d" 'BEGIN {
    split(f, a, " "); split(d, b, " ");
    fw = (a[1] > 0 ? a[1] : 0.005);
    printf "       ratio drizzle-kit/flick: time %.1fx, peak RSS %.1fx\n", b[1] / fw, b[2] / a[2] }'
}

ensure_binaries
have_drizzle=1
ensure_drizzle_kit || have_drizzle=0

[[ -s "$results" ]] || printf 'size\tcase\ttool\twall_s\tpeak_rss_kb\n' >"$results"
printf '%-6s %-16s %-12s %10s %12s\n' tables case tool wall_s peak_rss_MB
failed=0
extra_sql='CREATE TABLE "bench_extra" ("id" integer PRIMARY KEY NOT NULL, "label" varchar(100));'
extra_ts="export const bench_extra = pgTable('bench_extra', { id: integer('id').primaryKey(), label: varchar('label', { length: 100 }) });"

# expect_no_file FILE_GLOB RESULT_FILE WHAT: a no-change run must not write a migration.
expect_no_file() {
  if compgen -G "$1" >/dev/null; then
    log "$3 wrote a migration although nothing changed"
    echo FAIL >"$2"
  fi
}

for size in $sizes; do
  case_dir="$work/n$size"
  sql_dir="$case_dir/sql"
  ts_dir="$case_dir/ts"
  "$synth" --tables "$size" --sql-dir "$sql_dir" --ts-file "$ts_dir/schema.ts" >/dev/null
  # The one-change schema: the same plus one table.
  cp -r "$sql_dir" "$case_dir/sql-change"
  printf '%s\n' "$extra_sql" >"$case_dir/sql-change/zz_extra.sql"

  # flick: first migration into an empty folder, one change over it, no change over it, export.
  flick_out="$case_dir/flick-out"
  prepare_run() { rm -rf "$flick_out"; }
  measure "$work/flick-empty" "flick-out/0000_bench.sql" "$case_dir" \
    "$flick" generate --schema "$sql_dir/*.sql" --out "$flick_out" --name bench
  report_row "$size" generate-empty flick "$work/flick-empty"
  if [[ $(cat "$work/flick-empty") != FAIL ]]; then
    prepare_run  # leaves one first migration in place for the next cases
    (cd "$case_dir" && "$flick" generate --schema "$sql_dir/*.sql" --out "$flick_out" \
      --name bench >/dev/null 2>&1)
    prepare_run() { rm -rf "$case_dir/flick-change"; cp -r "$flick_out" "$case_dir/flick-change"; }
    measure "$work/flick-change" "flick-change/0001_change.sql" "$case_dir" \
      "$flick" generate --schema "$case_dir/sql-change/*.sql" --out "$case_dir/flick-change" --name change
    prepare_run() { :; }
    measure "$work/flick-noop" "flick-out/meta/_journal.json" "$case_dir" \
      "$flick" generate --schema "$sql_dir/*.sql" --out "$flick_out" --name again
    expect_no_file "$flick_out/*_again.sql" "$work/flick-noop" "flick generate"
  else
    echo FAIL >"$work/flick-change"
    echo FAIL >"$work/flick-noop"
  fi
  report_row "$size" generate-change flick "$work/flick-change"
  report_row "$size" generate-noop flick "$work/flick-noop"
  prepare_run() { :; }
  measure "$work/flick-export" "." "$case_dir" "$flick" export --schema "$sql_dir/*.sql"
  report_row "$size" export flick "$work/flick-export"
  # The floor of all three: PostgreSQL's parser alone over the same schema files.
  measure "$work/parse-floor" "." "$case_dir" "$parse_floor" "$sql_dir"/*.sql
  for case_name in generate-empty generate-noop export; do
    report_row "$size" "$case_name" parse "$work/parse-floor"
  done

  if ((have_drizzle)); then
    ln -s "$drizzle_dir/node_modules" "$ts_dir/node_modules"
    printf '%s\n' "export default { dialect: 'postgresql', schema: './schema.ts', out: './drizzle' };" \
      >"$ts_dir/drizzle.config.ts"
    prepare_run() { rm -rf "$ts_dir/drizzle"; }
    measure "$work/drizzle-empty" "drizzle/0000_bench.sql" "$ts_dir" \
      "$drizzle_kit" generate --name bench
    report_row "$size" generate-empty drizzle-kit "$work/drizzle-empty"
    report_ratio "$work/flick-empty" "$work/drizzle-empty"
    if [[ $(cat "$work/drizzle-empty") != FAIL ]]; then
      change_dir="$case_dir/ts-change"
      mkdir -p "$change_dir"
      ln -sfn "$drizzle_dir/node_modules" "$change_dir/node_modules"
      cp "$ts_dir/drizzle.config.ts" "$change_dir/"
      { cat "$ts_dir/schema.ts"; printf '%s\n' "$extra_ts"; } >"$change_dir/schema.ts"
      prepare_run() { rm -rf "$change_dir/drizzle"; cp -r "$ts_dir/drizzle" "$change_dir/drizzle"; }
      measure "$work/drizzle-change" "drizzle/0001_change.sql" "$change_dir" \
        "$drizzle_kit" generate --name change
      prepare_run() { :; }
      measure "$work/drizzle-noop" "drizzle/meta/_journal.json" "$ts_dir" \
        "$drizzle_kit" generate --name again
      expect_no_file "$ts_dir/drizzle/*_again.sql" "$work/drizzle-noop" "drizzle-kit generate"
    else
      echo FAIL >"$work/drizzle-change"
      echo FAIL >"$work/drizzle-noop"
    fi
    report_row "$size" generate-change drizzle-kit "$work/drizzle-change"
    report_ratio "$work/flick-change" "$work/drizzle-change"
    report_row "$size" generate-noop drizzle-kit "$work/drizzle-noop"
    report_ratio "$work/flick-noop" "$work/drizzle-noop"
    prepare_run() { :; }
    measure "$work/drizzle-export" "." "$ts_dir" "$drizzle_kit" export
    report_row "$size" export drizzle-kit "$work/drizzle-export"
    report_ratio "$work/flick-export" "$work/drizzle-export"

    if [[ -f "$flick_out/0000_bench.sql" ]]; then
      # Interop: drizzle-kit generate (TS schema) over flick's folder must see no change.
      rm -rf "$ts_dir/flick-folder"
      cp -r "$flick_out" "$ts_dir/flick-folder"
      printf '%s\n' "export default { dialect: 'postgresql', schema: './schema.ts', out: './flick-folder' };" \
        >"$ts_dir/drizzle.flick.config.ts"
      (cd "$ts_dir" && "$drizzle_kit" generate --config drizzle.flick.config.ts --name drizzle_sees \
        >/dev/null 2>&1 </dev/null) || true
      if compgen -G "$ts_dir/flick-folder/*_drizzle_sees.sql" >/dev/null; then
        echo "       drizzle-kit generate over flick's folder: sees changes" \
          "($(grep -c 'statement-breakpoint' "$ts_dir"/flick-folder/*_drizzle_sees.sql) breakpoints)"
        failed=1
      else
        echo "       drizzle-kit generate over flick's folder: no changes"
      fi
    fi
    if [[ -f "$flick_out/0000_bench.sql" && -f "$ts_dir/drizzle/0000_bench.sql" ]]; then
      if cmp -s "$flick_out/0000_bench.sql" "$ts_dir/drizzle/0000_bench.sql"; then
        echo "       first migration: byte-identical to drizzle-kit's"
      else
        echo "       first migration: differs from drizzle-kit's" \
          "($(diff "$flick_out/0000_bench.sql" "$ts_dir/drizzle/0000_bench.sql" | grep -c '^[<>]') lines)"
      fi
    fi
  fi
  for f in "$work"/flick-* "$work"/drizzle-*; do
    [[ -f $f && $(cat "$f") == FAIL ]] && failed=1
    rm -f "$f"
  done
done
log "results written to $results"

exit "$failed"
