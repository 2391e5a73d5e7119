#!/usr/bin/env bash
# Flick installs as a library: `cmake --install` into a fresh prefix, check what was installed
# (the CLI, self-contained public headers, pkg-config files), then build examples/consumer against
# that prefix alone (find_package(flick), flick_codegen) and run it on a throwaway PostgreSQL
# started by the installed `flick db start`.
#
# Usage: consumer_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR SOURCE_DIR" >&2
  exit 2
fi
build_dir=$(realpath "$1")
source_dir=$(realpath "$2")
consumer_source=$source_dir/examples/consumer

step() { echo "== install.consumer_project: $*"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
# Runs a command with its output in a log file; prints the log when it fails.
quietly() {
  local log=$1
  shift
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    fail "command failed: $*"
  fi
}

prefix=$(realpath "$(mktemp -d)")
work=$(realpath "$(mktemp -d)")
project=$work/project
flick=$prefix/bin/flick
cluster_started=0

cleanup() {
  local status=$?
  if [[ $cluster_started == 1 ]]; then
    step "flick db stop"
    # As root the cluster lives under /var/tmp and .flick/pg is a symbolic link to it.
    local cluster_dir=""
    if [[ -L $project/.flick/pg ]]; then cluster_dir=$(readlink -f "$project/.flick/pg"); fi
    (cd "$project" && "$flick" db stop) || echo "warning: flick db stop failed" >&2
    if [[ -n $cluster_dir && $cluster_dir == /var/tmp/flick-pg-* ]]; then rm -rf "$cluster_dir"; fi
  fi
  rm -rf "$prefix" "$work"
  exit "$status"
}
trap cleanup EXIT

# ---- install --------------------------------------------------------------------------------------

step "cmake --install $build_dir --prefix $prefix"
quietly "$work/install.log" cmake --install "$build_dir" --prefix "$prefix"

step "the installed CLI runs from /"
[[ -x $flick ]] || fail "$flick was not installed"
# flick is the launcher; the program it starts is installed beside it.
[[ -x $(dirname "$flick")/flick-core ]] || fail "flick-core was not installed beside $flick"
version=$(cd / && "$flick" --version) || fail "$flick --version failed"
echo "   $version"

# ---- installed headers ----------------------------------------------------------------------------

step "installed headers include no private header"
include_dir=$prefix/include
[[ -f $include_dir/flick/client.hpp ]] || fail "flick/client.hpp was not installed"
[[ -f $include_dir/flick/toolkit.hpp ]] || fail "flick/toolkit.hpp was not installed"
if private=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*["<][^">]*(src/|internal)' \
  "$include_dir"); then
  echo "$private" >&2
  fail "installed headers include private headers"
fi

step "every header an installed header includes is installed"
headers=0
missing=0
while IFS= read -r -d '' header; do
  headers=$((headers + 1))
  while IFS= read -r included; do
    delimiter=${included:0:1}
    name=${included:1:${#included}-2}
    if [[ $delimiter == '"' ]]; then
      # A quoted include resolves beside the including file, then on the include path.
      [[ -f $(dirname "$header")/$name || -f $include_dir/$name ]] && continue
    elif [[ $name == flick/* ]]; then
      [[ -f $include_dir/$name ]] && continue
    else
      continue  # the standard library or a dependency
    fi
    echo "   ${header#"$include_dir/"} includes $included, which is not installed" >&2
    missing=$((missing + 1))
  done < <(sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*(["<][^">]+[">]).*/\1/p' \
    "$header")
done < <(find "$include_dir" -type f -print0)
[[ $missing == 0 ]] || fail "$missing includes of headers that are not installed"
echo "   $headers headers checked"

# ---- pkg-config -----------------------------------------------------------------------------------

for module in flick-client flick-toolkit; do
  step "pkg-config --cflags --libs $module"
  flags=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib64/pkgconfig:$prefix/share/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" \
    pkg-config --cflags --libs "$module") || fail "pkg-config cannot use $module"
  [[ $flags == *"$prefix"* ]] || fail "pkg-config $module does not point into $prefix: $flags"
  echo "   $flags"
done

step "a program built with nothing but pkg-config's flags for flick-client"
cat >"$work/pkg_client.cpp" <<'CPP'
#include <flick/client.hpp>
#include <iostream>
int main() {
  flick::client::Params params(42, std::string("x"));
  std::cout << params.size() << "\n";
  return params.size() == 2 ? 0 : 1;
}
CPP
# shellcheck disable=SC2046
quietly "$work/pkg_client.log" g++ -std=c++20 "$work/pkg_client.cpp" -o "$work/pkg_client" \
  $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib64/pkgconfig" pkg-config --cflags --libs flick-client)
[[ $("$work/pkg_client") == 2 ]] || fail "the pkg-config built program did not run"

# ---- the consumer project -------------------------------------------------------------------------

step "configure examples/consumer against $prefix"
configure=(cmake -S "$consumer_source" -B "$work/build" -DCMAKE_PREFIX_PATH="$prefix"
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
  # Only the prefix: not the build tree through CMake's user package registry.
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
# The compiler and configuration the library was built with.
cache=$build_dir/CMakeCache.txt
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$cache" 2>/dev/null || true)
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache" 2>/dev/null || true)
[[ -n $compiler ]] && configure+=(-DCMAKE_CXX_COMPILER="$compiler")
[[ -n $build_type ]] && configure+=(-DCMAKE_BUILD_TYPE="$build_type")
if command -v ccache >/dev/null; then configure+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
quietly "$work/configure.log" "${configure[@]}"
flick_dir=$(sed -n 's/^flick_DIR:[A-Z]*=//p' "$work/build/CMakeCache.txt")
[[ $flick_dir == "$prefix"/* ]] || fail "find_package(flick) found $flick_dir, not the package in $prefix"
echo "   flick_DIR=$flick_dir"

step "build examples/consumer"
quietly "$work/build.log" cmake --build "$work/build" --parallel 2
shop=$work/build/shop
[[ -x $shop ]] || fail "the build wrote no $shop"
schema_header=$(find "$work/build" -path '*/shop/schema.hpp' -print -quit)
[[ -n $schema_header ]] || fail "flick_codegen wrote no shop/schema.hpp in the build directory"
grep -q 'struct OrdersRow' "$schema_header" || fail "$schema_header has no OrdersRow"
echo "   ${schema_header#"$work/build/"} generated"
# Headers and libraries come from the prefix only, never from the source or build tree.
if leaks=$(grep -oE "(-I|-isystem )?($build_dir|$source_dir/include|$source_dir/src)[^ \"]*" \
  "$work/build/compile_commands.json"); then
  echo "$leaks" >&2
  fail "the consumer build uses the Flick source or build tree"
fi
if leaks=$(grep -rhoE "$build_dir/[^ \"]*" "$work/build" --include='*.make' --include='*.txt' \
  --include='build.ninja'); then
  echo "$leaks" | sort -u >&2
  fail "the consumer build refers to Flick's build tree"
fi

# ---- run it on a throwaway database ---------------------------------------------------------------

step "project directory with flick.toml, schema/ and drizzle/"
mkdir -p "$project"
cp "$consumer_source/flick.toml" "$project/"
cp -R "$consumer_source/schema" "$consumer_source/drizzle" "$project/"

step "flick db start (installed CLI)"
cluster_started=1
(cd "$project" && "$flick" db start) | sed 's/^/   /'
url=$(cd "$project" && "$flick" db url)
[[ $url == postgresql://* ]] || fail "flick db url printed '$url'"
echo "   $url"

step "shop $project/flick.toml $url"
set +e
output=$("$shop" "$project/flick.toml" "$url" 2>&1)
status=$?
set -e
echo "$output" | sed 's/^/   /'
[[ $status == 0 ]] || fail "shop exited $status"
grep -qx 'shop: ok' <<<"$output" || fail "shop did not print 'shop: ok'"

step "drizzle.__drizzle_migrations has 2 rows"
psql_value() { psql "$url" -X -A -t -q -v ON_ERROR_STOP=1 -c "$1"; }
migrations=$(psql_value 'SELECT count(*) FROM drizzle.__drizzle_migrations')
[[ $migrations == 2 ]] || fail "expected 2 rows in drizzle.__drizzle_migrations, got $migrations"
customers=$(psql_value 'SELECT count(*) FROM customers')
orders=$(psql_value 'SELECT count(*) FROM orders')
[[ $customers == 1 && $orders == 2 ]] ||
  fail "expected 1 customer and 2 orders, got $customers customers and $orders orders"
echo "   2 migrations, 1 customer, 2 orders"

step "passed"
