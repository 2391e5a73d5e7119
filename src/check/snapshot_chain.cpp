// The snapshot id/prevId chain: each snapshot's prevId is the id of the snapshot before it, the
// first one's is the nil UUID; two snapshots with the same prevId are two branches generated in
// parallel from the same parent.

#include <fmt/core.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "check/check.hpp"

namespace flick::check {
namespace {

constexpr const char* kNilUuid = "00000000-0000-0000-0000-000000000000";

struct SnapshotIds {
  std::string id;
  std::string prev_id;
};

// Reads only the top-level "id" and "prevId" of a snapshot, building no tree: a folder of a
// thousand snapshots is checked without building a thousand schemas. The whole file is scanned,
// so a snapshot truncated after its ids is malformed.
class IdReader : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit IdReader(SnapshotIds& ids) : ids_(ids) {}
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t& value) override {
    if (depth_ == 1 && key_ == "id") ids_.id = value;
    if (depth_ == 1 && key_ == "prevId") ids_.prev_id = value;
    return true;
  }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return ++depth_, true; }
  bool end_object() override { return --depth_, true; }
  bool start_array(std::size_t) override { return ++depth_, true; }
  bool end_array() override { return --depth_, true; }
  bool key(string_t& value) override {
    if (depth_ == 1) key_ = value;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    failed_ = true;
    return false;
  }
  bool failed() const { return failed_; }

 private:
  SnapshotIds& ids_;
  int depth_ = 0;
  std::string key_;
  bool failed_ = false;
};

std::optional<SnapshotIds> read_ids(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  SnapshotIds ids;
  IdReader reader(ids);
  nlohmann::json::sax_parse(text.str(), &reader);
  if (reader.failed() || ids.id.empty()) return std::nullopt;
  return ids;
}

}  // namespace

void check_snapshot_chain(const store::MigrationFolder& folder, Report& report) {
  std::map<std::string, std::string> file_by_prev_id;
  std::map<std::string, std::string> file_by_id;
  std::optional<SnapshotIds> previous;
  std::string previous_file;
  bool previous_missing = false;
  for (const store::JournalEntry& entry : folder.journal().entries) {
    std::filesystem::path path = folder.snapshot_path(entry);
    std::string file = "meta/" + path.filename().string();
    if (!std::filesystem::exists(path)) {
      previous_missing = true;  // reported by check_structure
      continue;
    }
    std::optional<SnapshotIds> ids = read_ids(path);
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
