// flick export: prints the full DDL of the schema files (their diff against an empty schema).

#include <fmt/core.h>

#include <memory>

#include "commands.hpp"
#include "project_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

int run_export(const ProjectOptions& options) {
  toolkit::Project project = toolkit::project_from_config(load_project(options, false));
  for (const std::string& statement : toolkit::export_sql(project)) {
    fmt::print("{}\n", statement);
  }
  return 0;
}

}  // namespace

void setup_export(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<ProjectOptions>();
  CLI::App* command = app.add_subcommand("export", "print the full DDL of the schema files");
  add_project_options(*command, *options, false);
  command->callback([options, &status] { status.code = run_export(*options); });
}

}  // namespace flick::cli
