// replay_migrations: a folder's migrations applied in journal order by the one interpreter of
// migration SQL, one callback per migration with the schema before and after it. down and the
// docs' migration history read what each migration did from here.

#include <fmt/core.h>

#include <filesystem>
#include <map>
#include <optional>

#include "check/check.hpp"
#include "ddl/replay.hpp"
#include "flick/error.hpp"
#include "store/json_access.hpp"

namespace flick::check {
namespace {

using Action = ddl::Effect::Action;

std::string kind_of(const std::string& key) { return key.substr(0, key.find(' ')); }

// Whether the model holds the object `key` names in `catalog` (or, for a drop, held it in
// `before`): everything but roles and range types ("type" keys that are neither enums, domains
// nor composite types).
bool held_by_model(const std::string& key, const model::Catalog& before,
                   const model::Catalog& after) {
  std::string kind = kind_of(key);
  if (kind == "role") return false;
  if (kind != "type") return true;
  std::string name = key.substr(key.find(' ') + 1);
  std::size_t dot = name.find('.');
  std::string schema = name.substr(0, dot);
  std::string type = dot == std::string::npos ? name : name.substr(dot + 1);
  return before.find_enum(schema, type) != nullptr || after.find_enum(schema, type) != nullptr ||
         before.find_domain(schema, type) != nullptr ||
         after.find_domain(schema, type) != nullptr ||
         before.find_composite_type(schema, type) != nullptr ||
         after.find_composite_type(schema, type) != nullptr;
}

const char* verb(Action action) {
  switch (action) {
    case Action::kCreated:
      return "creates";
    case Action::kDropped:
      return "drops";
    case Action::kRenamed:
      return "renames";
    case Action::kAltered:
      break;
  }
  return "alters";
}

// Collapses rename chains: A -> B then B -> C is A -> C.
void add_rename(std::vector<std::pair<std::string, std::string>>& renames, const std::string& from,
                const std::string& to) {
  for (auto& [oldest, newest] : renames) {
    if (newest == from) {
      newest = to;
      return;
    }
  }
  renames.emplace_back(from, to);
}

// "table public.notes" -> kind "table", parts {"public", "notes"}.
struct KeyParts {
  std::string kind;
  std::vector<std::string> names;
};

KeyParts split_key(const std::string& key) {
  KeyParts parts;
  std::size_t space = key.find(' ');
  parts.kind = key.substr(0, space);
  std::string path = key.substr(space + 1);
  std::size_t start = 0;
  for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start)) {
    parts.names.push_back(path.substr(start, dot - start));
    start = dot + 1;
  }
  parts.names.push_back(path.substr(start));
  return parts;
}

std::string quoted_path(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    std::string escaped;
    for (char c : name) escaped += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += (out.empty() ? "\"" : ".\"") + escaped + "\"";
  }
  return out;
}

std::optional<diff::ObjectKind> hint_kind(const std::string& kind) {
  static const std::map<std::string, diff::ObjectKind> kinds = {
      {"schema", diff::ObjectKind::kSchema},         {"table", diff::ObjectKind::kTable},
      {"column", diff::ObjectKind::kColumn},         {"type", diff::ObjectKind::kEnum},
      {"sequence", diff::ObjectKind::kSequence},     {"index", diff::ObjectKind::kIndex},
      {"constraint", diff::ObjectKind::kConstraint}, {"view", diff::ObjectKind::kView}};
  auto found = kinds.find(kind);
  if (found == kinds.end()) return std::nullopt;
  return found->second;
}

}  // namespace

