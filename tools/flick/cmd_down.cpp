// flick down [--to TAG]: undoes applied migrations with SQL computed from the snapshot pair
// (N -> N-1), shown first and run only with --yes.

#include <fmt/core.h>

#include <memory>

#include "check/check.hpp"
#include "commands.hpp"
#include "database.hpp"
#include "diff/data_loss.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "flick/error.hpp"
#include "migrate/advisory_lock.hpp"
#include "migrate/bookkeeping.hpp"
#include "migrate_options.hpp"
#include "store/folder.hpp"

namespace flick::cli {
namespace {

struct DownOptions {
  DatabaseOptions database;
  std::string to;
  bool yes = false;
  bool force = false;
};

// "\"public\".\"notes\"" -> "public.notes"
std::string unquote_path(const std::string& quoted) {
  std::string out;
  for (char c : quoted) {
    if (c != '"') out += c;
  }
  return out;
}

// The renames migration N recorded, reversed, so undoing it renames back instead of dropping.
diff::Options reverse_renames(const store::Snapshot& snapshot) {
  diff::Options options;
  for (const auto& [from, to] : snapshot.meta.schemas) {
    options.renames.push_back({diff::ObjectKind::kSchema, unquote_path(to), unquote_path(from)});
  }
  for (const auto& [from, to] : snapshot.meta.tables) {
    options.renames.push_back({diff::ObjectKind::kTable, unquote_path(to), unquote_path(from)});
  }
  for (const auto& [from, to] : snapshot.meta.columns) {
    std::string old_path = unquote_path(from);
    options.renames.push_back(
        {diff::ObjectKind::kColumn, unquote_path(to), old_path.substr(old_path.rfind('.') + 1)});
  }
  return options;
}

store::Snapshot snapshot_of(const store::MigrationFolder& folder,
                            const store::JournalEntry& entry) {
  std::filesystem::path path = check::snapshot_path_for(folder, entry);
  if (!std::filesystem::exists(path)) {
    throw UserError(fmt::format("{}: missing, so the reverse of {} cannot be computed",
                                path.string(), entry.tag));
  }
  return store::read_snapshot(path);
}

int run_down(const DownOptions& options) {
  store::Config config = load_project(options.database.project, /*resolve_schema=*/false);
  store::MigrationFolder folder(config.out);
  migrate::MigrateOptions migrate = migrate_options(config, options.database);
  pg::Connection connection(database_url(config));
  migrate::Bookkeeping bookkeeping(connection, migrate.schema, migrate.table);
  migrate::AdvisoryLock lock(connection, bookkeeping.lock_name(), migrate.lock_wait);
  migrate::FolderStatus status = migrate::read_status(connection, folder, migrate);
  const auto& entries = status.entries;

  std::vector<std::size_t> to_undo;  // newest first
  bool found_to = options.to.empty();
  for (std::size_t i = entries.size(); i-- > 0;) {
    if (!options.to.empty() && entries[i].entry.tag == options.to) {
      found_to = true;
      break;
    }
    if (entries[i].state == migrate::EntryState::kPending) continue;
    to_undo.push_back(i);
    if (options.to.empty()) break;
  }
  if (!found_to) throw UserError(fmt::format("--to {}: no such migration", options.to));
  if (to_undo.empty()) {
    fmt::print("nothing to undo\n");
    return 0;
  }

  struct Step {
    std::size_t index;
    std::vector<std::string> statements;
  };
  std::vector<Step> steps;
  std::vector<std::string> losses;
  for (std::size_t index : to_undo) {
    store::Snapshot current = snapshot_of(folder, entries[index].entry);
    model::Catalog previous;
    if (index > 0) previous = snapshot_of(folder, entries[index - 1].entry).catalog;
    model::Catalog from = current.catalog;
    model::normalise(from);
    model::normalise(previous);
    diff::ChangeSet changes = diff::diff(from, previous, reverse_renames(current));
    for (const std::string& loss : diff::data_loss(changes)) {
      losses.push_back(entries[index].entry.tag + ": " + loss);
    }
    steps.push_back({index, emit::sql_statements(changes)});
  }

  for (const Step& step : steps) {
    fmt::print("-- undo {}\n", entries[step.index].entry.tag);
    for (const std::string& statement : step.statements) fmt::print("{}\n", statement);
  }
  if (!losses.empty() && !options.force) {
    fmt::print(stderr, "refused: undoing loses data (pass --force to accept):\n");
    for (const std::string& loss : losses) fmt::print(stderr, "  - {}\n", loss);
    return 1;
  }
  if (!options.yes) {
    fmt::print("nothing was run: pass --yes to run the SQL above\n");
    return 0;
  }
  for (const Step& step : steps) {
    const migrate::EntryStatus& entry = entries[step.index];
    connection.exec("BEGIN");
    try {
      for (const std::string& statement : step.statements) connection.exec(statement);
      bookkeeping.remove(*entry.row);
      connection.exec("COMMIT");
    } catch (const pg::PgError&) {
      connection.exec("ROLLBACK");
      throw;
    }
    fmt::print("undone {}\n", entry.entry.tag);
  }
  return 0;
}

}  // namespace

void setup_down(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<DownOptions>();
  CLI::App* command = app.add_subcommand(
      "down", "undo the last applied migration (or all after --to) from the snapshot pair");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_option("--to", options->to, "undo every migration applied after this tag");
  command->add_flag("--yes", options->yes, "run the SQL (default: only print it)");
  command->add_flag("--force", options->force, "run even when undoing loses data");
  command->callback([options, &status] { status.code = run_down(*options); });
}

}  // namespace flick::cli
