#!/usr/bin/env bash
# bench/fleet/fleet_bench.sh BUILD_DIR
#
# `flick migrate --fleet` on BENCH_FLEET_TARGETS databases (default 200) of one embedded PostgreSQL
# 15 (`flick db start` in a temp project: fsync on) with a folder of 20 small migrations (a table
# with a serial key and an index each), at --parallel 1, 4, 8 and 16 in the same run. Before each
# run every target is emptied (its public and drizzle schemas dropped), so each run applies all
# 20 migrations to all targets. Per parallelism: wall time (median of BENCH_FLEET_REPEAT runs),
# targets and migrations per second, flick's own CPU and peak RSS, the server's CPU (the
# postmaster's reaped children, from /proc) as a share of the machine, and the most connections
# the fleet held at once (pg_stat_activity sampled every 20 ms; must never exceed --parallel).
# Writes a Markdown section to BUILD_DIR/bench-fleet.md (bench/run.sh appends it to the page).
# Exit 1 when a run fails, a target did not converge, or more connections than --parallel were
# seen.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
flick="$build_dir/tools/flick/flick"
targets=${BENCH_FLEET_TARGETS:-200}
migrations=20
repeat=${BENCH_FLEET_REPEAT:-3}
levels=${BENCH_FLEET_PARALLEL:-"1 4 8 16"}
section="$build_dir/bench-fleet.md"
log() { echo "bench-fleet: $*" >&2; }

[[ -x "$flick" ]] || cmake --build "$build_dir" --target flick -j"$(nproc)" >&2
command -v psql >/dev/null || { log "psql is required"; exit 1; }

work=$(mktemp -d)
[[ $(id -u) -eq 0 ]] && chmod 755 "$work"
sampler=""
cleanup() {
  [[ -n $sampler ]] && kill "$sampler" 2>/dev/null || true
  "$flick" db stop --config "$work/flick.toml" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

printf 'dialect = "postgresql"\nout = "drizzle"\n' >"$work/flick.toml"
"$flick" db start --config "$work/flick.toml" >/dev/null
base_url=$("$flick" db url --config "$work/flick.toml")
server_url=${base_url%/*}
postmaster=$(head -1 "$work/.flick/pg/data/postmaster.pid" 2>/dev/null ||
  head -1 "$(readlink -f "$work/.flick/pg")/data/postmaster.pid")

# The folder.
mkdir -p "$work/drizzle/meta"
{
  printf '{\n  "version": "7",\n  "dialect": "postgresql",\n  "entries": ['
  for ((i = 0; i < migrations; i++)); do
    tag=$(printf '%04d_m' "$i")
    printf 'CREATE TABLE "t%04d" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"name" text NOT NULL\n);\n--> statement-breakpoint\nCREATE INDEX "t%04d_name_idx" ON "t%04d" USING btree ("name");' \
      "$i" "$i" "$i" >"$work/drizzle/$tag.sql"
    ((i > 0)) && printf ','
    printf '\n    {"idx": %d, "version": "7", "when": %d, "tag": "%s", "breakpoints": true}' \
      "$i" $((1700000000000 + i * 1000)) "$tag"
  done
  printf '\n  ]\n}\n'
} >"$work/drizzle/meta/_journal.json"

# The targets: fleet_000 ... in flick.toml.
log "creating $targets databases"
{
  for ((i = 0; i < targets; i++)); do
    printf 'DROP DATABASE IF EXISTS fleet_%03d;\nCREATE DATABASE fleet_%03d;\n' "$i" "$i"
  done
} | PGOPTIONS="-c client_min_messages=warning" psql -q -X "$server_url/postgres" >/dev/null
{
  printf 'dialect = "postgresql"\nout = "drizzle"\n[fleet]\ntargets = [\n'
  for ((i = 0; i < targets; i++)); do
    printf '  { name = "t%03d", url = "%s/fleet_%03d" },\n' "$i" "$server_url" "$i"
  done
  printf ']\n'
} >"$work/fleet.toml"

reset_targets() {
  for ((i = 0; i < targets; i++)); do
    PGOPTIONS="-c client_min_messages=warning" psql -q -X "$server_url/fleet_$(printf %03d "$i")" \
      -c 'DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public' \
      >/dev/null
  done
}
# utime + stime + cutime + cstime of the postmaster, in clock ticks: the server's CPU, backends
# included once they exited (the postmaster reaps them).
server_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"; }
ticks_per_s=$(getconf CLK_TCK)
cores=$(nproc)
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

failed=0
rows=""
for parallel in $levels; do
  walls=() cpus=() server_cpus=() rss=() peaks=()
  for ((r = 0; r < repeat; r++)); do
    reset_targets
    # The most fleet connections open at once.
    (
      peak=0
      while :; do
        n=$(psql -X -At "$server_url/postgres" -c \
          "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'flick fleet'" 2>/dev/null || echo 0)
        ((n > peak)) && peak=$n && echo "$peak" >"$work/peak"
        sleep 0.02
      done
    ) &
    sampler=$!
    echo 0 >"$work/peak"
    before=$(server_ticks)
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$work/time" "$flick" migrate --fleet --parallel "$parallel" \
      --config "$work/fleet.toml" >"$work/out" 2>&1 || { log "migrate --fleet failed: $(tail -3 "$work/out")"; failed=1; }
    wall_ms=$((($(date +%s%N) - start) / 1000000))
    after=$(server_ticks)
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    sampler=""
    grep -q "fleet: $targets targets: $targets converged ($targets applied" "$work/out" ||
      { log "not every target converged: $(tail -2 "$work/out")"; failed=1; }
    walls+=("$wall_ms")
    read -r user sys kb <"$work/time"
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
    rss+=("$kb")
    server_cpus+=("$(awk -v a="$after" -v b="$before" -v t="$ticks_per_s" 'BEGIN { printf "%.2f", (a - b) / t }')")
    peaks+=("$(cat "$work/peak")")
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  server=$(printf '%s\n' "${server_cpus[@]}" | median)
  kb=$(printf '%s\n' "${rss[@]}" | median)
  peak=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
  ((peak > parallel)) && { log "parallel $parallel: $peak connections seen at once"; failed=1; }
  row=$(awk -v p="$parallel" -v w="$wall" -v n="$targets" -v m="$migrations" -v c="$cpu" \
    -v s="$server" -v k="$kb" -v x="$peak" -v cores="$cores" 'BEGIN {
      secs = w / 1000
      printf "| %d | %.2f s | %.1f | %.0f | %.2f s | %.1f MB | %.2f s (%.0f%% of %d cores) | %d |", \
        p, secs, n / secs, n * m / secs, c, k / 1024, s, 100 * s / secs / cores, cores, x }')
  log "$row"
  rows+="$row"$'\n'
done

{
  echo "### migrate --fleet: $targets targets × $migrations migrations"
  echo
  echo "One embedded PostgreSQL 15 on this machine (fsync on), $targets databases, each emptied before"
  echo "every run so each run applies all $migrations migrations (a table and an index each, a"
  echo "transaction and a bookkeeping row per migration) to every target. Medians of $repeat runs."
  echo "Server CPU is the postmaster's and its exited backends' user + system time; connections is"
  echo "the most \`flick fleet\` sessions pg_stat_activity showed at once (sampled every 20 ms)."
  echo
  echo "| --parallel | wall | targets/s | migrations/s | flick CPU | flick peak RSS | server CPU | connections |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s' "$rows"
} >"$section"
log "wrote $section"
exit "$failed"
