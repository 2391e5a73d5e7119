// flick down [--to TAG]: undoes applied migrations with SQL computed from the schemas the
// folder's SQL builds before and after each (check::plan_undo), shown first and run only with
// --yes.

#include <fmt/core.h>

#include <memory>

#include "check/check.hpp"
#include "commands.hpp"
#include "database.hpp"
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

  std::vector<check::Undo> undos = check::plan_undo(folder, config.migrations.search_path, to_undo);
  std::vector<std::string> losses;
  std::vector<std::string> not_undone;
  for (const check::Undo& undo : undos) {
    const std::string& tag = entries[undo.index].entry.tag;
    for (const std::string& loss : undo.data_loss) losses.push_back(tag + ": " + loss);
    not_undone.insert(not_undone.end(), undo.not_undone.begin(), undo.not_undone.end());
  }
  for (const check::Undo& undo : undos) {
    fmt::print("-- undo {}\n", entries[undo.index].entry.tag);
    for (const std::string& note : undo.notes) fmt::print("-- note: {}\n", note);
    for (const std::string& statement : undo.statements) fmt::print("{}\n", statement);
  }
  if (!not_undone.empty()) {
    fmt::print(stderr, "refused: the SQL above would not undo everything (nothing was run):\n");
    for (const std::string& reason : not_undone) fmt::print(stderr, "  - {}\n", reason);
    return 2;
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
  for (const check::Undo& undo : undos) {
    const migrate::EntryStatus& entry = entries[undo.index];
    pg::Transaction transaction(connection);
    for (const std::string& statement : undo.statements) connection.exec(statement);
    bookkeeping.remove(*entry.row);
    transaction.commit();
    fmt::print("undone {}\n", entry.entry.tag);
  }
  return 0;
}

}  // namespace

void setup_down(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<DownOptions>();
  CLI::App* command = app.add_subcommand(
      "down", "undo the last applied migration (or all after --to), computed from the SQL files");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_option("--to", options->to, "undo every migration applied after this tag");
  command->add_flag("--yes", options->yes, "run the SQL (default: only print it)");
  command->add_flag("--force", options->force, "run even when undoing loses data");
  command->callback([options, &status] { status.code = run_down(*options); });
}

}  // namespace flick::cli
