// flick status: every journal entry as applied / pending / edited, and applied rows the folder
// does not know.

#include <fmt/core.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "fleet_options.hpp"
#include "flick/fleet.hpp"
#include "migrate_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct StatusOptions {
  DatabaseOptions database;
  bool json = false;
  FleetFlags fleet;
};

nlohmann::ordered_json status_json(const toolkit::StatusReport& status) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const toolkit::EntryStatus& entry : status.entries) {
    nlohmann::ordered_json item = {{"tag", entry.tag},
                                   {"state", toolkit::to_string(entry.state)},
                                   {"outOfOrder", entry.out_of_order}};
    if (entry.applied_at) item["appliedAt"] = *entry.applied_at;
    entries.push_back(item);
  }
  nlohmann::ordered_json unknown = nlohmann::ordered_json::array();
  for (const toolkit::UnknownRow& row : status.unknown_rows) {
    unknown.push_back({{"id", row.id}, {"hash", row.hash}, {"createdAt", row.created_at}});
  }
  return {{"migrations", entries}, {"unknownRows", unknown}};
}

// "at 0011_step, 8 pending, edited 0003_x" / "nothing applied, 20 pending" / "unreachable: ...".
std::string position_words(const toolkit::FleetPosition& position) {
  if (!position.error.empty()) {
    return fmt::format("{}: {}", position.unreachable ? "unreachable" : "not read", position.error);
  }
  std::string words =
      position.last_applied.empty() ? "nothing applied" : "at " + position.last_applied;
  words += position.pending == 0 ? ", up to date" : fmt::format(", {} pending", position.pending);
  if (!position.edited.empty()) {
    words += ", edited since applied: " + name_list(position.edited, position.edited.size());
  }
  if (position.unknown_rows > 0) {
    words += fmt::format(", {} applied row{} no journal entry matches", position.unknown_rows,
                         position.unknown_rows == 1 ? "" : "s");
  }
  return words;
}

// status --fleet: one line per position, targets grouped; exit 3 when a target was unreachable.
int run_fleet_status(const StatusOptions& options, const toolkit::FleetOptions& fleet) {
  toolkit::FleetStatusReport report = toolkit::fleet_status(
      toolkit::project_from_config(load_project(options.database.project, false)), fleet);
  if (options.json) {
    nlohmann::ordered_json out;
    out["targets"] = nlohmann::ordered_json::array();
    for (const toolkit::FleetStatusResult& result : report.targets) {
      nlohmann::ordered_json item = {{"name", result.target.name}};
      if (!result.target.schema.empty()) item["schema"] = result.target.schema;
      if (result.status) {
        item["status"] = status_json(*result.status);
        item["pending"] = result.status->pending();
      } else {
        item["error"] = result.error;
        item["unreachable"] = result.unreachable;
      }
      out["targets"].push_back(item);
    }
    out["positions"] = nlohmann::ordered_json::array();
    for (const toolkit::FleetPosition& position : report.positions) {
      nlohmann::ordered_json item = {{"lastApplied", position.last_applied},
                                     {"pending", position.pending},
                                     {"edited", position.edited},
                                     {"unknownRows", position.unknown_rows}};
      if (!position.error.empty()) {
        item["error"] = position.error;
        item["unreachable"] = position.unreachable;
      }
      item["targets"] = position.targets;
      out["positions"].push_back(item);
    }
    fmt::print("{}\n", out.dump(2));
    return report.any_unreachable() ? 3 : 0;
  }
  fmt::print("{} target{} at {} position{}\n", report.targets.size(),
             report.targets.size() == 1 ? "" : "s", report.positions.size(),
             report.positions.size() == 1 ? "" : "s");
  for (const toolkit::FleetPosition& position : report.positions) {
    fmt::print("  {:>5}  {} ({})\n", position.targets.size(), position_words(position),
               name_list(position.targets));
  }
  return report.any_unreachable() ? 3 : 0;
}

int run_status(const StatusOptions& options) {
  toolkit::FleetOptions fleet = fleet_options(options.fleet);
  if (options.fleet.fleet) return run_fleet_status(options, fleet);
  toolkit::StatusReport status =
      toolkit::status(toolkit::project_from_config(load_project(options.database.project, false)));
  if (options.json) {
    fmt::print("{}\n", status_json(status).dump(2));
    return 0;
  }
  for (const toolkit::EntryStatus& entry : status.entries) {
    std::string when = entry.applied_at ? *entry.applied_at
                       : entry.recorded ? "(applied by another tool)"
                                        : "";
    fmt::print("  {:<8} {:<40} {}{}\n", toolkit::to_string(entry.state), entry.tag, when,
               entry.out_of_order ? "  [older than an applied migration]" : "");
  }
  for (const toolkit::UnknownRow& row : status.unknown_rows) {
    fmt::print("  unknown  row id {} (hash {}, created_at {}) matches no journal entry\n", row.id,
               row.hash.substr(0, 12), row.created_at);
  }
  std::size_t pending = status.pending();
  fmt::print("{} migration{}: {} applied, {} pending\n", status.entries.size(),
             status.entries.size() == 1 ? "" : "s", status.entries.size() - pending, pending);
  return 0;
}

}  // namespace

void setup_status(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<StatusOptions>();
  CLI::App* command = app.add_subcommand("status", "show which migrations a database has applied");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_flag("--json", options->json, "print as JSON");
  add_fleet_options(*command, options->fleet, /*with_failure_policy=*/false);
  command->callback([options, &status] { status.code = run_status(*options); });
}

}  // namespace flick::cli
