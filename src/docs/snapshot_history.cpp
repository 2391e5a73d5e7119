#include "docs/snapshot_history.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <optional>

#include "check/check.hpp"
#include "flick/error.hpp"

namespace flick::docs {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ".") + name;
  return out;
}

// Hints for the renames a snapshot records: the new name keeps the old one's scope.
diff::Options rename_hints(const store::RenameMeta& meta) {
  diff::Options options;
  auto add = [&options](diff::ObjectKind kind, const std::pair<std::string, std::string>& rename) {
    std::vector<std::string> from = split_quoted_name(rename.first);
    std::vector<std::string> to = split_quoted_name(rename.second);
    if (from.empty() || to.empty()) return;
    options.renames.push_back({kind, joined(from), to.back()});
  };
  for (const auto& rename : meta.schemas) add(diff::ObjectKind::kSchema, rename);
  for (const auto& rename : meta.tables) add(diff::ObjectKind::kTable, rename);
  for (const auto& rename : meta.columns) add(diff::ObjectKind::kColumn, rename);
  // Whatever the snapshot does not record as a rename was a drop and a create.
  options.ask = [](diff::ObjectKind, const std::string&, const std::vector<std::string>&) {
    return std::optional<std::string>();
  };
  return options;
}

struct LoadedSnapshot {
  std::optional<model::Catalog> catalog;  // normalised
  store::RenameMeta meta;
  std::string problem;
};

LoadedSnapshot load(const store::MigrationFolder& folder, const store::JournalEntry& entry) {
  LoadedSnapshot loaded;
  std::filesystem::path path = check::snapshot_path_for(folder, entry);
  std::string name = "meta/" + path.filename().string();
  if (!std::filesystem::exists(path)) {
    loaded.problem = fmt::format("its snapshot {} is missing", name);
    return loaded;
  }
  try {
    store::Snapshot snapshot = store::read_snapshot(path);
    model::normalise(snapshot.catalog);
    loaded.catalog = std::move(snapshot.catalog);
    loaded.meta = std::move(snapshot.meta);
  } catch (const UserError& error) {
    loaded.problem = fmt::format("its snapshot {} cannot be read: {}", name, error.what());
  }
  return loaded;
}

}  // namespace

std::vector<std::string> split_quoted_name(const std::string& text) {
  std::vector<std::string> names;
  std::string current;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted && c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
      current += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == '.' && !quoted) {
      names.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  names.push_back(current);
  return names;
}

std::vector<MigrationChanges> migration_changes(const store::MigrationFolder& folder) {
  std::vector<MigrationChanges> results;
  model::Catalog previous;       // the last usable snapshot (empty before the first migration)
  std::string previous_tag;      // its migration
  bool previous_is_last = true;  // it belongs to the entry right before this one
  for (const store::JournalEntry& entry : folder.journal().entries) {
    MigrationChanges result;
    LoadedSnapshot current = load(folder, entry);
    if (!current.catalog) {
      result.problem = current.problem;
      previous_is_last = false;
      results.push_back(std::move(result));
      continue;
    }
    result.from_older_snapshot = !previous_is_last;
    if (!previous_is_last) result.since = previous_tag;
    try {
      result.changes = diff::diff(previous, *current.catalog, rename_hints(current.meta)).changes;
    } catch (const UserError& error) {
      result.problem =
          fmt::format("its snapshot cannot be compared with the previous one: {}", error.what());
    }
    previous = std::move(*current.catalog);
    previous_tag = entry.tag;
    previous_is_last = true;
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace flick::docs
