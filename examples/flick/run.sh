#!/usr/bin/env bash
# The main job of `make run` on the embedded example: the Flick app's schema files, its migration
# folder, checked and kept in step with the schema. Usage: examples/flick/run.sh PATH/TO/flick
set -euo pipefail
flick=$(realpath "$1")
cd "$(dirname "$0")"

echo "== flick check: the migration folder is consistent and matches the schema files"
"$flick" check
echo
echo "== flick generate: a migration only if the schema files changed"
"$flick" generate
echo
echo "== flick export: the full DDL of the schema files (first 25 lines)"
"$flick" export | head -n 25
