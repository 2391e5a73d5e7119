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
#   client-feed              F runs of a feed query on the Flick example schema (seeded: 200
#                            users, 5000 posts, 20000 comments): the latest 50 public posts with
#                            their author's username and comment count (join, left join, group
#                            by, order by, limit). flick: the typed builder, built and run each
#                            time; libpq: the same SQL text; node-postgres: the same SQL text;
#                            drizzle-orm: its select builder (the same SQL); drizzle-orm-relational:
#                            its relational query (findMany, the same rows: the peer of the goal)
#   client-feed-prepared     the same, prepared once: flick's prepare<bool>() against PQprepare
#   client-feed-relational   the latest 50 public posts with their author (flick's query(posts)
#                            .with(...); drizzle-orm's findMany with: { author: true }), and
#                            drizzle-orm's findMany with a comment-count extra as well
#                            (drizzle-orm+count: more work, flick's relational form has no extras)
# Goals: one-by-one flick >= 0.95x raw libpq throughput; pipelined >= 0.9x; the feed through
# flick's typed builder >= 0.95x raw libpq and >= 2x drizzle-orm's relational query.
# Environment: BENCH_CLIENT_COUNT (N, default 100000), BENCH_FEED_COUNT (F, default 300; 0 skips
# the feed), BENCH_REPEAT (default 5), BENCH_RESULTS (TSV rows appended; default
# BUILD_DIR/bench-results.tsv).
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
# The feed query costs the server about 30 ms (it aggregates all comments before the limit):
# 300 runs x 9 tools x 5 repetitions take about 6 minutes on a 2-core VM.
feed_count=${BENCH_FEED_COUNT:-300}
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

"$bench" --url "$url" --count "$count" --repeat "$repeat" --feed-count "$feed_count" \
  --schema "$repo_dir/examples/flick/schema" --feed-out "$work" >"$work/native.tsv"
if [[ -d "$peers/node_modules/pg" && -d "$peers/node_modules/drizzle-orm" ]] && command -v node >/dev/null; then
  node "$repo_dir/bench/client/node_bench.cjs" "$peers" "$url" "$count" "$repeat" "$feed_count" \
    "$work" >"$work/node.tsv"
else
  log "node-postgres / drizzle-orm not installed (bench/npm_peers.sh): peer rows skipped"
  : >"$work/node.tsv"
fi

# The size column is the number of operations: N, or F for the feed.
cat "$work/native.tsv" "$work/node.tsv" | while IFS=$'\t' read -r case_name tool seconds; do
  size=$count
  [[ $case_name == client-feed* ]] && size=$feed_count
  printf '%s\t%s\t%s\t%s\t-\n' "$size" "$case_name" "$tool" "$seconds" >>"$results"
done

# Ratios against the goals (throughput ratio = libpq time / flick time; peer / flick the same way).
awk -F'\t' -v n="$count" -v f="$feed_count" '
  { t[$1 "/" $2] = $3 }
  END {
    split("client-select client-insert client-select-pipeline client-insert-pipeline " \
          "client-feed client-feed-prepared client-feed-relational", cases, " ")
    for (i = 1; i <= 7; i++) {
      c = cases[i]; goal = (c ~ /pipeline/) ? 0.9 : 0.95
      ops = (c ~ /^client-feed/) ? f : n
      if (t[c "/flick"] > 0 && t[c "/libpq"] > 0) {
        r = t[c "/libpq"] / t[c "/flick"]
        printf "%-24s flick %8.0f/s  libpq %8.0f/s  flick/libpq %.3f (goal >= %.2f: %s)\n", c,
               ops / t[c "/flick"], ops / t[c "/libpq"], r, goal, (r >= goal) ? "met" : "MISSED"
      } else if (t[c "/flick"] > 0) {
        printf "%-24s flick %8.0f/s\n", c, ops / t[c "/flick"]
      }
      if (!(t[c "/flick"] > 0)) continue
      for (p in t) if (index(p, c "/") == 1 && p !~ /\/(flick|libpq)$/) {
        r = t[p] / t[c "/flick"]
        printf "%-24s %-17s %8.0f/s  flick is %.2fx faster", c, substr(p, length(c) + 2),
               ops / t[p], r
        if (c == "client-feed" && p == c "/drizzle-orm-relational")
          printf " (goal >= 2.00: %s)", (r >= 2) ? "met" : "MISSED"
        printf "\n"
      }
    }
  }' "$work/native.tsv" "$work/node.tsv" >&2

# The feed's client CPU per query (medians; thread CPU for flick and libpq, process CPU for node):
# the server's share of the wall time hides it in the ratios above.
if [[ -s "$work/cpu.tsv" ]]; then
  awk -F'\t' '
    { us[$1 "/" $2] = $3; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
    END {
      for (i = 1; i <= k; i++) {
        c = order[i]
        line = sprintf("%-24s client CPU per query: flick %.0f us", c, us[c "/flick"])
        for (p in us) if (index(p, c "/") == 1 && p !~ /\/flick$/)
          line = line sprintf(", %s %.0f us (%.2fx flick)", substr(p, length(c) + 2), us[p],
                              us[p] / us[c "/flick"])
        print line
      }
    }' "$work/cpu.tsv" >&2
fi
