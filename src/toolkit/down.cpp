// toolkit::down: undoes applied migrations with SQL computed from the folder.

#include <fmt/core.h>

#include "check/check.hpp"
#include "migrate/advisory_lock.hpp"
#include "migrate/bookkeeping.hpp"
#include "migrate/migrator.hpp"
#include "toolkit/project_state.hpp"

namespace flick::toolkit {

DownReport down(const Project& project, const DownOptions& options) {
  const store::Config& config = config_of(project);
  store::MigrationFolder folder(config.out);
  migrate::MigrateOptions bookkeeping = bookkeeping_options(config);
  pg::Connection connection = connect_database(project, options.url);
  migrate::Bookkeeping table(connection, bookkeeping.schema, bookkeeping.table);
  migrate::AdvisoryLock lock(connection, table.lock_name(), bookkeeping.lock_wait);
  migrate::FolderStatus status = migrate::read_status(connection, folder, bookkeeping);
  const std::vector<migrate::EntryStatus>& entries = status.entries;

  std::vector<std::size_t> to_undo;  // newest first
  bool found_to = options.to_tag.empty();
  for (std::size_t i = entries.size(); i-- > 0;) {
    if (!options.to_tag.empty() && entries[i].entry.tag == options.to_tag) {
      found_to = true;
      break;
    }
    if (entries[i].state == migrate::EntryState::kPending) continue;
    to_undo.push_back(i);
    if (options.to_tag.empty()) break;
  }
  if (!found_to) throw UserError(fmt::format("--to {}: no such migration", options.to_tag));
  DownReport report;
  if (to_undo.empty()) return report;

  std::vector<check::Undo> undos = check::plan_undo(folder, config.migrations.search_path, to_undo);
  bool complete = true;
  bool loses_data = false;
  for (const check::Undo& undo : undos) {
    report.steps.push_back({.tag = entries[undo.index].entry.tag,
                            .statements = undo.statements,
                            .notes = undo.notes,
                            .data_loss = undo.data_loss,
                            .not_undone = undo.not_undone});
    complete = complete && undo.not_undone.empty();
    loses_data = loses_data || !undo.data_loss.empty();
  }
  if (options.on_plan) options.on_plan(report.steps);
  if (!complete) {
    report.outcome = DownOutcome::kRefusedIncomplete;
  } else if (loses_data && !options.accept_data_loss) {
    report.outcome = DownOutcome::kRefusedDataLoss;
  } else if (!options.run) {
    report.outcome = DownOutcome::kPlanned;
  } else {
    for (const check::Undo& undo : undos) {
      const migrate::EntryStatus& entry = entries[undo.index];
      pg::Transaction transaction(connection);
      for (const std::string& statement : undo.statements) connection.exec(statement);
      table.remove(*entry.row);
      transaction.commit();
      if (options.on_undone) options.on_undone(entry.entry.tag);
    }
    report.outcome = DownOutcome::kUndone;
  }
  return report;
}

}  // namespace flick::toolkit
