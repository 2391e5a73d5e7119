// Journal <-> SQL files <-> snapshots: every entry has its files, every file has its entry, the
// idx sequence has no gap, tags are unique.

#include <fmt/core.h>

#include <set>

#include "check/check.hpp"

namespace flick::check {

void check_structure(const store::MigrationFolder& folder, Report& report) {
  const auto& entries = folder.journal().entries;
  if (!folder.has_journal()) {
    if (!folder.sql_paths().empty()) {
      report.findings.push_back({Severity::kError, "missing-journal", "meta/_journal.json", 0,
                                 "the folder has SQL files but no meta/_journal.json: no "
                                 "migrator can tell which migrations exist"});
    }
    return;
  }
  std::set<std::string> tags;
  std::set<std::filesystem::path> expected_snapshots;
  std::set<int> idxs;
  int previous_idx = -1;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const store::JournalEntry& entry = entries[i];
    // One finding per break in the sequence, not one per later entry.
    if (!idxs.insert(entry.idx).second) {
      report.findings.push_back(
          {Severity::kError, "journal-idx", "meta/_journal.json", 0,
           fmt::format("entry {} (\"{}\") has idx {} like an earlier entry: two branches each "
                       "added migration {}, and drizzle-kit numbers the next migration from the "
                       "last idx (flick check --fix renumbers)",
                       i, entry.tag, entry.idx, entry.idx)});
    } else if (entry.idx != previous_idx + 1) {
      report.findings.push_back(
          {Severity::kWarning, "journal-idx", "meta/_journal.json", 0,
           fmt::format("entry {} (\"{}\") has idx {}, expected {}: drizzle-orm's migrator goes "
                       "by the order of the entries and ignores idx, but drizzle-kit numbers the "
                       "next migration from it (flick check --fix renumbers)",
                       i, entry.tag, entry.idx, previous_idx + 1)});
    }
    previous_idx = entry.idx;
    if (!tags.insert(entry.tag).second) {
      report.findings.push_back({Severity::kError, "duplicate-tag", "meta/_journal.json", 0,
                                 fmt::format("tag \"{}\" appears twice", entry.tag)});
    }
    if (!std::filesystem::exists(folder.sql_path(entry))) {
      report.findings.push_back({Severity::kError, "missing-sql", entry.tag + ".sql", 0,
                                 fmt::format("journal entry {} names {}.sql, which does not exist",
                                             entry.idx, entry.tag)});
    }
    std::filesystem::path snapshot = folder.snapshot_path(entry);
    expected_snapshots.insert(snapshot);
    if (!std::filesystem::exists(snapshot)) {
      report.findings.push_back(
          {Severity::kError, "missing-snapshot", "meta/" + snapshot.filename().string(), 0,
           fmt::format("{} has no snapshot: the next generate diffs against an older schema and "
                       "`down` cannot compute its reverse",
                       entry.tag)});
    }
  }
  for (const auto& path : folder.sql_paths()) {
    if (!tags.count(path.stem().string())) {
      report.findings.push_back({Severity::kError, "unlisted-sql", path.filename().string(), 0,
                                 "this SQL file is not in the journal: no migrator will run it"});
    }
  }
  for (const auto& path : folder.snapshot_paths()) {
    if (!expected_snapshots.count(path)) {
      report.findings.push_back({Severity::kWarning, "unlisted-snapshot",
                                 "meta/" + path.filename().string(), 0,
                                 "this snapshot belongs to no journal entry"});
    }
  }
}

}  // namespace flick::check
