#include "fleet/scheduler.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace flick::fleet {
namespace {

using namespace std::chrono_literals;

TEST(Scheduler, RunsEveryTargetOnceNeverMoreThanParallelAtOnce) {
  for (int parallel : {1, 3, 8}) {
    std::atomic<int> running{0};
    std::atomic<int> most{0};
    std::mutex mutex;
    std::multiset<std::size_t> ran;
    RunSummary summary = run_targets(40, {.parallel = parallel}, [&](std::size_t index) {
      int now = ++running;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(2ms);
      --running;
      std::lock_guard<std::mutex> lock(mutex);
      ran.insert(index);
      return Verdict::kConverged;
    });
    EXPECT_EQ(ran.size(), 40u);
    for (std::size_t i = 0; i < 40; ++i) EXPECT_EQ(ran.count(i), 1u) << i;
    EXPECT_LE(most.load(), parallel);
    if (parallel > 1) {
      EXPECT_GT(most.load(), 1) << "targets ran one at a time";
    }
    EXPECT_FALSE(summary.canary_stopped);
    for (Skip skip : summary.skipped) EXPECT_EQ(skip, Skip::kRan);
  }
}

TEST(Scheduler, AFailingCanaryStopsTheRestBeforeTheyStart) {
  std::atomic<int> calls{0};
  RunSummary summary = run_targets(10, {.parallel = 4, .canary = 3}, [&](std::size_t index) {
    ++calls;
    return index == 1 ? Verdict::kFailed : Verdict::kConverged;
  });
  EXPECT_EQ(calls.load(), 3) << "the three canaries run, nothing else";
  EXPECT_TRUE(summary.canary_stopped);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(summary.skipped[i], Skip::kRan);
  for (std::size_t i = 3; i < 10; ++i) EXPECT_EQ(summary.skipped[i], Skip::kCanaryFailed);
}

TEST(Scheduler, CanariesFinishBeforeAnyOtherTargetStarts) {
  std::atomic<int> canaries_done{0};
  std::atomic<bool> early{false};
  RunSummary summary = run_targets(12, {.parallel = 4, .canary = 2}, [&](std::size_t index) {
    if (index < 2) {
      std::this_thread::sleep_for(5ms);
      ++canaries_done;
    } else if (canaries_done.load() != 2) {
      early = true;
    }
    return Verdict::kConverged;
  });
  EXPECT_FALSE(early.load());
  EXPECT_FALSE(summary.canary_stopped);
  for (Skip skip : summary.skipped) EXPECT_EQ(skip, Skip::kRan);
}

TEST(Scheduler, AnUnreachableCanaryStopsTheRestToo) {
  RunSummary summary = run_targets(5, {.parallel = 2, .canary = 1},
                                   [](std::size_t) { return Verdict::kUnreachable; });
  EXPECT_TRUE(summary.canary_stopped);
  EXPECT_EQ(summary.skipped[0], Skip::kRan);
  EXPECT_EQ(summary.skipped[4], Skip::kCanaryFailed);
}

TEST(Scheduler, FailFastStartsNothingAfterAFailure) {
  std::vector<int> calls(8, 0);
  RunSummary summary = run_targets(8, {.parallel = 1, .fail_fast = true}, [&](std::size_t index) {
    ++calls[index];
    return index == 3 ? Verdict::kFailed : Verdict::kConverged;
  });
  for (std::size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(calls[i], i <= 3 ? 1 : 0) << i;
    EXPECT_EQ(summary.skipped[i], i <= 3 ? Skip::kRan : Skip::kFailFast) << i;
  }
}

TEST(Scheduler, WithoutFailFastEveryTargetRunsAndAThrowingJobIsAFailure) {
  std::atomic<int> calls{0};
  RunSummary summary = run_targets(6, {.parallel = 2}, [&](std::size_t index) -> Verdict {
    ++calls;
    if (index == 0) throw std::runtime_error("boom");
    return Verdict::kFailed;
  });
  EXPECT_EQ(calls.load(), 6);
  for (Skip skip : summary.skipped) EXPECT_EQ(skip, Skip::kRan);
  RunSummary stopped = run_targets(4, {.parallel = 1, .canary = 1}, [](std::size_t) -> Verdict {
    throw std::runtime_error("boom");
  });
  EXPECT_TRUE(stopped.canary_stopped) << "a job that throws did not converge";
}

TEST(Scheduler, NoTargetsRunsNothing) {
  RunSummary summary = run_targets(0, {.parallel = 4, .canary = 2},
                                   [](std::size_t) -> Verdict { throw std::logic_error("ran"); });
  EXPECT_TRUE(summary.skipped.empty());
  EXPECT_FALSE(summary.canary_stopped);
}

}  // namespace
}  // namespace flick::fleet
