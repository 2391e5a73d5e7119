#!/usr/bin/env bash
# Regenerates the drizzle-kit reference data from step*.ts:
#   ../drizzle-kit-folder/             the migration folder written by `drizzle-kit generate`, one
#                                      migration per step (plus one --custom migration)
#   ../drizzle-kit-folder-export.sql   `drizzle-kit export` of the final step
# Needs node + npm. drizzle-kit is installed into $DRIZZLE_REF (default /tmp/drizzle-ref) when
# missing; nothing installed is ever written into the repository.
set -euo pipefail

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
cp "$src_dir/drizzle.config.ts" "$src_dir/drizzle.nobp.config.ts" "$work/"

# generate STEP_FILE NAME [drizzle-kit flags...]: makes STEP_FILE the schema and runs generate.
# stdin is /dev/null and a timeout guards it: a step that makes drizzle-kit prompt is a bug here.
generate() {
  local step=$1 name=$2
  shift 2
  cp "$src_dir/$step" "$work/schema.ts"
  echo "== $step -> $name $*"
  (cd "$work" && timeout 120 "$kit" generate --name "$name" "$@" </dev/null)
  # drizzle-kit exits 0 even when it fails (e.g. on a rename prompt without a TTY): check the file.
  if ! compgen -G "$work/drizzle/*_$name.sql" >/dev/null; then
    echo "make.sh: drizzle-kit wrote no migration for $step" >&2
    exit 1
  fi
}

generate step1.ts step1_all_features
generate step2.ts step2_columns
generate step3.ts step3_constraints_indexes
generate step3.ts custom_empty --custom
generate step4.ts step4_views_sequences_policies --config drizzle.nobp.config.ts
generate step5.ts step5_drops_new_schemas
generate step6.ts step6_new_table_drop_schema_enum

# export writes only the SQL to stdout (its config messages go to stderr).
(cd "$work" && "$kit" export --sql </dev/null) >"$work/export.sql"
cp "$work/export.sql" "$data_dir/drizzle-kit-folder-export.sql"

rm -rf "$data_dir/drizzle-kit-folder"
cp -r "$work/drizzle" "$data_dir/drizzle-kit-folder"
echo "wrote $data_dir/drizzle-kit-folder and drizzle-kit-folder-export.sql"
