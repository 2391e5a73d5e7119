#include "migrate/status.hpp"

#include <algorithm>
#include <optional>
#include <span>

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

namespace {

// Row numbers ordered by a key of their row, equal keys in row order: the rows with one key are a
// contiguous run, found by binary search (one allocation for all, where a multimap made a node
// and a key copy per row).
template <class Key>
class RowsByKey {
 public:
  RowsByKey(const std::vector<AppliedRow>& rows, Key AppliedRow::*key) : rows_(rows), key_(key) {
    order_.resize(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) order_[i] = i;
    std::stable_sort(order_.begin(), order_.end(),
                     [&](std::size_t a, std::size_t b) { return rows[a].*key < rows[b].*key; });
  }

  // The rows whose key is `value`, in row order.
  std::span<const std::size_t> equal_to(const Key& value) const {
    auto begin = std::lower_bound(order_.begin(), order_.end(), value,
                                  [&](std::size_t i, const Key& v) { return rows_[i].*key_ < v; });
    auto end = std::upper_bound(begin, order_.end(), value,
                                [&](const Key& v, std::size_t i) { return v < rows_[i].*key_; });
    return {begin, end};
  }

 private:
  const std::vector<AppliedRow>& rows_;
  Key AppliedRow::*key_;
  std::vector<std::size_t> order_;
};

}  // namespace

FolderStatus match_applied(const std::vector<store::JournalEntry>& entries,
                           const std::vector<std::string>& file_hashes,
                           const std::vector<AppliedRow>& rows) {
  RowsByKey<std::int64_t> rows_by_when(rows, &AppliedRow::created_at);
  std::optional<RowsByKey<std::string>> rows_by_hash;  // made only when the third pass runs
  std::vector<bool> used(rows.size(), false);
  // The first row of `candidates` not taken yet that `fits`, now taken.
  auto take = [&](std::span<const std::size_t> candidates,
                  auto fits) -> std::optional<std::size_t> {
    for (std::size_t row : candidates) {
      if (!used[row] && fits(rows[row])) {
        used[row] = true;
        return row;
      }
    }
    return std::nullopt;
  };
  auto any_row = [](const AppliedRow&) { return true; };

  FolderStatus status;
  status.entries.resize(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    status.entries[i].entry = entries[i];
    status.entries[i].file_hash = file_hashes[i];
  }
  // First the rows whose `when` and hash both match, then `when` alone (an edited file), then the
  // hash alone (a `when` changed by check --fix).
  std::size_t matched = 0;
  for (int pass = 0; pass < 3 && matched < entries.size() && matched < rows.size(); ++pass) {
    if (pass == 2) rows_by_hash.emplace(rows, &AppliedRow::hash);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      EntryStatus& entry = status.entries[i];
      if (entry.row) continue;
      std::optional<std::size_t> row;
      if (pass == 0) {
        row = take(rows_by_when.equal_to(entries[i].when),
                   [&](const AppliedRow& candidate) { return candidate.hash == file_hashes[i]; });
      } else if (pass == 1) {
        row = take(rows_by_when.equal_to(entries[i].when), any_row);
      } else {
        row = take(rows_by_hash->equal_to(file_hashes[i]), any_row);
      }
      if (!row) continue;
      ++matched;
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
    if (!used[i]) status.unknown_rows.push_back(rows[i]);
  }
  return status;
}

}  // namespace flick::migrate
