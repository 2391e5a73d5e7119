// toolkit::push: the schema files applied to the live database directly, in one transaction.

#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "introspect/changes.hpp"
#include "introspect/introspect.hpp"
#include "toolkit/project_state.hpp"

namespace flick::toolkit {

PushReport push(const Project& project, const PushOptions& options) {
  const store::Config& config = config_of(project);
  // Bad input (schema files, rename answers) is refused before the database is opened.
  model::Catalog wanted = project.read_schema();
  diff::Options diff_options =
      rename_options(options.renames, options.drops, options.hints_file, options.ask);
  // One transaction: an index cannot be built CONCURRENTLY inside it.
  for (model::Table& table : wanted.tables) {
    for (model::Index& index : table.indexes) index.concurrently = false;
  }
  pg::Connection connection = connect_database(project, options.url);
  connection.exec("SET client_min_messages TO warning");
  // Read, compare and apply in one transaction: rolled back on every way out but the commit.
  pg::Transaction transaction(connection);
  introspect::Filters filters = database_filters(config);
  model::Catalog live = introspect::read_catalog(connection, filters);
  introspect::align(connection, live, wanted);
  diff::ChangeSet changes = diff::diff(live, wanted, diff_options);
  PushReport report;
  if (changes.empty()) return report;
  PushPlan& plan = report.plan;
  plan.statements = emit::sql_statements(changes);
  plan.differences = introspect::differences(changes, live, wanted);
  for (const auto& change : changes.changes) plan.changes.push_back(introspect::describe(change));
  plan.risks = introspect::data_risks(connection, live, changes);
  bool accepted = options.confirm ? options.confirm(plan) : plan.risks.empty();
  if (!accepted) {
    report.outcome = PushOutcome::kRefused;
    return report;
  }
  for (const std::string& statement : plan.statements) {
    if (options.on_statement) options.on_statement(statement);
    connection.exec(statement);
  }
  transaction.commit();
  report.outcome = PushOutcome::kApplied;
  return report;
}

}  // namespace flick::toolkit
