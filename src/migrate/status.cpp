#include "migrate/status.hpp"

#include <map>
#include <set>

namespace flick::migrate {

const char* to_string(EntryState state) {
  switch (state) {
    case EntryState::kApplied:
      return "applied";
    case EntryState::kPending:
      return "pending";
    case EntryState::kEdited:
      return "edited";
  }
  return "?";
}

FolderStatus match_applied(const std::vector<store::JournalEntry>& entries,
                           const std::vector<std::string>& file_hashes,
                           const std::vector<AppliedRow>& rows) {
  std::multimap<std::int64_t, std::size_t> rows_by_when;
  std::multimap<std::string, std::size_t> rows_by_hash;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows_by_when.emplace(rows[i].created_at, i);
    rows_by_hash.emplace(rows[i].hash, i);
  }
  std::set<std::size_t> used;
  auto take = [&](auto& index, const auto& key) -> std::optional<std::size_t> {
    auto [begin, end] = index.equal_range(key);
    for (auto it = begin; it != end; ++it) {
      if (!used.count(it->second)) {
        used.insert(it->second);
        return it->second;
      }
    }
    return std::nullopt;
  };

  FolderStatus status;
  status.entries.resize(entries.size());
  // First the rows whose `when` and hash both match, then `when` alone (an edited file), then the
  // hash alone (a `when` changed by check --fix).
  for (int pass = 0; pass < 3; ++pass) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
      EntryStatus& entry = status.entries[i];
      entry.entry = entries[i];
      entry.file_hash = file_hashes[i];
      if (entry.row) continue;
      std::optional<std::size_t> row;
      if (pass == 0) {
        auto [begin, end] = rows_by_when.equal_range(entries[i].when);
        for (auto it = begin; it != end && !row; ++it) {
          if (!used.count(it->second) && rows[it->second].hash == file_hashes[i]) {
            used.insert(it->second);
            row = it->second;
          }
        }
      } else if (pass == 1) {
        row = take(rows_by_when, entries[i].when);
      } else {
        row = take(rows_by_hash, file_hashes[i]);
      }
      if (!row) continue;
      entry.row = rows[*row];
      entry.state = rows[*row].hash == file_hashes[i] ? EntryState::kApplied : EntryState::kEdited;
    }
  }
  std::optional<std::int64_t> newest_applied;
  for (const AppliedRow& row : rows) {
    if (!newest_applied || row.created_at > *newest_applied) newest_applied = row.created_at;
  }
  bool later_applied = false;
  for (auto it = status.entries.rbegin(); it != status.entries.rend(); ++it) {
    if (it->state == EntryState::kPending) {
      it->out_of_order = later_applied || (newest_applied && it->entry.when <= *newest_applied);
    } else {
      later_applied = true;
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!used.count(i)) status.unknown_rows.push_back(rows[i]);
  }
  return status;
}

}  // namespace flick::migrate
