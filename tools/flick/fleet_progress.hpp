#pragma once

// What `flick migrate --fleet` prints while it runs and at the end: on a terminal a live line
// (targets done / failed / running, migrations per second, ETA) with each problem printed above
// it; otherwise one plain line per target; with --json one JSON object per line per target and
// a summary object last.

#include <chrono>
#include <cstddef>
#include <string>

#include "flick/fleet.hpp"

namespace flick::cli {

class FleetProgress {
 public:
  enum class Mode { kTerminal, kLines, kJson };
  explicit FleetProgress(Mode mode) : mode_(mode) {}

  // The toolkit's callbacks (it calls them one at a time).
  void targets(std::size_t count);
  void started();
  void migration_applied();
  void done(const toolkit::FleetMigrateResult& result);
  // The summary (and, on a terminal or in lines, every target that did not converge again).
  void finish(const toolkit::FleetMigrateReport& report);

 private:
  void redraw();
  void clear_line();

  Mode mode_;
  std::size_t total_ = 0, done_ = 0, running_ = 0, problems_ = 0, migrations_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point drawn_{};
};

// One target's result in words: "applied 20 migrations in 340 ms", "failed: 0012_x.sql statement
// 1 (line 1): ... (SQLSTATE 42P07)", "unreachable: ...".
std::string describe(const toolkit::FleetMigrateResult& result);

}  // namespace flick::cli
