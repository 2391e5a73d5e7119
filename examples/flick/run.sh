#!/usr/bin/env bash
# The main job of `make run`: the Flick app's schema files and migration folder, checked, kept in
# step, and applied to the embedded PostgreSQL (started on demand under examples/flick/.flick/pg),
# then the development data: the seed college and test users, and the admin from .env.
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
echo "== flick seed: Flick Test College and test1..3@flick.com"
"$flick" seed
echo
echo "== flick create-admin: ADMIN_EMAIL / ADMIN_PASSWORD from the environment or .env"
"$flick" create-admin
echo
echo "== flick docs: the schema wiki in examples/flick/docs (rewritten only when something changed)"
"$flick" docs
echo
echo "== flick status"
"$flick" status
echo
echo "== summary"
psql "$("$flick" db url)" -X -q -v ON_ERROR_STOP=1 -P footer=off <<'SQL'
SELECT count(*) AS tables FROM pg_tables WHERE schemaname = 'public';
SELECT a.email, p.username, p.status, a.email_verified AS verified, coalesce(a.role, 'user') AS role
  FROM auth a LEFT JOIN platform_user p ON p.auth_id = a.id
 ORDER BY a.role NULLS FIRST, a.email;
SQL
