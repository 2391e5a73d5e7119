#!/bin/sh
# Checks every golden case against a real PostgreSQL: applies from.sql, data.sql (rows that must
# survive the migration, when present) and expected.sql to one
# database and to.sql to another, and compares their schemas (pg_dump --schema-only, with
# column order ignored inside each CREATE TABLE); check.sql, when present, asserts the data
# afterwards (it raises an error when a row did not survive). A case whose SQL fails, or whose result
# differs from to.sql, is reported.
# Usage: verify_on_postgres.sh [case...]   (env: PGHOST, PGPORT, PGUSER as for psql)
set -u
here=$(cd "$(dirname "$0")" && pwd)
cases=${*:-$(ls "$here/cases")}
status=0
psql_quiet() { psql -X -q -v ON_ERROR_STOP=1 "$@" >/dev/null; }
normalised_dump() {
  # Sort the lines of each CREATE TABLE body (added columns land last), drop comment lines.
  pg_dump -s -O -x "$1" | grep -v '^--' | grep -v '^SET ' | grep -v '^.\(un\)\{0,1\}restrict' | grep -v '^SELECT pg_catalog' |
    awk '/^CREATE TABLE/ {print; body=1; n=0; next}
         body && /^\);/ {for (i = 1; i <= n; i++) { sub(/,$/, "", rows[i]); print rows[i] | "sort" };
                         close("sort"); print; body=0; next}
         body {rows[++n]=$0; next}
         {print}' | sed '/^$/d'
}
for name in $cases; do
  dir="$here/cases/$name"
  [ -f "$dir/error" ] && continue
  for db in h3_from h3_to; do
    dropdb --if-exists "$db" 2>/dev/null
    createdb "$db"
  done
  if ! psql_quiet -d h3_from -f "$dir/from.sql"; then
    echo "FAIL $name: from.sql does not run"; status=1; continue
  fi
  if [ -f "$dir/data.sql" ] && ! psql_quiet -d h3_from -f "$dir/data.sql"; then
    echo "FAIL $name: data.sql does not run"; status=1; continue
  fi
  if ! psql_quiet -d h3_from -f "$dir/expected.sql"; then
    echo "FAIL $name: expected.sql does not run"; status=1; continue
  fi
  psql_quiet -d h3_to -f "$dir/to.sql" || { echo "FAIL $name: to.sql does not run"; status=1; continue; }
  if [ -f "$dir/check.sql" ] && ! psql_quiet -d h3_from -f "$dir/check.sql"; then
    echo "FAIL $name: check.sql (data after migration) failed"; status=1; continue
  fi
  if normalised_dump h3_from > /tmp/h3_from.dump && normalised_dump h3_to > /tmp/h3_to.dump &&
     diff -u /tmp/h3_to.dump /tmp/h3_from.dump > /tmp/h3_schema.diff; then
    echo "ok   $name"
  else
    echo "DIFF $name: migrated schema differs from to.sql:"; sed 's/^/     /' /tmp/h3_schema.diff
    status=1
  fi
done
exit $status
