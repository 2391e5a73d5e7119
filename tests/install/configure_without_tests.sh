#!/usr/bin/env bash
# The libraries and the CLI need no GoogleTest: the tree configures with the tests, benchmarks
# and docs server off while CMake is forbidden to find GTest, and nothing in the generated build
# links or includes it.
#
# Usage: configure_without_tests.sh SOURCE_DIR
set -euo pipefail
source_dir=$(realpath "$1")
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
cmake -S "$source_dir" -B "$build" -DFLICK_BUILD_TESTS=OFF -DFLICK_BUILD_BENCH=OFF \
  -DFLICK_BUILD_DOCS_SERVER=OFF -DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log" >&2; echo "FAIL: configure without GTest" >&2; exit 1; }
if grep -rIl --include='*.make' --include='Makefile' -i 'gtest\|gmock' "$build" >/dev/null; then
  echo "FAIL: the build without tests still mentions GTest:" >&2
  grep -rIl --include='*.make' --include='Makefile' -i 'gtest\|gmock' "$build" >&2
  exit 1
fi
for target in flick flick_client flick_toolkit; do
  grep -q "^$target:" "$build/Makefile" || { echo "FAIL: no target $target" >&2; exit 1; }
done
if grep -q "^docs_browser_tests:\|http_server.cpp" "$build/src/docs/CMakeFiles/flick_docs.dir/build.make"; then
  echo "FAIL: the docs server is built although FLICK_BUILD_DOCS_SERVER=OFF" >&2
  exit 1
fi
echo "configured without GTest, tests, benchmarks or the docs server: flick, flick_client, flick_toolkit"
