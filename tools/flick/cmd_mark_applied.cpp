// flick mark-applied TAG / flick baseline: record migrations as applied without running them
// (for a database whose schema was created another way).

#include <fmt/core.h>

#include <memory>

#include "commands.hpp"
#include "migrate_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct RecordOptions {
  DatabaseOptions database;
  std::string tag;  // mark-applied: the one migration; baseline: --to (empty: all)
};

// Prints each recorded tag; returns how many there were.
int print_recorded(const std::vector<std::string>& tags) {
  for (const std::string& tag : tags) fmt::print("recorded {} as applied (not run)\n", tag);
  return static_cast<int>(tags.size());
}

toolkit::Project project_of(const RecordOptions& options) {
  return toolkit::project_from_config(load_project(options.database.project, false));
}

}  // namespace

void setup_mark_applied(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<RecordOptions>();
  CLI::App* command =
      app.add_subcommand("mark-applied", "record one migration as applied without running it");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_option("tag", options->tag, "the migration's tag, e.g. 0003_flat_reptil")
      ->required();
  command->callback([options, &status] {
    print_recorded(toolkit::mark_applied(project_of(*options), options->tag));
    status.code = 0;
  });
}

void setup_baseline(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<RecordOptions>();
  CLI::App* command = app.add_subcommand(
      "baseline", "record every migration (or up to --to) as applied without running them");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_option("--to", options->tag, "last migration to record");
  command->callback([options, &status] {
    int recorded = print_recorded(toolkit::baseline(project_of(*options), options->tag));
    fmt::print("{} migration{} recorded\n", recorded, recorded == 1 ? "" : "s");
    status.code = 0;
  });
}

}  // namespace flick::cli
