#!/usr/bin/env bash
# bench/corpus/run.sh: how Flick handles real drizzle-kit migration folders.
#
# Usage: bench/corpus/run.sh [--flick PATH] [--results DIR] [--pg-bin DIR] [--timeout SECONDS]
#          [--ref-tx none|all] [--prelude FILE.sql] [--names NAME=FOLDER]... [FOLDER]...
#
# Starts ONE throwaway PostgreSQL 15 cluster for the whole run (initdb into a temp dir, a free
# port on 127.0.0.1, trust auth, fsync off; stopped and removed on exit), then for each folder:
#   1. flick check --json: findings by rule and severity; `not-understood` warnings (statements
#      the replay could not interpret) are counted separately;
#   2. migrations (journal entries) and statements (non-blank breakpoint chunks of their files);
#   3. flick migrate onto a scratch database db_flick: exit code and the first error line;
#   4. the drizzle-orm migrator's way onto db_ref: each journal entry's file split on the literal
#      `--> statement-breakpoint`, each non-blank chunk sent as ONE simple query (psql -c);
#      stops at the first failing chunk;
#   5. when both applied: pg_dump --schema-only of both (drizzle schema excluded) compared;
#   6. flick drift of db_flick against the last snapshot: number of changes it reports;
#   7. flick pull of (a copy of) db_flick into a fresh project, then flick generate there:
#      "No schema changes" or not.
# Prints a Markdown table (one row per folder) on stdout, progress on stderr, and keeps every
# output (check JSON, migrate output, dumps, diffs, the pulled project) under the results dir.
# The input folders are only read; a checksum taken before and after proves it.
# Needs: flick, PostgreSQL 15 server and client binaries, jq. Exit 0 when the run completed
# (whatever it found), 2 on bad usage or a missing tool.
set -euo pipefail

usage() {
  sed -n '4,5p' "$0" | sed 's/^# //' >&2
  exit 2
}
log() { echo "corpus: $*" >&2; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
flick_arg="$script_dir/../../build/tools/flick/flick"
results=""
pg_bin=/usr/lib/postgresql/15/bin
cmd_timeout=900
ref_tx=none
prelude=""
names=()
folders=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --flick) flick_arg=${2:?}; shift 2 ;;
    --results) results=${2:?}; shift 2 ;;
    --pg-bin) pg_bin=${2:?}; shift 2 ;;
    --timeout) cmd_timeout=${2:?}; shift 2 ;;
    --ref-tx) ref_tx=${2:?}; shift 2 ;;
    --prelude) prelude=$(realpath "${2:?}"); shift 2 ;;
    --names)
      [[ ${2:-} == *=* ]] || usage
      names+=("${2%%=*}"); folders+=("${2#*=}"); shift 2 ;;
    -h | --help) usage ;;
    -*) echo "unknown option $1" >&2; usage ;;
    *) names+=(""); folders+=("$1"); shift ;;
  esac
