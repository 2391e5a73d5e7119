// flick status: every journal entry as applied / pending / edited, and applied rows the folder
// does not know.

#include <fmt/core.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "migrate_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct StatusOptions {
  DatabaseOptions database;
  bool json = false;
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

int run_status(const StatusOptions& options) {
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
  command->callback([options, &status] { status.code = run_status(*options); });
}

}  // namespace flick::cli