diff::Options rename_hints(const ReplayedMigration& migration, bool reversed) {
  // A column's key names its table as it was when the column was renamed; the hint must name
  // the table as the diff's "from" side has it (before the migration, or after it when reversed).
  auto table_on_from_side = [&](std::vector<std::string> names) {
    std::string table = "table " + names[0] + "." + names[1];
    for (const auto& [old_table, new_table] : migration.renames) {
      const std::string& from_side = reversed ? old_table : new_table;
      const std::string& to_side = reversed ? new_table : old_table;
      if (from_side != table || old_table.rfind("table ", 0) != 0) continue;
      KeyParts moved = split_key(to_side);
      names[0] = moved.names[0];
      names[1] = moved.names[1];
    }
    return names;
  };
  diff::Options options;
  for (const auto& [from, to] : migration.renames) {
    KeyParts old_key = split_key(reversed ? to : from);
    KeyParts new_key = split_key(reversed ? from : to);
    std::optional<diff::ObjectKind> kind = hint_kind(old_key.kind);
    if (!kind || old_key.kind != new_key.kind) continue;
    std::vector<std::string> from_names = old_key.names;
    std::vector<std::string> to_names = new_key.names;
    if (*kind == diff::ObjectKind::kColumn) {
      if (from_names.size() != 3 || to_names.size() != 3) continue;
      from_names = table_on_from_side(from_names);
      // Within its table, which the diff names as the other side has it.
      to_names = {from_names[0], from_names[1], to_names.back()};
      std::string table = "table " + from_names[0] + "." + from_names[1];
      for (const auto& [old_table, new_table] : migration.renames) {
        if ((reversed ? new_table : old_table) != table) continue;
        KeyParts moved = split_key(reversed ? old_table : new_table);
        to_names = {moved.names[0], moved.names[1], to_names.back()};
      }
    }
    options.renames.push_back({*kind, quoted_path(from_names), quoted_path(to_names)});
  }
  // Whatever they do not name is a drop and a create: never ask.
  options.ask = [](diff::ObjectKind, const std::string&, const std::vector<std::string>&) {
    return std::optional<std::string>();
  };
  return options;
}

void replay_migrations(const store::MigrationFolder& folder, const std::string& search_path,
                       std::size_t last,
                       const std::function<void(const ReplayedMigration&)>& visit) {
  const auto& entries = folder.journal().entries;
  ddl::Replayer replayer;
  replayer.set_lenient(true);
  replayer.set_search_path(search_path);
  model::Catalog before;
  for (std::size_t i = 0; i < entries.size() && i <= last; ++i) {
    ReplayedMigration migration;
    migration.index = i;
    std::filesystem::path path = folder.sql_path(entries[i]);
    migration.file = path.filename().string();
    std::vector<ddl::Effect> effects;
    try {
      if (!std::filesystem::is_regular_file(path)) {
        throw UserError(fmt::format("{}: missing", migration.file));
      }
      replayer.apply(
          store::read_text_file(path.string()), migration.file,
          [&](const ddl::ReplayedStatement& statement) {
            if (!statement.error.empty()) migration.problems.push_back(statement.error);
            if (!statement.not_understood.empty()) {
              migration.problems.push_back(fmt::format("{}:{}: {}", migration.file, statement.line,
                                                       statement.not_understood));
            }
            if (statement.data) ++migration.data_statements;
            if (statement.error.empty()) {
              effects.insert(effects.end(), statement.effects.begin(), statement.effects.end());
            }
          });
    } catch (const UserError& error) {
      // A syntax error: nothing of this file is applied (the replayer parses a chunk before it
      // applies it, so statements of earlier chunks may be).
      migration.problems.push_back(error.what());
    }
    model::Catalog after = replayer.catalog();
    for (const ddl::Effect& effect : effects) {
      if (effect.action == Action::kRenamed)
        add_rename(migration.renames, effect.key, effect.renamed_to);
      if (held_by_model(effect.key, before, after)) continue;
      if (effect.action == Action::kAltered && kind_of(effect.key) == "table") continue;
      migration.outside_model.push_back(
          fmt::format("{} {}", verb(effect.action), ddl::display_key(effect.key)));
    }
    migration.before = &before;
    migration.after = &after;
    visit(migration);
    before = std::move(after);
  }
}

}  // namespace flick::check
