#include "check/fix.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "check/check.hpp"
#include "check/fix_sql.hpp"
#include "ddl/replay.hpp"
#include "flick/error.hpp"
#include "store/folder.hpp"
#include "store/json_access.hpp"
#include "store/uuid.hpp"

namespace flick::check {
namespace {

namespace fs = std::filesystem;

struct Item {
  store::JournalEntry entry;  // as it will be written
  std::string old_tag;
  fs::path old_snapshot_path;
  std::string sql;
  bool sql_changed = false;
  std::optional<store::Snapshot> snapshot;  // as read; nullopt when missing or unreadable
  std::string snapshot_text;                // written as is unless rebuilt or relinked
  bool snapshot_changed = false;
  bool moved = false;
};

std::string prefix_of(const std::string& tag) { return tag.substr(0, tag.find('_')); }

bool is_index_prefix(const std::string& tag, int idx) {
  std::string prefix = prefix_of(tag);
  return prefix.size() >= 4 && std::all_of(prefix.begin(), prefix.end(), ::isdigit) &&
         std::stoll(prefix) == idx;
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw UserError(fmt::format("{}: cannot write", path.string()));
}

std::vector<Item> load(const store::MigrationFolder& folder) {
  std::vector<Item> items;
  for (const store::JournalEntry& entry : folder.journal().entries) {
    Item item;
    item.entry = entry;
    item.old_tag = entry.tag;
    fs::path sql_path = folder.sql_path(entry);
    if (!fs::exists(sql_path)) {
      throw UserError(fmt::format("{}: missing; --fix cannot invent a migration's SQL",
                                  sql_path.filename().string()));
    }
    item.sql = store::read_text_file(sql_path.string());
    item.old_snapshot_path = folder.snapshot_path(entry);
    if (fs::exists(item.old_snapshot_path)) {
      item.snapshot_text = store::read_text_file(item.old_snapshot_path.string());
      try {
        item.snapshot =
            store::parse_snapshot(item.snapshot_text, item.old_snapshot_path.filename().string());
      } catch (const UserError&) {
        item.snapshot.reset();  // rebuilt from replay below
      }
    }
    items.push_back(std::move(item));
  }
  return items;
}

// Moves the migrations of every branch but the first after the first one's, in journal order.
void linearise(std::vector<Item>& items, FixResult& result) {
  std::map<std::string, std::string> first_child;  // prevId -> tag
  std::set<std::string> moved_ids;
  for (Item& item : items) {
    if (!item.snapshot) continue;
    const std::string& prev = item.snapshot->prev_id;
    if (moved_ids.count(prev) != 0) {
      item.moved = true;
    } else if (auto [it, inserted] = first_child.emplace(prev, item.old_tag); !inserted) {
      item.moved = true;
      result.changes.push_back(fmt::format(
          "branch collision: {} and {} both follow snapshot {}; keeping {}'s branch and moving "
          "{} and what follows from it to the end of the journal",
          it->second, item.old_tag, prev, it->second, item.old_tag));
    }
    if (item.moved) moved_ids.insert(item.snapshot->id);
  }
  std::stable_partition(items.begin(), items.end(), [](const Item& item) { return !item.moved; });
}

void renumber(std::vector<Item>& items, FixResult& result) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    store::JournalEntry& entry = items[i].entry;
    int idx = static_cast<int>(i);
    if (entry.idx == idx) continue;
    if (is_index_prefix(entry.tag, entry.idx)) {
      std::string tag = fmt::format("{:04d}", idx) + entry.tag.substr(entry.tag.find('_'));
      result.changes.push_back(
          fmt::format("renamed {}.sql to {}.sql (idx {} -> {})", entry.tag, tag, entry.idx, idx));
      entry.tag = tag;
    } else {
      result.changes.push_back(
          fmt::format("meta/_journal.json: idx of {} {} -> {}", entry.tag, entry.idx, idx));
    }
    entry.idx = idx;
  }
}

void order_when(std::vector<Item>& items, FixResult& result) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    std::int64_t floor = items[i - 1].entry.when + 1;
    if (items[i].entry.when >= floor) continue;
    result.changes.push_back(fmt::format(
        "meta/_journal.json: `when` of {} {} -> {} (after {}'s, so drizzle-orm's migrator runs it "
        "where {} is applied)",
        items[i].entry.tag, items[i].entry.when, floor, items[i - 1].entry.tag,
        items[i - 1].entry.tag));
    items[i].entry.when = floor;
  }
}

