#!/usr/bin/env bash
# interop.sh FLICK_BINARY
# Checks drizzle-kit against a migration folder written by `flick generate`:
#   1. flick generate from ../drizzle-kit-folder-export.sql (drizzle-kit's DDL of step6.ts) into an
#      empty folder;
#   2. drizzle-kit check on that folder (must say "Everything's fine");
#   3. drizzle-kit generate with step6.ts over that folder (must say "No schema changes"; otherwise
#      the SQL drizzle-kit would write is printed - it names every difference it sees);
#   4. the same three steps with a Flick folder that continues drizzle's own folder: flick generate
#      over a copy of ../drizzle-kit-folder must add nothing.
# Also prints how flick's first migration differs from drizzle-kit's export text.
# drizzle-kit comes from $DRIZZLE_REF (default /tmp/drizzle-ref, installed as in make.sh).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 FLICK_BINARY" >&2
  exit 2
fi
flick=$(realpath "$1")
src_dir=$(cd "$(dirname "$0")" && pwd)
data_dir=$(dirname "$src_dir")
ref_dir=${DRIZZLE_REF:-/tmp/drizzle-ref}
kit="$ref_dir/node_modules/.bin/drizzle-kit"
if [[ ! -x "$kit" ]]; then
  mkdir -p "$ref_dir"
  (cd "$ref_dir" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
    npm i --no-audit --no-fund drizzle-kit@0.31 drizzle-orm pg >/dev/null)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ln -s "$ref_dir/node_modules" "$work/node_modules"
cp "$src_dir/drizzle.config.ts" "$work/"
cp "$src_dir/step6.ts" "$work/schema.ts"
cp "$data_dir/drizzle-kit-folder-export.sql" "$work/schema.sql"
failures=0

# drizzle_accepts: runs check and generate (step6.ts) over $work/drizzle.
drizzle_accepts() {
  local label=$1 out
  out=$(cd "$work" && "$kit" check 2>&1 </dev/null) || true
  if grep -q "Everything's fine" <<<"$out"; then
    echo "[$label] drizzle-kit check: Everything's fine"
  else
    echo "[$label] drizzle-kit check: FAILED"
    sed 's/^/    /' <<<"$out"
    failures=$((failures + 1))
  fi
  out=$(cd "$work" && "$kit" generate --name drizzle_sees 2>&1 </dev/null) || true
  if grep -q "No schema changes" <<<"$out"; then
    echo "[$label] drizzle-kit generate (step6.ts): No schema changes"
  else
    echo "[$label] drizzle-kit generate (step6.ts): FAILED - drizzle-kit sees changes:"
    if compgen -G "$work/drizzle/*_drizzle_sees.sql" >/dev/null; then
      sed 's/^/    /' "$work"/drizzle/*_drizzle_sees.sql
      echo
    else
      sed 's/^/    /' <<<"$out" | tail -20
    fi
    failures=$((failures + 1))
  fi
}

# 1-3: a fresh Flick folder.
if (cd "$work" && "$flick" generate --schema schema.sql --out drizzle --name flick_initial); then
  echo "[fresh] flick generate: wrote $(ls "$work/drizzle" | tr '\n' ' ')"
  sql=$(ls "$work"/drizzle/*_flick_initial.sql)
  if diff <(sed 's/--> statement-breakpoint//' "$sql" | grep -v '^$') \
    <(grep -v '^$' "$work/schema.sql") >"$work/export.diff"; then
    echo "[fresh] flick's first migration = drizzle-kit export (ignoring breakpoints/blank lines)"
  else
    echo "[fresh] flick's first migration differs from drizzle-kit export:"
    sed 's/^/    /' "$work/export.diff" | head -40
  fi
  drizzle_accepts fresh
else
  echo "[fresh] flick generate: FAILED"
  failures=$((failures + 1))
fi

# 4: Flick continuing drizzle-kit's own folder.
rm -rf "$work/drizzle"
cp -r "$data_dir/drizzle-kit-folder" "$work/drizzle"
if (cd "$work" && "$flick" generate --schema schema.sql --out drizzle --name flick_next); then
  if compgen -G "$work/drizzle/*_flick_next.sql" >/dev/null; then
    echo "[continue] flick generate over drizzle's folder: FAILED - wrote a migration:"
    sed 's/^/    /' "$work"/drizzle/*_flick_next.sql | head -40
    failures=$((failures + 1))
  else
    echo "[continue] flick generate over drizzle's folder: no changes"
  fi
  drizzle_accepts continue
else
  echo "[continue] flick generate over drizzle's folder: FAILED"
  failures=$((failures + 1))
fi

echo "interop: $failures failure(s)"
exit $((failures > 0))
