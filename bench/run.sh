#!/usr/bin/env bash
# bench/run.sh BUILD_DIR (also `make bench`): every side-by-side benchmark in one run, then
# docs/benchmarks.md and docs/benchmarks.svg from its results.
#
# Each suite appends "size<TAB>case<TAB>tool<TAB>wall_s<TAB>peak_rss_kb" rows (medians of its
# repetitions) to one results file; bench/report turns them into the page. The peers (drizzle-kit,
# drizzle-orm, node-postgres) are installed from npm by bench/npm_peers.sh; when npm is
# unreachable the suites run flick's side alone and the page marks the peer "peer unavailable".
#
# Environment: BENCH_REPEAT (repetitions per measurement, default 5), BENCH_SUITES (default
# "generate migrate check pull client fleet"), BENCH_DOCS (where the page goes, default docs/).
set -euo pipefail
if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
repo_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "$1" && pwd)
docs_dir=${BENCH_DOCS:-"$repo_dir/docs"}
suites=${BENCH_SUITES:-"generate migrate check pull client fleet"}
export BENCH_REPEAT=${BENCH_REPEAT:-5}
export BENCH_RESULTS="$build_dir/bench-results.tsv"
info="$build_dir/bench-info.txt"
log() { echo "bench: $*" >&2; }

cmake --build "$build_dir" --target flick flick_bench_synth flick_bench_parse flick_bench_report flick_bench_time -j"$(nproc)" >&2
printf 'size\tcase\ttool\twall_s\tpeak_rss_kb\n' >"$BENCH_RESULTS"
"$repo_dir/bench/npm_peers.sh" || true

suite_script() {
  case $1 in
    generate) echo "$repo_dir/bench/generate/generate_bench.sh" ;;
    migrate) echo "$repo_dir/bench/migrate/migrate_bench.sh" ;;
    check) echo "$repo_dir/bench/check/check_bench.sh" ;;
    pull) echo "$repo_dir/bench/pull/pull_bench.sh" ;;
    client) echo "$repo_dir/bench/client/client_bench.sh" ;;
    fleet) echo "$repo_dir/bench/fleet/fleet_bench.sh" ;;
    *) return 1 ;;
  esac
}

rm -f "$build_dir/bench-fleet.md"  # written by this run's fleet suite, or not at all
failed=0
for suite in $suites; do
  script=$(suite_script "$suite") || { log "unknown suite '$suite'"; exit 2; }
  log "== $suite ($script)"
  if ! "$script" "$build_dir"; then
    log "suite $suite reported a failure"
    failed=1
  fi
done

version_of() { "$@" 2>/dev/null | head -1 || echo unavailable; }
drizzle_bin="$repo_dir/bench/.drizzle/node_modules/.bin/drizzle-kit"
npm_version() {
  local f="$repo_dir/bench/.drizzle/node_modules/$1/package.json"
  [[ -f $f ]] && sed -n 's/^[[:space:]]*"version": "\(.*\)",*$/\1/p' "$f" | head -1 || echo "peer unavailable"
}
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "flick: $(version_of "$build_dir/tools/flick/flick" --version) ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build_dir/CMakeCache.txt") build)"
  echo "PostgreSQL: $(version_of /usr/lib/postgresql/15/bin/postgres --version)"
  echo "node: $(version_of node --version)"
  echo "drizzle-kit: $( [[ -x $drizzle_bin ]] && npm_version drizzle-kit || echo 'peer unavailable')"
  echo "drizzle-orm: $(npm_version drizzle-orm)"
  echo "pg (node-postgres): $(npm_version pg)"
  echo "repetitions per measurement: $BENCH_REPEAT (medians)"
} >"$info"
# Sections a suite writes whole (the fleet's table has columns of its own), appended to the page.
sections=()
[[ " $suites " == *" fleet "* && -f "$build_dir/bench-fleet.md" ]] && sections+=(--append "$build_dir/bench-fleet.md")
"$build_dir/bench/report/flick_bench_report" --results "$BENCH_RESULTS" --info "$info" \
  --out "$docs_dir/benchmarks.md" --plot "$docs_dir/benchmarks.svg" "${sections[@]}"
log "wrote $docs_dir/benchmarks.md and $docs_dir/benchmarks.svg"
exit "$failed"