// Replaces the value of the top-level "prevId" key in a snapshot's text, keeping every other
// byte as it was.
std::string relinked(const std::string& text, const std::string& old_prev,
                     const std::string& new_prev) {
  std::size_t key = text.find("\"prevId\"");
  std::size_t value = key == std::string::npos ? key : text.find('"' + old_prev + '"', key);
  if (value == std::string::npos) return text;
  return text.substr(0, value + 1) + new_prev + text.substr(value + 1 + old_prev.size());
}

}  // namespace

FixResult fix_folder(const fs::path& out, bool dry_run,
                     const std::vector<std::string>& schema_filter) {
  store::MigrationFolder folder(out);
  if (!folder.has_journal()) {
    throw UserError(fmt::format("{}: no meta/_journal.json to fix", out.string()));
  }
  FixResult result;
  std::vector<Item> items = load(folder);
  linearise(items, result);
  renumber(items, result);
  order_when(items, result);

  ddl::Replayer replayer;
  if (auto provided = provided_elsewhere(schema_filter)) {
    replayer.set_provided_elsewhere(std::move(provided));
  }
  std::string previous_id = store::kNilUuid;
  const store::Snapshot* previous = nullptr;
  for (Item& item : items) {
    std::string file = item.entry.tag + ".sql";
    SqlRepair repair = repair_recreations(replayer, item.sql, file, item.entry.breakpoints);
    if (repair.changed) {
      item.sql = repair.sql;
      item.sql_changed = true;
      for (const std::string& change : repair.changes) result.changes.push_back(change);
    }
    std::string snapshot_file = "meta/" + prefix_of(item.entry.tag) + "_snapshot.json";
    if (!item.snapshot || item.moved) {
      store::Snapshot rebuilt;
      rebuilt.id = store::random_uuid_v4();
      rebuilt.prev_id = previous_id;
      rebuilt.catalog = replayer.catalog();
      if (previous != nullptr) {
        store::inherit_round_trip_details(rebuilt, *previous);
      } else if (item.snapshot) {
        rebuilt.layout = item.snapshot->layout;
      }
      result.changes.push_back(fmt::format("{}: {} from the replayed migrations (id {}, prevId {})",
                                           snapshot_file, item.snapshot ? "rebuilt" : "written",
                                           rebuilt.id, rebuilt.prev_id));
      item.snapshot_text = store::snapshot_json(rebuilt);
      item.snapshot = std::move(rebuilt);
      item.snapshot_changed = true;
    } else if (item.snapshot->prev_id != previous_id) {
      result.changes.push_back(
          fmt::format("{}: prevId {} -> {}", snapshot_file, item.snapshot->prev_id, previous_id));
      item.snapshot_text = relinked(item.snapshot_text, item.snapshot->prev_id, previous_id);
      item.snapshot->prev_id = previous_id;
      item.snapshot_changed = true;
    }
    previous_id = item.snapshot->id;
    previous = &*item.snapshot;
  }
  if (dry_run || result.changes.empty()) return result;

  // Remove what moves or changes first, so renumbered files never overwrite each other.
  store::Journal journal = folder.journal();
  journal.entries.clear();
  for (const Item& item : items) {
    bool renamed = item.entry.tag != item.old_tag;
    if (renamed) fs::remove(out / (item.old_tag + ".sql"));
    if (renamed && fs::exists(item.old_snapshot_path)) fs::remove(item.old_snapshot_path);
  }
  for (const Item& item : items) {
    bool renamed = item.entry.tag != item.old_tag;
    if (renamed || item.sql_changed) write_file(out / (item.entry.tag + ".sql"), item.sql);
    if (renamed || item.snapshot_changed) {
      write_file(folder.meta_dir() / (prefix_of(item.entry.tag) + "_snapshot.json"),
                 item.snapshot_text);
    }
    journal.entries.push_back(item.entry);
  }
  write_file(folder.journal_path(), store::journal_json(journal));
  return result;
}

}  // namespace flick::check
