#include "check/check.hpp"

#include <algorithm>

namespace flick::check {

int Report::errors() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.severity == Severity::kError;
  }));
}

int Report::warnings() const { return static_cast<int>(findings.size()) - errors(); }

std::filesystem::path snapshot_path_for(const store::MigrationFolder& folder,
                                        const store::JournalEntry& entry) {
  std::string prefix = entry.tag.substr(0, entry.tag.find('_'));
  return folder.meta_dir() / (prefix + "_snapshot.json");
}

Report check_folder(const store::MigrationFolder& folder, const model::Catalog* schema,
                    bool every_snapshot, const std::string& search_path) {
  Report report;
  check_structure(folder, report);
  check_snapshot_chain(folder, report);
  check_journal_order(folder, report);
  check_history(folder, every_snapshot, report, search_path);
  if (schema != nullptr) check_schema_matches(folder, *schema, report);
  return report;
}

}  // namespace flick::check
