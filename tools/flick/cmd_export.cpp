// flick export: prints the full DDL of the schema files (their diff against an empty schema).

#include <fmt/core.h>

#include <memory>

#include "commands.hpp"
#include "ddl/ddl.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "flick/error.hpp"
#include "project_options.hpp"

namespace flick::cli {
namespace {

int run_export(const ProjectOptions& options) {
  store::Config config = load_project(options);
  if (config.schema_files.empty()) {
    throw UserError("no schema files: pass --schema or set `schema` in flick.toml");
  }
  model::Catalog schema = ddl::read_schema_files(config.schema_files);
  diff::ChangeSet changes = diff::diff(model::Catalog{}, schema, diff::Options{});
  for (const std::string& statement : emit::sql_statements(changes)) {
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
