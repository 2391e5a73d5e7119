// Each snapshot against the schema obtained by replaying the migrations up to it: a snapshot that
// says something the SQL does not do (a hand-edited migration, a snapshot from another branch)
// makes the next generate diff against a schema no database has.

#include <fmt/core.h>

#include <algorithm>

#include "check/check.hpp"
#include "ddl/replay.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "flick/error.hpp"
#include "store/json_access.hpp"

namespace flick::check {
namespace {

bool has_error_for(const Report& report, const std::string& file) {
  return std::any_of(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
    return f.severity == Severity::kError && f.file == file;
  });
}

// The first statements generate would write to go from the replayed schema to the snapshot's.
std::string describe(const ChangesDescription& changes) {
  std::string text;
  for (std::size_t i = 0; i < changes.statements.size() && i < 3; ++i) {
    std::string statement = changes.statements[i];
    std::replace(statement.begin(), statement.end(), '\n', ' ');
    while (!statement.empty() && statement.back() == ' ') statement.pop_back();
    if (statement.size() > 160) statement = statement.substr(0, 157) + "...";
    text += "\n    " + statement;
  }
  if (changes.statements.size() > 3) {
    text += fmt::format("\n    ... and {} more", changes.statements.size() - 3);
  }
  return text;
}

}  // namespace

ChangesDescription snapshot_differences(const model::Catalog& replayed,
                                        const model::Catalog& snapshot) {
  ChangesDescription description;
  model::Catalog normalised = snapshot;
  model::normalise(normalised);
  try {
    diff::ChangeSet changes = diff::diff(replayed, normalised, diff::Options{});
    description.count = changes.changes.size();
    if (!changes.empty()) description.statements = emit::sql_statements(changes);
  } catch (const UserError& ambiguity) {
    description.count = 1;
    description.statements.push_back(ambiguity.what());
  }
  return description;
}

void check_snapshot_replay(const store::MigrationFolder& folder, bool every_snapshot,
                           Report& report) {
  const auto& entries = folder.journal().entries;
  std::size_t last_snapshot = entries.size();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (std::filesystem::exists(snapshot_path_for(folder, entries[i]))) last_snapshot = i;
  }
  ddl::Replayer replayer;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const store::JournalEntry& entry = entries[i];
    std::filesystem::path path = folder.sql_path(entry);
    std::string file = path.filename().string();
    if (!std::filesystem::exists(path)) return;  // reported by check_structure
    try {
      replayer.apply(store::read_text_file(path.string()), file);
    } catch (const UserError& error) {
      // A statement that cannot run: already named by the statement checks, or named here.
      if (!has_error_for(report, file)) {
        report.findings.push_back({Severity::kError, "replay", file, 0,
                                   fmt::format("{} (replaying the migrations in journal order "
                                               "from an empty schema)",
                                               error.what())});
      }
      return;
    }
    if (!every_snapshot && i != last_snapshot) continue;
    std::filesystem::path snapshot_path = snapshot_path_for(folder, entry);
    std::string snapshot_file = "meta/" + snapshot_path.filename().string();
    if (!std::filesystem::exists(snapshot_path) || has_error_for(report, snapshot_file)) continue;
    store::Snapshot snapshot;
    try {
      snapshot = store::read_snapshot(snapshot_path);
    } catch (const UserError& error) {
      report.findings.push_back({Severity::kError, "bad-snapshot", snapshot_file, 0, error.what()});
      continue;
    }
    ChangesDescription differences = snapshot_differences(replayer.catalog(), snapshot.catalog);
    if (differences.count == 0) continue;
    report.findings.push_back(
        {Severity::kError, "snapshot-mismatch", snapshot_file, 0,
         fmt::format("does not match the schema the migrations up to {} build ({} difference{}); "
                     "from the replayed schema to the snapshot's, generate would write:{}",
                     file, differences.count, differences.count == 1 ? "" : "s",
                     describe(differences))});
  }
}

}  // namespace flick::check
