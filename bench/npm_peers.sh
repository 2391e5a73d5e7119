#!/usr/bin/env bash
# bench/npm_peers.sh: installs the peers the benches compare against (drizzle-kit, drizzle-orm,
# pg) from the npm registry into bench/.drizzle/ (git-ignored) unless they are there. Exit 1, after
# saying why, when node/npm is missing or the registry is unreachable: the benches then run
# flick's side alone and mark the peer's rows "peer unavailable".
set -euo pipefail
drizzle_dir=$(cd "$(dirname "$0")" && pwd)/.drizzle
log() { echo "bench: $*" >&2; }
[[ -x "$drizzle_dir/node_modules/.bin/drizzle-kit" && -d "$drizzle_dir/node_modules/pg" ]] && exit 0
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "node/npm not found: the drizzle-kit / drizzle-orm / node-postgres comparisons are skipped"
  exit 1
fi
log "installing drizzle-kit, drizzle-orm and pg from npm into $drizzle_dir"
mkdir -p "$drizzle_dir"
[[ -f "$drizzle_dir/package.json" ]] ||
  echo '{ "name": "flick-bench-peers", "private": true }' >"$drizzle_dir/package.json"
npm_log=$(mktemp)
trap 'rm -f "$npm_log"' EXIT
if ! (cd "$drizzle_dir" && timeout 600 npm install --no-audit --no-fund drizzle-kit@0.31 \
  drizzle-orm@0.45 pg@8 >"$npm_log" 2>&1); then
  log "npm install failed (registry unreachable?): the peer comparisons are skipped"
  sed 's/^/  npm: /' "$npm_log" | tail -5 >&2
  exit 1
fi
