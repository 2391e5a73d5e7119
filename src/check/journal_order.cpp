// Journal `when` must strictly increase: drizzle-orm's migrator only runs migrations whose `when`
// is newer than the newest one applied, so an older `when` after a newer one is skipped silently.

#include <fmt/core.h>

#include "check/check.hpp"

namespace flick::check {

void check_journal_order(const store::MigrationFolder& folder, Report& report) {
  const auto& entries = folder.journal().entries;
  for (std::size_t i = 1; i < entries.size(); ++i) {
    const store::JournalEntry& before = entries[i - 1];
    const store::JournalEntry& after = entries[i];
    if (after.when > before.when) continue;
    report.findings.push_back(
        {Severity::kError, "journal-order", "meta/_journal.json", 0,
         fmt::format("the `when` of {} ({}) is not after that of {} ({}): drizzle-orm's migrator "
                     "skips {} on every database where {} is already applied",
                     after.tag, after.when, before.tag, before.when, after.tag, before.tag)});
  }
}

}  // namespace flick::check