done
[[ ${#folders[@]} -gt 0 ]] || usage
[[ $ref_tx == none || $ref_tx == all ]] || usage

if ! command -v jq >/dev/null; then
  echo "corpus: jq is required (e.g. apt-get install jq); not installing it from here" >&2
  exit 2
fi
for tool in initdb pg_ctl psql createdb dropdb pg_dump; do
  [[ -x "$pg_bin/$tool" ]] || { echo "corpus: $pg_bin/$tool not found (--pg-bin)" >&2; exit 2; }
done
[[ -x "$flick_arg" ]] || { echo "corpus: flick not found at $flick_arg (--flick)" >&2; exit 2; }

work=$(mktemp -d -t flick-corpus-XXXXXX)
chmod 755 "$work"
# A private copy of the program (the launcher and flick-core beside it): a rebuild during the run
# must not mix two versions.
flick="$work/flick"
cp "$flick_arg" "$flick"
cp "$(dirname "$flick_arg")/flick-core" "$work/flick-core"
if [[ -z $results ]]; then
  results=$(mktemp -d -t flick-corpus-results-XXXXXX)
fi
mkdir -p "$results"
results=$(cd "$results" && pwd)

# --- the throwaway cluster -------------------------------------------------------------------
pgdir="$work/pg"
mkdir -p "$pgdir"
as_pg() {
  # initdb and postgres refuse to run as root: as root, run them as the postgres system user.
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$pgdir"

cleanup() {
  if [[ -f "$pgdir/data/postmaster.pid" ]]; then
    as_pg "$pg_bin/pg_ctl" stop -D "$pgdir/data" -m fast -w -s >/dev/null 2>&1 ||
      as_pg "$pg_bin/pg_ctl" stop -D "$pgdir/data" -m immediate -w -s >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
    return
  fi
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    # Nothing answers a connection: free (pg_ctl start retries if it was taken meanwhile).
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  return 1
}

log "initdb in $pgdir/data"
as_pg "$pg_bin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync \
  >"$pgdir/initdb.log" 2>&1 || { cat "$pgdir/initdb.log" >&2; exit 1; }
started=0
for _ in 1 2 3; do
  port=$(free_port)
  as_pg tee -a "$pgdir/data/postgresql.conf" >/dev/null <<EOF
# bench/corpus/run.sh: a throwaway cluster, durability off.
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pgdir'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  if as_pg "$pg_bin/pg_ctl" start -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 -s; then
    started=1
    break
  fi
done
[[ $started -eq 1 ]] || { tail -20 "$pgdir/server.log" >&2; exit 1; }
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres
unset PGDATABASE PGPASSWORD PGSERVICE DATABASE_URL
server_url="postgres://postgres@127.0.0.1:$port"
log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$pg_bin/createdb" corpus_template
if [[ -n $prelude ]]; then
  log "prelude $prelude in every scratch database"
  "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -d corpus_template -f "$prelude" >/dev/null
fi

# --- helpers -----------------------------------------------------------------------------------
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# A Markdown cell: no pipes or newlines, at most 140 characters.
cell() {
  local text=${1//|/\\|}
  text=${text//$'\n'/ }
  [[ ${#text} -gt 140 ]] && text="${text:0:137}..."
  printf '%s' "$text"
}
folder_sum() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum); }
# Every scratch database is a copy of corpus_template (template1 plus the --prelude SQL).
recreate_db() {
  "$pg_bin/dropdb" --if-exists --force "$1" >/dev/null 2>&1 || true
  "$pg_bin/createdb" -T corpus_template "$1"
}
drop_dbs() {
  for db in db_flick db_ref db_pull; do
    "$pg_bin/dropdb" --if-exists --force "$db" >/dev/null 2>&1 || true
  done
}
# Roles are cluster-wide: the roles a folder's migrations create are dropped (after the
# databases that use them) before the next apply, or its CREATE ROLE would fail.
roles() { "$pg_bin/psql" -X -At -d postgres -c 'SELECT rolname FROM pg_roles ORDER BY 1'; }
drop_new_roles() {
  local role
  while IFS= read -r role; do
    [[ -n $role ]] || continue
    printf 'DROP ROLE :"role";\n' |
      "$pg_bin/psql" -X -q -d postgres -v role="$role" -f - >/dev/null 2>&1 ||
      log "could not drop role $role created by the migrations"
  done < <(comm -13 <(echo "$1") <(roles))
}
dump_schema() {
  # pg_dump lines that differ between two equal schemas: comments, blanks, \restrict keys.
  "$pg_bin/pg_dump" --schema-only --no-owner --no-privileges --exclude-schema=drizzle -d "$1" |
    grep -v -e '^--' -e '^[[:space:]]*$' -e '^\\restrict' -e '^\\unrestrict' || true
}
# The drizzle-orm migrator, statement for statement: readMigrationFiles reads every journal
# entry's file (failing before anything runs when one is missing) and splits it on the literal
# '--> statement-breakpoint' wherever it appears; migrate() sends each chunk as one simple-query
# message on one connection. Here: one psql session (so a SET in one chunk holds for the next,
# as on drizzle-orm's connection) in which every non-blank chunk is sent by \gexec, which also
# sends its text as ONE simple query (base64 in the script, so no quoting or size limit); psql
# stops at the first failing chunk, and the last "@@chunk" marker names it. drizzle-orm wraps the
# whole run in ONE transaction; by default (--ref-tx none) each chunk commits on its own
# instead, so statements PostgreSQL refuses in a transaction block (CREATE INDEX CONCURRENTLY,
# using an enum value added earlier in the run) pass here where drizzle-orm fails; --ref-tx all
# wraps the run in BEGIN/COMMIT like drizzle-orm. Blank chunks (an empty query to the server)
# are skipped. Writes TAG COUNT lines (non-blank chunks per file) to $3; prints "ok" or
# "FILE chunk N: message".
ref_apply() {
  local folder=$1 db=$2 counts=$3 logs=$4 script="$work/ref-apply.psql" tag failure="" last
  {
    echo '\o /dev/null'
    echo '\set ON_ERROR_STOP 1'
    if [[ $ref_tx == all ]]; then echo 'BEGIN;'; fi
    while IFS= read -r tag; do
      if [[ ! -f "$folder/$tag.sql" ]]; then
        [[ -n $failure ]] || failure="$tag.sql: no such file (drizzle-orm reads every file first: nothing applied)"
        continue
      fi
      # shellcheck disable=SC2016 # jq's \(...), not the shell's
      jq -Rrs --arg tag "$tag" 'split("--> statement-breakpoint") | to_entries[]
        | select(.value | test("\\S"))
        | "\\echo @@chunk \($tag) \(.key + 1)\nSELECT convert_from(decode(\u0027\(.value | @base64)\u0027, \u0027base64\u0027), \u0027UTF8\u0027) \\gexec"' \
        "$folder/$tag.sql"
    done < <(jq -r '.entries[].tag' "$folder/meta/_journal.json")
    if [[ $ref_tx == all ]]; then echo 'COMMIT;'; fi
  } >"$script"
  grep '^\\echo @@chunk ' "$script" | awk '{ n[$3]++ } END { for (t in n) print t, n[t] }' | sort >"$counts"
  if [[ -n $failure ]]; then
    echo "$failure"
    return
  fi
  if "$pg_bin/psql" -X -q -d "$db" -f "$script" >"$logs.out" 2>"$logs.err"; then
    echo ok
  else
    last=$(grep '^@@chunk ' "$logs.out" | tail -1)
    read -r _ tag n <<<"$last"
    echo "$tag.sql chunk $n: $(grep -m1 -E 'ERROR|FATAL' "$logs.err" | sed -E 's/^psql:[^ ]* //; s/^(ERROR|FATAL): +//')"
  fi
}

# --- per folder --------------------------------------------------------------------------------
summary="$results/summary.md"
header='| folder | migrations | statements | errors | warnings | findings by rule | not understood | migrate (flick) | drizzle-orm apply | migrate equal | drift lines | pull→generate clean | seconds |'
{
  echo "$header"
  echo '|---|---:|---:|---:|---:|---|---:|---|---|---|---:|---|---:|'
} | tee "$summary"

for i in "${!folders[@]}"; do
  folder=$(cd "${folders[$i]}" && pwd)
  name=${names[$i]}
  if [[ -z $name ]]; then
    name=${folder#/work/corpus/}
    [[ $name == "$folder" ]] && name="$(basename "$(dirname "$folder")")/$(basename "$folder")"
  fi
  slug=${name//[^A-Za-z0-9._+-]/_}
  out="$results/$slug"
  rm -rf "$out"
  mkdir -p "$out"
  scratch="$work/run-$i" # the working directory of every flick command: no flick.toml there
  mkdir -p "$scratch"
  t0=$(now)
  log "== $name ($folder)"
  before_sum=$(folder_sum "$folder")
  : >"$out/timings.tsv"
  step() { echo -e "$1\t$(elapsed "$2")" >>"$out/timings.tsv"; }

  # 1. check
  ts=$(now)
  check_rc=0
  (cd "$scratch" && timeout "$cmd_timeout" "$flick" check --out "$folder" --json) \
    >"$out/check.json" 2>"$out/check.err" || check_rc=$?
  step check "$ts"
  if jq -e '.findings' "$out/check.json" >/dev/null 2>&1; then
    errors=$(jq '[.findings[] | select(.severity == "error")] | length' "$out/check.json")
    warnings=$(jq '[.findings[] | select(.severity == "warning")] | length' "$out/check.json")
    not_understood=$(jq '[.findings[] | select(.rule == "not-understood")] | length' "$out/check.json")
    by_rule=$(jq -r '[.findings[] | "\(.rule)(\(.severity[0:1] | ascii_upcase))"]
      | group_by(.) | map({k: .[0], n: length}) | sort_by(-.n)
      | map("\(.k)=\(.n)") | join(", ")' "$out/check.json")
    jq -r '.findings[] | "\(.severity)\t\(.rule)\t\(.file):\(.line)\t\(.message | split("\n")[0])"' \
      "$out/check.json" >"$out/check.tsv"
  else
    errors="exit $check_rc"; warnings="?"; not_understood="?"
    by_rule="no JSON: $(head -1 "$out/check.err")"
  fi

  # 2 + 4. the drizzle-orm way (also counts the statements)
  ts=$(now)
  migrations=$(jq '.entries | length' "$folder/meta/_journal.json")
  roles_before=$(roles)
  recreate_db db_ref
  ref=$(ref_apply "$folder" db_ref "$out/statements.txt" "$out/ref-apply")
  statements=$(awk '{ s += $2 } END { print s + 0 }' "$out/statements.txt")
  echo "$ref" >"$out/ref-apply.txt"
  [[ $ref != ok ]] || dump_schema db_ref >"$out/dump-ref.sql"
  "$pg_bin/dropdb" --force db_ref
  drop_new_roles "$roles_before"
  step ref-apply "$ts"

  # 3. flick migrate
  ts=$(now)
  recreate_db db_flick
  migrate_rc=0
  (cd "$scratch" && timeout "$cmd_timeout" "$flick" migrate --out "$folder" --url "$server_url/db_flick") \
    >"$out/migrate.out" 2>"$out/migrate.err" || migrate_rc=$?
  step migrate "$ts"
  if [[ $migrate_rc -eq 0 ]]; then
    migrate="ok"
  else
    # "Error: FILE failed at statement N (line L):" then PostgreSQL's "ERROR:  message".
    first=$(grep -m1 . "$out/migrate.err" | sed -e 's/^[Ee]rror: //' -e 's/:$//' || true)
    pg_error=$(grep -m1 -E '^ *ERROR: ' "$out/migrate.err" | sed -e 's/^ *ERROR: *//' || true)
    migrate="exit $migrate_rc: $first${pg_error:+: $pg_error}"
  fi

  # 5. migrate equal
  ts=$(now)
  if [[ $ref != ok ]]; then
    equal="n/a (drizzle-orm fails at ${ref%% chunk*})"
  elif [[ $migrate_rc -ne 0 ]]; then
    equal="n/a (flick migrate failed)"
  else
    dump_schema db_flick >"$out/dump-flick.sql"
    if diff -u "$out/dump-ref.sql" "$out/dump-flick.sql" >"$out/migrate-equal.diff"; then
      equal="yes"
      rm -f "$out/migrate-equal.diff"
    else
      equal="no ($(grep -c '^[-+][^-+]' "$out/migrate-equal.diff") lines differ)"
      log "migrate differs from the drizzle-orm apply; first lines of $out/migrate-equal.diff:"
      sed -n '3,14p' "$out/migrate-equal.diff" >&2
    fi
  fi
  step compare "$ts"

  # 6. drift against the last snapshot (text for people, JSON for the count)
  ts=$(now)
  if [[ $migrate_rc -eq 0 ]]; then
    drift_rc=0
    (cd "$scratch" && timeout "$cmd_timeout" "$flick" drift --out "$folder" --url "$server_url/db_flick") \
      >"$out/drift.txt" 2>"$out/drift.err" || drift_rc=$?
    (cd "$scratch" && timeout "$cmd_timeout" "$flick" drift --out "$folder" --url "$server_url/db_flick" --json) \
      >"$out/drift.json" 2>/dev/null || true
    if jq -e '.changes' "$out/drift.json" >/dev/null 2>&1; then
      drift=$(jq '.changes | length' "$out/drift.json")
    else
      drift="exit $drift_rc: $(grep -m1 . "$out/drift.err" || true)"
    fi
  else
    drift="n/a"
  fi
  step drift "$ts"

  # 7. pull -> generate, on a copy of db_flick (pull records its baseline in the database)
  ts=$(now)
  if [[ $migrate_rc -eq 0 ]]; then
    "$pg_bin/dropdb" --if-exists db_pull 2>/dev/null
    "$pg_bin/createdb" -T db_flick db_pull
    project="$out/pull-project"
    mkdir -p "$project"
    printf 'dialect = "postgresql"\nschema = "schema/*.sql"\nout = "drizzle"\n\n[dbCredentials]\nurl = "%s"\n' \
      "$server_url/db_pull" >"$project/flick.toml"
    pull_rc=0
    (cd "$project" && timeout "$cmd_timeout" "$flick" pull) >"$out/pull.out" 2>"$out/pull.err" || pull_rc=$?
    if [[ $pull_rc -ne 0 ]]; then
      pullgen="no: pull exit $pull_rc: $(grep -m1 . "$out/pull.err" || true)"
    else
      gen_rc=0
      (cd "$project" && timeout "$cmd_timeout" "$flick" generate --name corpus_check) \
        >"$out/generate.out" 2>"$out/generate.err" || gen_rc=$?
      if grep -q 'No schema changes' "$out/generate.out" "$out/generate.err"; then
        pullgen="yes"
      elif [[ $gen_rc -ne 0 ]]; then
        pullgen="no: generate exit $gen_rc: $(grep -m1 . "$out/generate.err" || true)"
      else
        written=$(find "$project/drizzle" -maxdepth 1 -name '*corpus_check.sql' | head -1)
        pullgen="no ($( [[ -n $written ]] && grep -c . "$written" || echo '?') lines generated)"
      fi
    fi
  else
    pullgen="n/a"
  fi
  step pull-generate "$ts"

  drop_dbs
  drop_new_roles "$roles_before"
  rm -rf "$scratch"
  after_sum=$(folder_sum "$folder")
  if [[ $before_sum != "$after_sum" ]]; then
    log "WARNING: $folder changed during the run"
    migrate="$migrate (FOLDER MODIFIED)"
  fi
  seconds=$(elapsed "$t0")
  row="| $(cell "$name") | $migrations | $statements | $errors | $warnings | $(cell "$by_rule") | $not_understood | $(cell "$migrate") | $(cell "$ref") | $(cell "$equal") | $(cell "$drift") | $(cell "$pullgen") | $seconds |"
  echo "$row" | tee -a "$summary"
  log "$name: ${seconds}s ($(tr '\t\n' '= ' <"$out/timings.tsv"))"
done

log "details in $results (summary.md, one directory per folder)"
