#!/usr/bin/env bash
# Shows that module_graph.sh passes on the real tree and catches what it is meant to catch, on
# copies of src/*/CMakeLists.txt and docs/architecture.md (the only files it reads):
#   - a link added in a CMakeLists.txt and not documented (model -> pg);
#   - a documented edge removed from the docs block;
#   - a cycle (pg linking client, which already links pg);
#   - the docs block missing.
# Usage: module_graph_test.sh [REPO_ROOT]   (default: the repository holding this script)
# Prints one PASS/FAIL line per case; exits 1 when any case fails.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=${1:-$(cd "$here/../.." && pwd)}
graph=$here/module_graph.sh
block_open='```text module-graph'

copies=()
cleanup() {
  local dir
  for dir in "${copies[@]}"; do rm -rf -- "$dir"; done
}
trap cleanup EXIT

failures=0

# pass NAME / fail NAME DETAIL
#   Print the case's verdict; fail also counts it and prints the module_graph.sh output it got.
pass() { echo "PASS: $1"; }
fail() {
  echo "FAIL: $1"
  printf '%s\n' "$2" | sed 's/^/    /'
  failures=$((failures + 1))
}

# copy_tree
#   Takes nothing. Makes a temporary directory (removed on exit), sets the global dir to it, and
#   copies src/*/CMakeLists.txt and docs/architecture.md of $root there, keeping their relative
#   paths.
copy_tree() {
  local list relative
  dir=$(mktemp -d "${TMPDIR:-/tmp}/module_graph_test.XXXXXX")
  copies+=("$dir")
  for list in "$root"/src/*/CMakeLists.txt; do
    relative=${list#"$root"/}
    mkdir -p "$dir/$(dirname "$relative")"
    cp "$list" "$dir/$relative"
  done
  mkdir -p "$dir/docs"
  cp "$root/docs/architecture.md" "$dir/docs/architecture.md"
}

# run_graph DIR
#   Takes a repository root. Runs module_graph.sh on it; sets the globals rc (its exit status) and
#   out (its stdout and stderr).
run_graph() {
  rc=0
  out=$(bash "$graph" "$1" 2>&1) || rc=$?
}

# expect_failure NAME PATTERN
#   Takes a case name and an extended regular expression. Passes the case when the last run_graph
#   exited 1 and its output matches PATTERN.
expect_failure() {
  if [[ $rc -ne 1 ]]; then
    fail "$1" "exit status $rc, expected 1; output:"$'\n'"$out"
  elif ! grep -Eq -- "$2" <<<"$out"; then
    fail "$1" "output does not match /$2/:"$'\n'"$out"
  else
    pass "$1"
  fi
}

# 1. The real tree matches its documentation.
run_graph "$root"
if [[ $rc -eq 0 ]]; then
  pass "the real tree matches docs/architecture.md ($out)"
else
  fail "the real tree matches docs/architecture.md" "exit status $rc; output:"$'\n'"$out"
fi

# 2. A link added in a CMakeLists.txt but not in the docs.
copy_tree
echo 'target_link_libraries(flick_model PRIVATE flick_pg)' >>"$dir/src/model/CMakeLists.txt"
run_graph "$dir"
expect_failure "an undocumented link is reported (model -> pg)" \
  'edge in the build, not in docs/architecture\.md: model -> pg'

# 3. An edge removed from the docs block: the last module of the block's first line that has one.
copy_tree
docs=$dir/docs/architecture.md
line=$(awk -v open="$block_open" '
  $0 == open { inside = 1; next }
  inside && /^```/ { exit }
  inside && $0 ~ /^[^:]+: *[^ ]/ { print; exit }' "$docs")
if [[ -z $line ]]; then
  fail "an edge missing from the docs is reported" "no line with an edge in the docs block"
else
  module=${line%%:*}
  dropped=${line##* }
  awk -v open="$block_open" -v line="$line" '
    $0 == open { inside = 1 }
    inside && $0 == line && !done { sub(/ *[^ ]+$/, ""); done = 1 }
    { print }' "$docs" >"$docs.new"
  mv "$docs.new" "$docs"
  run_graph "$dir"
  expect_failure "an edge missing from the docs is reported ($module -> $dropped)" \
    "edge in the build, not in docs/architecture\.md: $module -> $dropped\$"
fi

# 4. A cycle: client links flick_pg already; make pg link flick_client.
copy_tree
if ! grep -Eq '(^|[[:space:]])flick_pg([[:space:])]|$)' "$dir/src/client/CMakeLists.txt"; then
  fail "a cycle is reported" "src/client/CMakeLists.txt no longer links flick_pg; pick another edge"
else
  echo 'target_link_libraries(flick_pg PRIVATE flick_client)' >>"$dir/src/pg/CMakeLists.txt"
  run_graph "$dir"
  expect_failure "a cycle is reported (pg <-> client)" \
    'cycle.*(client -> pg -> client|pg -> client -> pg)'
fi

# 5. The docs block missing.
copy_tree
docs=$dir/docs/architecture.md
awk -v open="$block_open" '
  $0 == open { inside = 1; next }
  inside && /^```/ { inside = 0; next }
  !inside { print }' "$docs" >"$docs.new"
mv "$docs.new" "$docs"
run_graph "$dir"
expect_failure "a missing docs block is reported" 'no ```text module-graph block'

if ((failures > 0)); then
  echo "module_graph_test: $failures case(s) failed"
  exit 1
fi
echo "module_graph_test: all cases passed"
