#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (built in BUILD_DIR with -DFLICK_FUZZ=ON) for SECONDS
# each, on a scratch copy of the committed corpus: BUILD_DIR/fuzz-work/<target>/corpus receives
# the new inputs, BUILD_DIR/fuzz-work/<target>/ any crash-, leak-, timeout- or oom- file; nothing
# is written into the source tree.
#
# Usage: run.sh BUILD_DIR SECONDS [TARGET...]   (targets: schema migration journal snapshot config)
# Prints per target: runs, exec/s, corpus size, result. Exit status: 0 when every target ran its
# time without a crash, timeout, leak or OOM; 1 otherwise (the log of each failing target is
# printed, and its reproducer named).
set -uo pipefail

if (($# < 2)); then
  echo "usage: $0 BUILD_DIR SECONDS [TARGET...]" >&2
  exit 2
fi
build=$(cd "$1" && pwd) || exit 2
seconds=$2
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
targets=("$@")
((${#targets[@]})) || targets=(schema migration journal snapshot config)

# Per target: the longest input (bytes) and the dictionary.
declare -A max_len=([schema]=8192 [migration]=8192 [journal]=4096 [snapshot]=16384 [config]=2048)
declare -A dict=([schema]=sql.dict [migration]=sql.dict [journal]=json.dict [snapshot]=json.dict
                 [config]=toml.dict)

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}

failed=0
summary=()
for target in "${targets[@]}"; do
  binary=$build/tests/fuzz/fuzz_$target
  if [[ -z ${max_len[$target]:-} ]]; then
    echo "run.sh: unknown target '$target'" >&2
    exit 2
  fi
  if [[ ! -x $binary ]]; then
    echo "run.sh: $binary is missing (build the fuzz_targets target of $build)" >&2
    exit 2
  fi
  work=$build/fuzz-work/$target
  rm -rf "$work"
  mkdir -p "$work/corpus"
  cp "$here/corpus/$target/"* "$work/corpus/"
  seeds=$(find "$work/corpus" -type f | wc -l)
  echo "== fuzz_$target: ${seconds}s, $seeds seed files"
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
    -max_len="${max_len[$target]}" -dict="$here/${dict[$target]}" \
    -artifact_prefix="$work/" -print_final_stats=1 "$work/corpus" >"$work/log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log")
  files=$(find "$work/corpus" -type f | wc -l)
  kib=$(find "$work/corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s / 1024 }')
  artifact=$(find "$work" -maxdepth 1 -type f \
    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | head -1)
  if ((status == 0)) && [[ -z $artifact ]]; then
    result=ok
  else
    failed=1
    kind=$(basename "${artifact:-exit-$status}" | cut -d- -f1)
    result="FAILED ($kind, exit $status${artifact:+: $artifact})"
    echo "---- fuzz_$target log (last 60 lines of $work/log)"
    tail -n 60 "$work/log"
    echo "---- reproduce: $binary ${artifact:-<input>}"
  fi
  summary+=("$(printf '%-10s %10s %8s %7s files %6s KiB  %s' "$target" "${runs:-?}" \
    "${speed:-?}" "$files" "$kib" "$result")")
done

echo
printf '%-10s %10s %8s %19s  %s\n' target runs exec/s "corpus" result
printf '%s\n' "${summary[@]}"
exit "$failed"
