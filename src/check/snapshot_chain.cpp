// The snapshot id/prevId chain: each snapshot's prevId is the id of the snapshot before it, the
// first one's is the nil UUID; two snapshots with the same prevId are two branches generated in
// parallel from the same parent.

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>
#include <vector>

#include "check/check.hpp"

namespace flick::check {
namespace {

constexpr const char* kNilUuid = "00000000-0000-0000-0000-000000000000";

// read_snapshot_ids of every path, on one thread per core: each file is scanned whole (a
// truncated snapshot is malformed), which is most of what checking the chain costs.
std::vector<std::optional<store::SnapshotIds>> read_all_ids(
    const std::vector<std::filesystem::path>& paths) {
  std::vector<std::optional<store::SnapshotIds>> ids(paths.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < paths.size(); i = next++) {
      if (!paths[i].empty()) ids[i] = store::read_snapshot_ids(paths[i]);
    }
  };
  unsigned threads = paths.size() < 16 ? 1 : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> helpers;
  for (unsigned i = 1; i < threads; ++i) helpers.emplace_back(work);
  work();
  for (std::thread& helper : helpers) helper.join();
  return ids;
}

}  // namespace

void check_snapshot_chain(const store::MigrationFolder& folder, Report& report) {
  std::map<std::string, std::string> file_by_prev_id;
  std::map<std::string, std::string> file_by_id;
  std::optional<store::SnapshotIds> previous;
  std::string previous_file;
  bool previous_missing = false;
  const std::vector<store::JournalEntry>& entries = folder.journal().entries;
  std::vector<std::filesystem::path> paths;  // empty where the snapshot is missing
  paths.reserve(entries.size());
  for (const store::JournalEntry& entry : entries) {
    std::filesystem::path path = folder.snapshot_path(entry);
    paths.push_back(std::filesystem::exists(path) ? path : std::filesystem::path());
  }
  std::vector<std::optional<store::SnapshotIds>> all_ids = read_all_ids(paths);
  for (std::size_t index = 0; index < entries.size(); ++index) {
    std::filesystem::path path = folder.snapshot_path(entries[index]);
    std::string file = "meta/" + path.filename().string();
    if (paths[index].empty()) {
      previous_missing = true;  // reported by check_structure
      continue;
    }
    std::optional<store::SnapshotIds>& ids = all_ids[index];
    if (!ids) {
      report.findings.push_back({Severity::kError, "bad-snapshot", file, 0,
                                 "not a snapshot: no top-level \"id\", or malformed JSON"});
      previous_missing = true;
      continue;
    }
    auto [same_id, first_with_id] = file_by_id.emplace(ids->id, file);
    auto [it, inserted] = file_by_prev_id.emplace(ids->prev_id, file);
    if (!first_with_id) {
      report.findings.push_back(
          {Severity::kError, "snapshot-duplicate-id", file, 0,
           fmt::format("has the id {} of {}: it is a copy, not the schema after its own migration",
                       ids->id, same_id->second)});
    } else if (!inserted) {
      report.findings.push_back(
          {Severity::kError, "snapshot-collision", file, 0,
           fmt::format("{} and {} have the same prevId {}: they were generated in parallel on two "
                       "branches from the same parent, and each misses the other's changes",
                       it->second, file, ids->prev_id)});
    } else if (!previous && !previous_missing && ids->prev_id != kNilUuid &&
               !(ids->prev_id.empty() && ids->id == kNilUuid)) {
      // (drizzle-kit pull writes its baseline snapshot with the nil id and an empty prevId.)
      report.findings.push_back(
          {Severity::kError, "snapshot-chain", file, 0,
           fmt::format("the first snapshot's prevId is {}, expected {}", ids->prev_id, kNilUuid)});
    } else if (previous && !previous_missing && ids->prev_id != previous->id) {
      report.findings.push_back(
          {Severity::kError, "snapshot-chain", file, 0,
           fmt::format("prevId {} is not the id of the previous snapshot {} ({})", ids->prev_id,
                       previous_file, previous->id)});
    }
    previous = ids;
    previous_file = file;
    previous_missing = false;
  }
}

}  // namespace flick::check
