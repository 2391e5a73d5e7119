// flick pull: reads the live database and writes it as SQL schema files (one per schema, or one
// per table with --split); in an empty migration folder also a baseline migration 0000, recorded
// as applied in that database.

#include <fmt/core.h>

#include <memory>

#include "commands.hpp"
#include "migrate_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct PullCommandOptions {
  DatabaseOptions database;
  toolkit::PullOptions pull;
};

std::string plural(std::size_t count, const char* noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

int run_pull(const PullCommandOptions& options) {
  toolkit::Project project = toolkit::project_from_config(
      load_project(options.database.project, /*resolve_schema=*/false));
  toolkit::PullReport report = toolkit::pull(project, options.pull);
  fmt::print("pulled {}, {}, {} into {} under {}\n", plural(report.tables, "table"),
             plural(report.enums, "enum"), plural(report.views, "view"),
             plural(report.files.size(), "file"), report.directory.string());
  if (!report.not_covered.empty()) {
    fmt::print(stderr, "not covered by flick (left out of the files):\n");
    for (const auto& item : report.not_covered) {
      fmt::print(stderr, "  {} {}\n", item.kind, item.name);
    }
  }
  if (report.baseline) {
    fmt::print("baseline migration written: {} (recorded as applied)\n",
               report.baseline->sql_path.string());
  }
  return 0;
}

}  // namespace

void setup_pull(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<PullCommandOptions>();
  CLI::App* command =
      app.add_subcommand("pull", "write the live database's schema as SQL schema files");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_flag("--split", options->pull.split,
                    "one file per table (DIR/<schema>/<table>.sql)");
  command->add_flag("--no-baseline", options->pull.no_baseline,
                    "no baseline migration, even when the migration folder is empty");
  command->add_option("--out-schema", options->pull.out_schema,
                      "directory for the schema files (default: schema/ beside flick.toml)");
  command->callback([options, &status] { status.code = run_pull(*options); });
}

}  // namespace flick::cli
