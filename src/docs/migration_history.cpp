#include "docs/migration_history.hpp"

#include <fmt/core.h>

#include "check/check.hpp"
#include "docs/change_words.hpp"
#include "flick/error.hpp"

namespace flick::docs {

std::vector<MigrationChanges> migration_changes(const store::MigrationFolder& folder,
                                                const std::string& search_path) {
  std::vector<MigrationChanges> results;
  check::replay_migrations(folder, search_path, folder.journal().entries.size(),
                           [&](const check::ReplayedMigration& migration) {
                             MigrationChanges result;
                             result.not_followed = migration.problems;
                             result.other_objects = migration.outside_model;
                             result.data_statements = migration.data_statements;
                             try {
                               diff::ChangeSet changes =
                                   diff::diff(*migration.before, *migration.after,
                                              check::rename_hints(migration, false));
                               for (const diff::Change& change : changes.changes) {
                                 result.changes.push_back(describe(change));
                               }
                             } catch (const UserError& error) {
                               result.not_followed.push_back(fmt::format(
                                   "{}: the schemas before and after it cannot be compared: {}",
                                   migration.file, error.what()));
                             }
                             results.push_back(std::move(result));
                           });
  return results;
}

}  // namespace flick::docs
