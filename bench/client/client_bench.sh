#!/usr/bin/env bash
# bench/client/client_bench.sh BUILD_DIR
#
# The runtime client against raw libpq in the same binary (flick_client_bench) and against
# node-postgres and drizzle-orm (bench/.drizzle, installed by bench/npm_peers.sh) in the same
# run, on an embedded PostgreSQL 15 (`flick db start` in a temp project; loopback TCP):
#   client-select            N point selects by primary key, one after another
#   client-insert            N single-row inserts, one after another
#   client-select-pipeline   the same selects batched in pipeline mode (flick and libpq only)
#   client-insert-pipeline   the same inserts batched in pipeline mode (flick and libpq only)
# Goals: one-by-one flick >= 0.95x raw libpq throughput; pipelined >= 0.9x.
# Environment: BENCH_CLIENT_COUNT (N, default 100000), BENCH_REPEAT (default 5), BENCH_RESULTS
# (TSV rows appended; default BUILD_DIR/bench-results.tsv).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
repo_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "$1" && pwd)
flick="$build_dir/tools/flick/flick"
bench="$build_dir/bench/client/flick_client_bench"
count=${BENCH_CLIENT_COUNT:-100000}
repeat=${BENCH_REPEAT:-5}
results=${BENCH_RESULTS:-"$build_dir/bench-results.tsv"}
peers="$repo_dir/bench/.drizzle"
log() { echo "bench-client: $*" >&2; }

cmake --build "$build_dir" --target flick flick_client_bench -j"$(nproc)" >&2

work=$(mktemp -d)
[[ $(id -u) -eq 0 ]] && chmod 755 "$work"
cleanup() {
  "$flick" db stop --config "$work/flick.toml" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
printf 'dialect = "postgresql"\nout = "drizzle"\n' >"$work/flick.toml"
"$flick" db start --config "$work/flick.toml" >/dev/null
url=$("$flick" db url --config "$work/flick.toml")

"$bench" --url "$url" --count "$count" --repeat "$repeat" >"$work/native.tsv"
if [[ -d "$peers/node_modules/pg" && -d "$peers/node_modules/drizzle-orm" ]] && command -v node >/dev/null; then
  node "$repo_dir/bench/client/node_bench.cjs" "$peers" "$url" "$count" "$repeat" >"$work/node.tsv"
else
  log "node-postgres / drizzle-orm not installed (bench/npm_peers.sh): peer rows skipped"
  : >"$work/node.tsv"
fi

cat "$work/native.tsv" "$work/node.tsv" | while IFS=$'\t' read -r case_name tool seconds; do
  printf '%s\t%s\t%s\t%s\t-\n' "$count" "$case_name" "$tool" "$seconds" >>"$results"
done

# Ratios against the goals (throughput ratio = libpq time / flick time).
awk -F'\t' -v n="$count" '
  { t[$1 "/" $2] = $3 }
  END {
    split("client-select client-insert client-select-pipeline client-insert-pipeline", cases, " ")
    for (i = 1; i <= 4; i++) {
      c = cases[i]; goal = (c ~ /pipeline/) ? 0.9 : 0.95
      if (t[c "/flick"] > 0 && t[c "/libpq"] > 0) {
        r = t[c "/libpq"] / t[c "/flick"]
        printf "%-24s flick %8.0f/s  libpq %8.0f/s  flick/libpq %.3f (goal >= %.2f: %s)\n", c,
               n / t[c "/flick"], n / t[c "/libpq"], r, goal, (r >= goal) ? "met" : "MISSED"
      }
      for (p in t) if (index(p, c "/") == 1 && p !~ /\/(flick|libpq)$/)
        printf "%-24s %-14s %8.0f/s  flick is %.2fx faster\n", c, substr(p, length(c) + 2),
               n / t[p], t[p] / t[c "/flick"]
    }
  }' "$work/native.tsv" "$work/node.tsv" >&2
