// toolkit::drift: the live database against the last snapshot or the schema files.

#include <fmt/core.h>

#include "ddl/ddl.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "introspect/changes.hpp"
#include "introspect/introspect.hpp"
#include "store/folder.hpp"
#include "store/snapshot_semantics.hpp"
#include "toolkit/project_state.hpp"

namespace flick::toolkit {

DriftExpected drift_expected(const Project& project, bool against_schema) {
  const store::Config& config = config_of(project);
  if (against_schema) return {project.read_schema(), "the schema files"};
  store::MigrationFolder folder(config.out);
  std::optional<store::Snapshot> snapshot = folder.latest_snapshot();
  if (!snapshot) {
    throw UserError(fmt::format(
        "{}: no snapshot to compare with (generate a migration first, or pass --schema)",
        config.out.string()));
  }
  model::Catalog catalog = snapshot->catalog;
  model::normalise(catalog);
  as_compared(config, catalog);
  return {std::move(catalog), fmt::format("the last snapshot in {}", config.out.string()), true,
          snapshot->objects_recorded};
}

DriftReport drift(const Project& project, const DriftOptions& options) {
  DriftExpected expected = drift_expected(project, options.against_schema);
  pg::Connection connection = connect_database(project, options.url);
  return drift_on(config_of(project), std::move(expected), connection);
}

DriftReport drift_on(const store::Config& config, DriftExpected expected,
                     pg::Connection& connection) {
  introspect::Filters filters = database_filters(config);
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
  DriftReport report;
  report.against = expected.source;
  report.sql = emit::sql_statements(changes);
  // What the reconciling SQL would do to the data (enum values rows still use, NULLs under a new
  // NOT NULL, duplicates under a new unique key, ...).
  report.risks = introspect::data_risks(connection, live, changes);
  report.differences = introspect::differences(changes, live, expected.catalog);
  for (const auto& change : changes.changes) report.changes.push_back(introspect::describe(change));
  for (const auto& item : not_covered) report.not_covered.push_back({item.kind, item.name});
  return report;
}

}  // namespace flick::toolkit

namespace flick::toolkit {

std::vector<Diagnostic> to_diagnostics(const DriftReport& report) {
  std::vector<Diagnostic> diagnostics;
  std::string fix;
  if (!report.sql.empty()) {
    fix = "generate a migration for it, or reconcile the database with: ";
    for (std::size_t i = 0; i < report.sql.size(); ++i) {
      std::string statement = report.sql[i];
      while (!statement.empty() && statement.back() == '\n') statement.pop_back();
      fix += (i == 0 ? "" : " ") + statement;
    }
  }
  // Every change has its difference in words; a change without one still shows as itself.
  const std::vector<std::string>& items =
      report.differences.empty() ? report.changes : report.differences;
  for (const std::string& difference : items) {
    diagnostics.push_back({.severity = Severity::kError,
                           .rule = "drift",
                           .message = difference,
                           .why = "the database differs from " + report.against,
                           .fix = fix});
  }
  for (const std::string& risk : report.risks) {
    diagnostics.push_back({.severity = Severity::kWarning,
                           .rule = "drift-data-risk",
                           .message = risk,
                           .why = "the reconciling SQL touches rows the database holds"});
  }
  return diagnostics;
}

}  // namespace flick::toolkit
