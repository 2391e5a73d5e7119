// flick generate: compares the schema files with the latest snapshot and writes the next
// migration (SQL, snapshot, journal entry).

#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "ddl/ddl.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "emit/safe.hpp"
#include "flick/error.hpp"
#include "project_options.hpp"
#include "rename_options.hpp"
#include "store/folder.hpp"

namespace flick::cli {
namespace {

struct GenerateOptions {
  ProjectOptions project;
  std::string name;
  std::vector<std::string> renames;
  std::vector<std::string> drops;
  std::string hints_file;
  bool custom = false;
  bool safe = false;
};

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void print_written(const store::WrittenMigration& written, std::size_t statements, bool custom) {
  fmt::print("{} migration written: {} ({} statement{})\n", custom ? "Custom" : "SQL",
             written.sql_path.string(), statements, statements == 1 ? "" : "s");
}

diff::Options diff_options(const GenerateOptions& options) {
  return rename_diff_options(options.renames, options.drops, options.hints_file);
}

int run_generate(const GenerateOptions& options) {
  store::Config config = load_project(options.project);
  store::MigrationFolder folder(config.out);
  std::optional<store::Snapshot> previous = folder.latest_snapshot();
  model::Catalog from = previous ? previous->catalog : model::Catalog{};
  model::normalise(from);

  store::NewMigration migration;
  migration.name = options.name;
  migration.prefix = config.migrations.prefix;
  migration.breakpoints = config.breakpoints;

  if (options.custom) {
    migration.snapshot.catalog = from;
  } else {
    // Without schema files the target would be an empty schema: a migration dropping everything.
    if (config.schema_files.empty()) {
      throw UserError("no schema files: pass --schema or set `schema` in flick.toml");
    }
    model::Catalog to = ddl::read_schema_files(config.schema_files);
    diff::ChangeSet changes = diff::diff(from, to, diff_options(options));
    if (changes.empty()) {
      fmt::print("No schema changes, nothing to migrate\n");
      return 0;
    }
    if (options.safe || config.generate_safe) {
      // Lock-friendly forms; index builds on existing tables go to a second migration that
      // runs outside a transaction.
      emit::SafeStatements safe = emit::safe_sql_statements(changes, from);
      if (!safe.concurrent.empty()) {
        std::int64_t when = now_ms();
        if (!safe.statements.empty()) {
          store::NewMigration first = migration;
          first.statements = safe.statements;
          first.snapshot.catalog = emit::before_concurrent_changes(changes, from, to);
          first.snapshot.meta.tables = changes.renamed_tables;
          first.snapshot.meta.columns = changes.renamed_columns;
          first.snapshot.meta.schemas = changes.renamed_schemas;
          first.now_ms = when++;
          print_written(folder.write_migration(std::move(first)), safe.statements.size(), false);
        }
        store::NewMigration second = migration;
        if (!second.name.empty()) second.name += "_concurrently";
        second.statements = safe.concurrent;
        second.snapshot.catalog = std::move(to);
        second.now_ms = when;
        print_written(folder.write_migration(std::move(second)), safe.concurrent.size(), false);
        return 0;
      }
      migration.statements = safe.statements;
    } else {
      migration.statements = emit::sql_statements(changes);
    }
    migration.snapshot.catalog = std::move(to);
    migration.snapshot.meta.tables = changes.renamed_tables;
    migration.snapshot.meta.columns = changes.renamed_columns;
    migration.snapshot.meta.schemas = changes.renamed_schemas;
  }
  std::size_t statement_count = migration.statements.size();
  print_written(folder.write_migration(std::move(migration)), statement_count, options.custom);
  return 0;
}

}  // namespace

void setup_generate(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<GenerateOptions>();
  CLI::App* command =
      app.add_subcommand("generate", "write the next migration from the schema files");
  add_project_options(*command, options->project, false);
  command->add_option("--name", options->name, "migration name (default: a random two-word name)");
  command->add_option("--rename", options->renames,
                      "KIND:OLD=NEW, e.g. table:notes=memos, column:accounts.created=created_at");
  command->add_option("--drop", options->drops, "KIND:NAME: confirms that an object is dropped");
  command->add_option("--hints", options->hints_file,
                      "file of 'rename KIND:OLD=NEW' / 'drop KIND:NAME' lines");
  command->add_flag("--safe", options->safe,
                    "lock-friendly forms for existing tables: CREATE INDEX CONCURRENTLY in a "
                    "migration of its own, constraints NOT VALID then VALIDATE, SET NOT NULL "
                    "through a validated CHECK (also [generate] safe = true)");
  command->add_flag("--custom", options->custom, "write an empty migration to fill in by hand");
  command->callback([options, &status] { status.code = run_generate(*options); });
}

}  // namespace flick::cli
