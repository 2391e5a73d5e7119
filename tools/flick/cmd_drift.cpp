// flick drift: compares the live database with the last snapshot of the migration folder (or the
// schema files with --schema): the differences in words, the SQL that would reconcile, exit 1
// when the database has drifted.

#include <fmt/core.h>

#include <memory>
#include <nlohmann/json.hpp>

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
#include "store/folder.hpp"
#include "store/snapshot_semantics.hpp"

namespace flick::cli {
namespace {

struct DriftOptions {
  DatabaseOptions database;
  bool against_schema = false;
  bool json = false;
};

struct Expected {
  model::Catalog catalog;
  std::string source;  // "snapshot meta/0003_snapshot.json" or "schema files"
  bool from_snapshot = false;
  bool objects_recorded = false;  // the snapshot has its objects file
};

Expected expected_catalog(const DriftOptions& options, const store::Config& config) {
  if (options.against_schema) {
    return {ddl::read_schema_files(toolkit::schema_files_of(config)), "the schema files"};
  }
  store::MigrationFolder folder(config.out);
  std::optional<store::Snapshot> snapshot = folder.latest_snapshot();
  if (!snapshot) {
    throw UserError(
        fmt::format("{}: no snapshot to compare with (generate a migration first, "
                    "or pass --schema)",
                    config.out.string()));
  }
  model::Catalog catalog = snapshot->catalog;
  model::normalise(catalog);
  return {std::move(catalog), fmt::format("the last snapshot in {}", config.out.string()), true,
          snapshot->objects_recorded};
}

int run_drift(const DriftOptions& options) {
  store::Config config = load_project(options.database.project, options.against_schema);
  Expected expected = expected_catalog(options, config);
  pg::Connection connection(database_url(config));
  introspect::Filters filters{config.schema_filter, config.tables_filter, config.migrations.schema,
                              config.migrations.table};
  std::vector<introspect::NotCovered> not_covered;
  model::Catalog live = introspect::read_catalog(connection, filters, &not_covered);
  if (expected.from_snapshot) {
    store::reconcile_with_drizzle_snapshot(expected.catalog, live, expected.objects_recorded);
  }
  introspect::align(connection, live, expected.catalog);
  diff::Options diff_options;  // no renames guessed: a rename shows as a drop and a create
  diff_options.ask = [](diff::ObjectKind, const std::string&, const std::vector<std::string>&) {
    return std::optional<std::string>();
  };
  diff::ChangeSet changes = diff::diff(live, expected.catalog, diff_options);
  std::vector<std::string> statements = emit::sql_statements(changes);
  // What the reconciling SQL would do to the data (enum values rows still use, NULLs under a new
  // NOT NULL, duplicates under a new unique key, ...).
  std::vector<std::string> risks = introspect::data_risks(connection, live, changes);
  if (options.json) {
    nlohmann::ordered_json out;
    out["drifted"] = !changes.empty();
    out["against"] = expected.source;
    out["differences"] = introspect::differences(changes, live, expected.catalog);
    out["changes"] = nlohmann::ordered_json::array();
    for (const auto& change : changes.changes)
      out["changes"].push_back(introspect::describe(change));
    out["risks"] = risks;
    out["sql"] = statements;
    out["notCovered"] = nlohmann::ordered_json::array();
    for (const auto& item : not_covered) {
      out["notCovered"].push_back({{"kind", item.kind}, {"name", item.name}});
    }
    fmt::print("{}\n", out.dump(2));
    return changes.empty() ? 0 : 1;
  }
  if (changes.empty()) {
    fmt::print("No drift: the database matches {}\n", expected.source);
    return 0;
  }
  fmt::print("The database has drifted from {}:\n", expected.source);
  for (const std::string& difference : introspect::differences(changes, live, expected.catalog)) {
    fmt::print("  - {}\n", difference);
  }
  fmt::print("\nTo reconcile it:\n");
  for (const auto& change : changes.changes) fmt::print("  - {}\n", introspect::describe(change));
  if (!risks.empty()) {
    fmt::print("\nThe data it touches:\n");
    for (const auto& risk : risks) fmt::print("  - {}\n", risk);
  }
  fmt::print("\nSQL:\n");
  for (const auto& statement : statements) {
    fmt::print("{}{}", statement, statement.ends_with('\n') ? "" : "\n");
  }
  return 1;
}

}  // namespace

void setup_drift(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<DriftOptions>();
  CLI::App* command = app.add_subcommand(
      "drift", "compare the live database with the last snapshot (or the schema files)");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  // --schema alone compares with the configured schema files; with globs, with those files.
  command->get_option("--schema")
      ->expected(0, CLI::detail::expected_max_vector_size)
      ->description("compare with the schema files (flick.toml's, or the globs given)");
  command->add_flag("--json", options->json, "print the result as JSON");
  command->callback([options, command, &status] {
    options->against_schema = command->count("--schema") > 0;
    status.code = run_drift(*options);
  });
}

}  // namespace flick::cli
