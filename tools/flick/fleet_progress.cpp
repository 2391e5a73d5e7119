#include "fleet_progress.hpp"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

namespace flick::cli {
namespace {

nlohmann::ordered_json result_json(const toolkit::FleetMigrateResult& result) {
  nlohmann::ordered_json out;
  out["event"] = "target";
  out["name"] = result.target.name;
  if (!result.target.schema.empty()) out["schema"] = result.target.schema;
  out["outcome"] = toolkit::to_string(result.outcome);
  out["applied"] = result.report.applied;
  out["durationMs"] = result.duration_ms;
  if (result.report.failure) {
    const toolkit::MigrationFailure& failure = *result.report.failure;
    out["failure"] = {{"file", failure.file},
                      {"statement", failure.statement.number},
                      {"line", failure.statement.line},
                      {"sqlstate", failure.sqlstate},
                      {"message", failure.message}};
  }
  if (!result.error.empty()) out["error"] = result.error;
  return out;
}

}  // namespace

std::string describe(const toolkit::FleetMigrateResult& result) {
  switch (result.outcome) {
    case toolkit::FleetOutcome::kApplied:
      return fmt::format("applied {} migration{} in {} ms", result.report.applied.size(),
                         result.report.applied.size() == 1 ? "" : "s", result.duration_ms);
    case toolkit::FleetOutcome::kUpToDate:
      return "up to date";
    case toolkit::FleetOutcome::kFailed:
      if (result.report.failure) {
        const toolkit::MigrationFailure& failure = *result.report.failure;
        return fmt::format(
            "failed at {} statement {} (line {}): {} (SQLSTATE {}){}", failure.file,
            failure.statement.number, failure.statement.line, failure.message, failure.sqlstate,
            result.report.applied.empty()
                ? ""
                : fmt::format("; {} applied before it", result.report.applied.size()));
      }
      return "failed: " + result.error;
    default:
      break;
  }
  return fmt::format("{}: {}", toolkit::to_string(result.outcome), result.error);
}

void FleetProgress::targets(std::size_t count) {
  total_ = count;
  start_ = std::chrono::steady_clock::now();
  if (mode_ == Mode::kLines) fmt::print("fleet: {} target{}\n", count, count == 1 ? "" : "s");
  redraw();
}

void FleetProgress::started() {
  ++running_;
  redraw();
}

void FleetProgress::migration_applied() {
  ++migrations_;
  redraw();
}

void FleetProgress::done(const toolkit::FleetMigrateResult& result) {
  if (result.outcome != toolkit::FleetOutcome::kNotRun && running_ > 0) --running_;
  ++done_;
  if (!result.converged()) ++problems_;
  switch (mode_) {
    case Mode::kJson:
      fmt::print("{}\n", result_json(result).dump());
      std::fflush(stdout);
      return;
    case Mode::kLines:
      fmt::print("{}: {}\n", result.target.name, describe(result));
      std::fflush(stdout);
      return;
    case Mode::kTerminal:
      if (!result.converged() && result.outcome != toolkit::FleetOutcome::kNotRun) {
        clear_line();
        fmt::print("{}: {}\n", result.target.name, describe(result));
      }
      redraw();
      return;
  }
}

void FleetProgress::clear_line() { fmt::print("\r\033[K"); }

void FleetProgress::redraw() {
  if (mode_ != Mode::kTerminal) return;
  auto now = std::chrono::steady_clock::now();
  if (done_ < total_ && now - drawn_ < std::chrono::milliseconds(100)) return;
  drawn_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? migrations_ / seconds : 0;
  std::string eta = "";
  if (done_ > 0 && done_ < total_) {
    eta = fmt::format(" · ETA {:.0f} s", seconds / done_ * (total_ - done_));
  }
  clear_line();
  fmt::print("{}/{} targets · {} not converged · {} running · {:.1f} migrations/s{}", done_, total_,
             problems_, running_, rate, eta);
  std::fflush(stdout);
}

void FleetProgress::finish(const toolkit::FleetMigrateReport& report) {
  using toolkit::FleetOutcome;
  std::size_t applied = report.count(FleetOutcome::kApplied);
  std::size_t up_to_date = report.count(FleetOutcome::kUpToDate);
  if (mode_ == Mode::kJson) {
    nlohmann::ordered_json summary = {{"event", "summary"},
                                      {"targets", report.targets.size()},
                                      {"applied", applied},
                                      {"upToDate", up_to_date},
                                      {"failed", report.count(FleetOutcome::kFailed)},
                                      {"refused", report.count(FleetOutcome::kRefused)},
                                      {"lockTimeout", report.count(FleetOutcome::kLockTimeout)},
                                      {"unreachable", report.count(FleetOutcome::kUnreachable)},
                                      {"notRun", report.count(FleetOutcome::kNotRun)},
                                      {"canaryStopped", report.canary_stopped},
                                      {"warnings", report.warnings},
                                      {"exitCode", report.exit_code()}};
    fmt::print("{}\n", summary.dump());
    return;
  }
  if (mode_ == Mode::kTerminal) {
    drawn_ = {};
    redraw();
    fmt::print("\n");
  }
  for (const std::string& warning : report.warnings) fmt::print(stderr, "warning: {}\n", warning);
  std::string line = fmt::format("fleet: {} target{}: {} converged ({} applied, {} up to date)",
                                 report.targets.size(), report.targets.size() == 1 ? "" : "s",
                                 applied + up_to_date, applied, up_to_date);
  for (FleetOutcome outcome :
       {FleetOutcome::kFailed, FleetOutcome::kRefused, FleetOutcome::kLockTimeout,
        FleetOutcome::kUnreachable, FleetOutcome::kNotRun}) {
    if (std::size_t count = report.count(outcome)) {
      line += fmt::format(", {} {}", count, toolkit::to_string(outcome));
    }
  }
  fmt::print("{}\n", line);
  if (report.canary_stopped) {
    fmt::print("a canary target did not converge: the other targets were not run\n");
  }
  // Every problem once more at the end, where a long run's reader looks (not-run targets counted
  // above, not listed).
  bool header = false;
  for (const toolkit::FleetMigrateResult& result : report.targets) {
    if (result.converged() || result.outcome == FleetOutcome::kNotRun) continue;
    if (!header) fmt::print("not converged:\n");
    header = true;
    fmt::print("  {}: {}\n", result.target.name, describe(result));
  }
}

}  // namespace flick::cli
