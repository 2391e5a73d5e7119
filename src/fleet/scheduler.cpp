#include "fleet/scheduler.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace flick::fleet {
namespace {

// Runs job(i) for i in [begin, end) on up to `parallel` threads. Returns whether every job
// converged. With `fail_fast`, stops handing out indices after the first job that did not
// converge; indices never handed out are marked in `skipped`.
bool run_range(std::size_t begin, std::size_t end, int parallel, bool fail_fast,
               const std::function<Verdict(std::size_t)>& job, std::vector<Skip>& skipped) {
  if (begin >= end) return true;
  std::atomic<std::size_t> next{begin};
  std::atomic<bool> failed{false};  // a job did not converge
  auto worker = [&] {
    for (;;) {
      if (fail_fast && failed.load()) return;
      std::size_t index = next.fetch_add(1);
      if (index >= end) return;
      Verdict verdict;
      try {
        verdict = job(index);
      } catch (...) {
        verdict = Verdict::kFailed;
      }
      if (verdict != Verdict::kConverged) failed = true;
    }
  };
  std::size_t threads =
      std::min<std::size_t>(static_cast<std::size_t>(std::max(parallel, 1)), end - begin);
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) pool.emplace_back(worker);
  for (std::thread& thread : pool) thread.join();
  for (std::size_t index = std::min(next.load(), end); index < end; ++index) {
    skipped[index] = Skip::kFailFast;
  }
  return !failed;
}

}  // namespace

RunSummary run_targets(std::size_t count, const Policy& policy,
                       const std::function<Verdict(std::size_t)>& job) {
  RunSummary summary;
  summary.skipped.assign(count, Skip::kRan);
  std::size_t canaries =
      std::min<std::size_t>(static_cast<std::size_t>(std::max(policy.canary, 0)), count);
  if (!run_range(0, canaries, policy.parallel, policy.fail_fast, job, summary.skipped)) {
    summary.canary_stopped = true;
    for (std::size_t index = canaries; index < count; ++index) {
      summary.skipped[index] = Skip::kCanaryFailed;
    }
    return summary;
  }
  run_range(canaries, count, policy.parallel, policy.fail_fast, job, summary.skipped);
  return summary;
}

}  // namespace flick::fleet
