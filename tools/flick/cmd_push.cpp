// flick push: diffs the live database against the schema files and applies the difference in
// one transaction (development). Changes that lose data or fail on the data present need
// confirmation: --force accepts them, --strict asks before any change; without a terminal
// they are refused.

#include <fmt/core.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "database.hpp"
#include "ddl/ddl.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "flick/error.hpp"
#include "introspect/changes.hpp"
#include "introspect/introspect.hpp"
#include "migrate_options.hpp"
#include "pg/pg.hpp"
#include "rename_options.hpp"

namespace flick::cli {
namespace {

struct PushOptions {
  DatabaseOptions database;
  bool force = false;
  bool strict = false;
  bool verbose = false;
  std::vector<std::string> renames;
  std::vector<std::string> drops;
  std::string hints_file;
};

bool confirm(const std::string& question) {
  fmt::print(stderr, "{} [y/N] ", question);
  std::string line;
  if (!std::getline(std::cin, line)) return false;
  return line == "y" || line == "Y" || line == "yes";
}

diff::Options diff_options(const PushOptions& options) {
  return rename_diff_options(options.renames, options.drops, options.hints_file);
}

// Decides whether the changes may run; prints why not.
bool accepted(const PushOptions& options, const std::vector<std::string>& risks) {
  bool interactive = isatty(STDIN_FILENO);
  if (!risks.empty()) {
    fmt::print(stderr, "These changes lose data or fail on the data present:\n");
    for (const auto& risk : risks) fmt::print(stderr, "  - {}\n", risk);
  }
  bool must_ask = options.strict || (!risks.empty() && !options.force);
  if (!must_ask) return true;
  if (!interactive) {
    fmt::print(stderr, "refusing to push without a terminal to confirm{}\n",
               options.strict ? " (--strict)" : "; pass --force to accept");
    return false;
  }
  return confirm("Apply these changes?");
}

int run_push(const PushOptions& options) {
  store::Config config = load_project(options.database.project);
  model::Catalog wanted = ddl::read_schema_files(toolkit::schema_files_of(config));
  // One transaction: an index cannot be built CONCURRENTLY inside it.
  for (model::Table& table : wanted.tables) {
    for (model::Index& index : table.indexes) index.concurrently = false;
  }
  pg::Connection connection(database_url(config));
  connection.exec("SET client_min_messages TO warning");
  // Read, compare and apply in one transaction: rolled back on every way out but the commit.
  pg::Transaction transaction(connection);
  introspect::Filters filters{config.schema_filter, config.tables_filter, config.migrations.schema,
                              config.migrations.table};
  model::Catalog live = introspect::read_catalog(connection, filters);
  introspect::align(connection, live, wanted);
  diff::ChangeSet changes = diff::diff(live, wanted, diff_options(options));
  if (changes.empty()) {
    fmt::print("No schema changes: the database matches the schema files\n");
    return 0;
  }
  std::vector<std::string> statements = emit::sql_statements(changes);
  fmt::print("What differs:\n");
  for (const std::string& difference : introspect::differences(changes, live, wanted)) {
    fmt::print("  - {}\n", difference);
  }
  fmt::print("Changes to apply:\n");
  for (const auto& change : changes.changes) {
    fmt::print("  {}\n", introspect::describe(change));
  }
  PushOptions effective = options;
  effective.strict = options.strict || config.strict;
  if (!accepted(effective, introspect::data_risks(connection, live, changes))) return 1;
  for (const std::string& statement : statements) {
    if (options.verbose || config.verbose) fmt::print("{}\n", statement);
    connection.exec(statement);
  }
  transaction.commit();
  fmt::print("Changes applied: {} statement{}\n", statements.size(),
             statements.size() == 1 ? "" : "s");
  return 0;
}

}  // namespace

void setup_push(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<PushOptions>();
  CLI::App* command = app.add_subcommand(
      "push", "apply the difference between the schema files and the database directly");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_flag("--force", options->force, "accept changes that lose data");
  command->add_flag("--strict", options->strict, "ask before applying any change");
  command->add_flag("--verbose", options->verbose, "print the SQL statements");
  command->add_option("--rename", options->renames,
                      "KIND:OLD=NEW, e.g. table:notes=memos, column:accounts.created=created_at");
  command->add_option("--drop", options->drops, "KIND:NAME: confirms that an object is dropped");
  command->add_option("--hints", options->hints_file,
                      "file of 'rename KIND:OLD=NEW' / 'drop KIND:NAME' lines");
  command->callback([options, &status] { status.code = run_push(*options); });
}

}  // namespace flick::cli
