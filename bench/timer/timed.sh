# Sourced by the bench scripts. `timed CMD...` runs CMD under flick_bench_time (bench/timer/main.cpp:
# the clock from just before CMD starts to the moment it is reaped, and its peak RSS), with the
# caller's redirections, and leaves the figures in timed_ms (wall, whole milliseconds), timed_s
# (wall, seconds with three decimals) and timed_rss (KiB); returns CMD's status. Needs
# $build_dir (the build tree; flick_bench_time is built there when sourced, if it is missing) and
# $work (a scratch directory) when sourced.
flick_bench_timer="$build_dir/bench/timer/flick_bench_time"
[[ -x $flick_bench_timer ]] || cmake --build "$build_dir" --target flick_bench_time >&2

timed() {
  local status=0 ns
  "$flick_bench_timer" "$work/timing" "$@" || status=$?
  if ! read -r ns timed_rss <"$work/timing" 2>/dev/null; then
    ns=0 timed_rss=0
  fi
  rm -f "$work/timing"
  timed_ms=$((ns / 1000000))
  timed_s=$(awk -v ns="$ns" 'BEGIN { printf "%.3f", ns / 1e9 }')
  return $status
}
