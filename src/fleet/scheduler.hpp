#pragma once

// Runs one job per target on a bounded number of threads: canary targets first, the rest only when
// every canary converged; with fail_fast, no target starts after one failed. No coordinator: each
// job converges its own target (its own bookkeeping and lock), so a rerun resumes.

#include <cstddef>
#include <functional>
#include <vector>

namespace flick::fleet {

// How one target's job ended.
enum class Verdict {
  kConverged,    // applied or already up to date
  kFailed,       // a statement failed, the folder was refused, the lock was not free
  kUnreachable,  // the server could not be reached or went away
};

struct Policy {
  int parallel = 4;        // jobs running at once (>= 1)
  int canary = 0;          // the first `canary` targets run (and finish) before any other starts
  bool fail_fast = false;  // after a target did not converge, start nothing more
};

// Why a target was not run.
enum class Skip {
  kRan,
  kCanaryFailed,  // a canary target did not converge
  kFailFast,      // fail_fast and another target failed
};

struct RunSummary {
  std::vector<Skip> skipped;  // per target
  bool canary_stopped = false;
};

// Calls job(i) for every target index i in [0, count), at most policy.parallel at once (never
// more threads than targets), canaries first. `job` must not throw (a thrown exception is
// reported as kFailed); it is called from several threads at once.
RunSummary run_targets(std::size_t count, const Policy& policy,
                       const std::function<Verdict(std::size_t)>& job);

}  // namespace flick::fleet
