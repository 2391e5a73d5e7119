#!/usr/bin/env bash
# The main job of `make run`: the Flick app's schema files and migration folder, checked, kept in
# step, and applied to the embedded PostgreSQL (started on demand under examples/flick/.flick/pg).
# Safe to run again: nothing changes the second time. Usage: examples/flick/run.sh PATH/TO/flick
set -euo pipefail
flick=$(realpath "$1")
cd "$(dirname "$0")"

echo "== flick check: the migration folder is consistent and matches the schema files"
"$flick" check
echo
echo "== flick generate: a new migration only if the schema files changed"
"$flick" generate
echo
echo "== flick migrate: apply pending migrations to the embedded PostgreSQL"
"$flick" migrate
echo
echo "== flick status"
"$flick" status
echo
echo "== flick db status"
"$flick" db status
