// flick status: every journal entry as applied / pending / edited, and applied rows the folder
// does not know.

#include <fmt/core.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "database.hpp"
#include "migrate_options.hpp"

namespace flick::cli {
namespace {

struct StatusOptions {
  DatabaseOptions database;
  bool json = false;
};

nlohmann::ordered_json status_json(const migrate::FolderStatus& status) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const auto& entry : status.entries) {
    nlohmann::ordered_json item = {{"tag", entry.entry.tag},
                                   {"state", migrate::to_string(entry.state)},
                                   {"outOfOrder", entry.out_of_order}};
    if (entry.row && entry.row->applied_at) item["appliedAt"] = *entry.row->applied_at;
    entries.push_back(item);
  }
  nlohmann::ordered_json unknown = nlohmann::ordered_json::array();
  for (const auto& row : status.unknown_rows) {
    unknown.push_back({{"id", row.id}, {"hash", row.hash}, {"createdAt", row.created_at}});
  }
  return {{"migrations", entries}, {"unknownRows", unknown}};
}

int run_status(const StatusOptions& options) {
  store::Config config = load_project(options.database.project, /*resolve_schema=*/false);
  store::MigrationFolder folder(config.out);
  pg::Connection connection(database_url(config));
  migrate::FolderStatus status =
      migrate::read_status(connection, folder, migrate_options(config, options.database));
  if (options.json) {
    fmt::print("{}\n", status_json(status).dump(2));
    return 0;
  }
  int pending = 0;
  for (const auto& entry : status.entries) {
    std::string when = entry.row && entry.row->applied_at ? *entry.row->applied_at
                       : entry.row                        ? "(applied by another tool)"
                                                          : "";
    fmt::print("  {:<8} {:<40} {}{}\n", migrate::to_string(entry.state), entry.entry.tag, when,
               entry.out_of_order ? "  [older than an applied migration]" : "");
    pending += entry.state == migrate::EntryState::kPending;
  }
  for (const auto& row : status.unknown_rows) {
    fmt::print("  unknown  row id {} (hash {}, created_at {}) matches no journal entry\n", row.id,
               row.hash.substr(0, 12), row.created_at);
  }
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
