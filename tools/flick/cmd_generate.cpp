// flick generate: compares the schema files with the latest snapshot and writes the next
// migration (SQL, snapshot, journal entry).

#include <fmt/core.h>
#include <unistd.h>

#include <memory>

#include "commands.hpp"
#include "project_options.hpp"
#include "rename_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct GenerateOptions {
  ProjectOptions project;
  toolkit::GenerateOptions generate;
};

int run_generate(const GenerateOptions& options) {
  toolkit::Project project = toolkit::project_from_config(load_project(options.project, false));
  toolkit::GenerateOptions generate = options.generate;
  if (isatty(STDIN_FILENO)) generate.ask = ask_on_terminal;
  toolkit::GenerateReport report = toolkit::generate(project, generate);
  if (report.written.empty()) fmt::print("No schema changes, nothing to migrate\n");
  for (const toolkit::WrittenMigration& written : report.written) {
    fmt::print("{} migration written: {} ({} statement{})\n", written.custom ? "Custom" : "SQL",
               written.sql_path.string(), written.statements, written.statements == 1 ? "" : "s");
  }
  return 0;
}

}  // namespace

void setup_generate(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<GenerateOptions>();
  CLI::App* command =
      app.add_subcommand("generate", "write the next migration from the schema files");
  add_project_options(*command, options->project, false);
  command->add_option("--name", options->generate.name,
                      "migration name (default: a random two-word name)");
  command->add_option("--rename", options->generate.renames,
                      "KIND:OLD=NEW, e.g. table:notes=memos, column:accounts.created=created_at");
  command->add_option("--drop", options->generate.drops,
                      "KIND:NAME: confirms that an object is dropped");
  command->add_option("--hints", options->generate.hints_file,
                      "file of 'rename KIND:OLD=NEW' / 'drop KIND:NAME' lines");
  command->add_flag("--safe", options->generate.safe,
                    "lock-friendly forms for existing tables: CREATE INDEX CONCURRENTLY in a "
                    "migration of its own, constraints NOT VALID then VALIDATE, SET NOT NULL "
                    "through a validated CHECK (also [generate] safe = true)");
  command->add_flag("--custom", options->generate.custom,
                    "write an empty migration to fill in by hand");
  command->callback([options, &status] { status.code = run_generate(*options); });
}

}  // namespace flick::cli
