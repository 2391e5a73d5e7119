// plan_undo: the reverse of applied migrations, from the schemas the folder's SQL builds before
// and after each one.

#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "check/check.hpp"
#include "diff/data_loss.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "flick/error.hpp"

namespace flick::check {

std::vector<Undo> plan_undo(const store::MigrationFolder& folder, const std::string& search_path,
                            const std::vector<std::size_t>& indices) {
  if (indices.empty()) return {};
  std::size_t last = *std::max_element(indices.begin(), indices.end());
  if (last >= folder.journal().entries.size()) {
    throw UserError(fmt::format("no migration at journal position {}", last));
  }
  std::map<std::size_t, Undo> planned;
  replay_migrations(folder, search_path, last, [&](const ReplayedMigration& migration) {
    if (std::find(indices.begin(), indices.end(), migration.index) == indices.end()) return;
    Undo undo;
    undo.index = migration.index;
    undo.not_undone = migration.problems;
    for (const std::string& object : migration.outside_model) {
      undo.not_undone.push_back(fmt::format(
          "{}: {} (not followed by the model yet: undo it by hand)", migration.file, object));
    }
    if (migration.data_statements > 0) {
      undo.notes.push_back(fmt::format(
          "{} has {} data statement{} (INSERT, UPDATE, DELETE, ...): the rows {} are left as they "
          "are",
          migration.file, migration.data_statements, migration.data_statements == 1 ? "" : "s",
          migration.data_statements == 1 ? "it wrote" : "they wrote"));
    }
    try {
      diff::ChangeSet changes = diff::diff(*migration.after, *migration.before,
                                           rename_hints(migration, /*reversed=*/true));
      undo.data_loss = diff::data_loss(changes);
      undo.statements = emit::sql_statements(changes);
    } catch (const UserError& error) {
      undo.not_undone.push_back(fmt::format("{}: {}", migration.file, error.what()));
    }
    planned[migration.index] = std::move(undo);
  });
  std::vector<Undo> undos;
  for (std::size_t index : indices) undos.push_back(planned.at(index));
  return undos;
}

}  // namespace flick::check
