// toolkit::generate: the schema files against the latest snapshot, written as the next migration.

#include <chrono>
#include <future>

#include "ddl/ddl.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "emit/safe.hpp"
#include "store/folder.hpp"
#include "store/uuid.hpp"
#include "toolkit/project_state.hpp"

namespace flick::toolkit {

namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

diff::Options diff_options(const GenerateOptions& options) {
  return rename_options(options.renames, options.drops, options.hints_file, options.ask);
}

WrittenMigration written(const store::WrittenMigration& migration, std::size_t statements,
                         bool custom) {
  return {.tag = migration.entry.tag,
          .sql_path = migration.sql_path,
          .snapshot_path = migration.snapshot_path,
          .statements = statements,
          .custom = custom};
}

void record_renames(const diff::ChangeSet& changes, store::NewMigration& migration) {
  migration.snapshot.meta.tables = changes.renamed_tables;
  migration.snapshot.meta.columns = changes.renamed_columns;
  migration.snapshot.meta.schemas = changes.renamed_schemas;
}

}  // namespace

diff::Options rename_options(const std::vector<std::string>& renames,
                             const std::vector<std::string>& drops, const std::string& hints_file,
                             const AskRename& ask) {
  diff::Options result;
  for (const auto& text : renames) result.renames.push_back(diff::parse_rename_hint(text));
  for (const auto& text : drops) result.drops.push_back(diff::parse_drop_hint(text));
  if (!hints_file.empty()) diff::read_hints_file(hints_file, result.renames, result.drops);
  if (ask) {
    result.ask = [ask](diff::ObjectKind kind, const std::string& created,
                       const std::vector<std::string>& candidates) {
      return ask(std::string(diff::kind_name(kind)), created, candidates);
    };
  }
  return result;
}

GenerateReport generate(const Project& project, const GenerateOptions& options) {
  const store::Config& config = config_of(project);
  store::MigrationFolder folder(config.out);
  // The schema files are read while the folder's latest snapshot is: the two take about the
  // same time on a large schema. A folder problem is still reported before a schema problem.
  std::future<model::Catalog> reading_schema;
  if (!options.custom) {
    reading_schema = std::async(std::launch::async, [&project] { return project.read_schema(); });
  }
  std::optional<store::Snapshot> previous = folder.latest_snapshot();
  model::Catalog from = previous ? std::move(previous->catalog) : model::Catalog{};
  model::normalise(from);

  store::NewMigration migration;
  // The id latest_snapshot() read and checked (none: the nil id): write_migration and
  // complete_snapshot need not look for that file again.
  migration.snapshot.prev_id = previous ? previous->id : store::kNilUuid;
  migration.name = options.name;
  migration.prefix = config.migrations.prefix;
  migration.breakpoints = config.breakpoints;
  if (options.now_ms != 0) migration.now_ms = options.now_ms;

  GenerateReport report;
  if (options.custom) {
    migration.snapshot.catalog = from;
    report.written.push_back(written(folder.write_migration(std::move(migration)), 0, true));
    return report;
  }
  // Without schema files the target would be an empty schema: a migration dropping everything.
  model::Catalog to = reading_schema.get();
  as_compared(config, from);
  bool safe = options.safe || config.generate_safe;
  // The first migration of a schema with tables is certain to be written, as one migration, and
  // renames nothing: its snapshot is written on a second thread, straight into a file
  // (store::SnapshotDraft, a piece at a time), while the changes are computed and turned into SQL.
  std::future<store::SnapshotDraft> snapshot_draft;
  if (!previous && !to.tables.empty() && !safe) {
    migration.snapshot.catalog = std::move(to);
    folder.complete_snapshot(migration.snapshot);
    snapshot_draft = std::async(std::launch::async, [&folder, &snapshot = migration.snapshot] {
      return store::SnapshotDraft::write(folder, snapshot);
    });
  }
  const model::Catalog& target = snapshot_draft.valid() ? migration.snapshot.catalog : to;
  diff::ChangeSet changes = diff::diff(from, target, diff_options(options));
  if (changes.empty()) return report;
  if (safe) {
    // Lock-friendly forms; index builds on existing tables go to a second migration that runs
    // outside a transaction.
    emit::SafeStatements safe = emit::safe_sql_statements(changes, from);
    if (!safe.concurrent.empty()) {
      std::int64_t when = options.now_ms != 0 ? options.now_ms : now_ms();
      if (!safe.statements.empty()) {
        store::NewMigration first = migration;
        first.statements = safe.statements;
        first.snapshot.catalog = emit::before_concurrent_changes(changes, from, to);
        record_renames(changes, first);
        first.now_ms = when++;
        report.written.push_back(
            written(folder.write_migration(std::move(first)), safe.statements.size(), false));
      }
      store::NewMigration second = migration;
      if (!second.name.empty()) second.name += "_concurrently";
      second.statements = safe.concurrent;
      second.snapshot.catalog = std::move(to);
      second.now_ms = when;
      report.written.push_back(
          written(folder.write_migration(std::move(second)), safe.concurrent.size(), false));
      return report;
    }
    migration.statements = safe.statements;
  } else {
    migration.statements = emit::sql_statements(changes);
  }
  if (snapshot_draft.valid()) {
    migration.snapshot_draft = std::make_shared<store::SnapshotDraft>(snapshot_draft.get());
  } else {
    migration.snapshot.catalog = std::move(to);
  }
  record_renames(changes, migration);
  // (A rename recorded now would be missing from a text written beforehand.)
  if (migration.snapshot.meta != store::RenameMeta{}) migration.snapshot_draft.reset();
  std::size_t statements = migration.statements.size();
  report.written.push_back(
      written(folder.write_migration(std::move(migration)), statements, false));
  return report;
}

}  // namespace flick::toolkit
