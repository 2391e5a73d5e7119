#!/usr/bin/env bash
# bench/pull/run.sh BUILD_DIR: the pull/push suite alone (bench/run.sh runs it with the others).
exec "$(dirname "$0")/pull_bench.sh" "$@"
