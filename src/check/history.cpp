// check_history: the folder's migrations replayed in journal order from an empty schema by the
// one interpreter of migration SQL (ddl::Replayer, lenient), its typed effects followed to say
// which earlier migration created what a statement re-creates, and each snapshot compared with
// the schema the SQL up to it builds.

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <vector>

#include "check/check.hpp"
#include "ddl/replay.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "flick/error.hpp"
#include "introspect/introspect.hpp"
#include "sqlparse/sqlparse.hpp"
#include "store/json_access.hpp"
#include "store/snapshot_semantics.hpp"

namespace flick::check {
namespace {

using Action = ddl::Effect::Action;

struct Origin {
  std::string file;
  std::string owner;  // the table key for objects that go with a table
};

// Which migration created each object still there, followed through renames and drops.
class Origins {
 public:
  bool has(const std::string& key) const { return origins_.count(key) != 0; }
  const Origin& at(const std::string& key) const { return origins_.at(key); }

  void apply(const ddl::Effect& effect, const std::string& file) {
    switch (effect.action) {
      case Action::kCreated:
        origins_.emplace(effect.key, Origin{file, effect.owner});
        break;
      case Action::kDropped:
        erase(effect.key);
        break;
      case Action::kRenamed:
        rename(effect.key, effect.renamed_to, file);
        break;
      case Action::kAltered:
        break;
    }
  }

 private:
  void erase(const std::string& key) {
    origins_.erase(key);
    for (auto it = origins_.begin(); it != origins_.end();) {
      it = it->second.owner == key ? origins_.erase(it) : std::next(it);
    }
  }

  // A renamed table takes its columns, constraints, triggers and policies along.
  void rename(const std::string& from, const std::string& to, const std::string& file) {
    auto found = origins_.find(from);
    Origin origin = found == origins_.end() ? Origin{file, ""} : found->second;
    if (found != origins_.end()) origins_.erase(found);
    origins_[to] = origin;
    std::string old_name = from.substr(from.find(' ') + 1) + ".";
    std::string new_name = to.substr(to.find(' ') + 1) + ".";
    std::vector<std::pair<std::string, Origin>> moved;
    for (auto it = origins_.begin(); it != origins_.end();) {
      if (it->second.owner != from) {
        ++it;
        continue;
      }
      std::string key = it->first;
      std::size_t at = key.find(old_name);
      if (at != std::string::npos) key.replace(at, old_name.size(), new_name);
      moved.emplace_back(key, Origin{it->second.file, to});
      it = origins_.erase(it);
    }
    for (auto& [key, item] : moved) origins_[key] = std::move(item);
  }

  std::map<std::string, Origin> origins_;
};

// Objects re-created by one migration that an earlier one created, gathered into one finding.
struct Recreation {
  int first_line = 0;
  std::vector<std::string> objects;
};

class HistoryCheck {
 public:
  HistoryCheck(Report& report, const std::string& search_path,
               std::function<bool(const std::string&)> provided_elsewhere)
      : report_(report) {
    replayer_.set_lenient(true);
    replayer_.set_search_path(search_path);
    if (provided_elsewhere) replayer_.set_provided_elsewhere(std::move(provided_elsewhere));
  }

  std::vector<std::string> assumed_existing() const { return replayer_.assumed_existing(); }

  // Replays one migration file; a file that does not parse is reported and adds nothing.
  void replay(const std::string& file, const std::string& text) {
    std::map<std::string, Recreation> recreations;  // by origin file
    std::vector<std::string> recreation_order;
    try {
      replayer_.apply(text, file, [&](const ddl::ReplayedStatement& statement) {
        if (!statement.not_understood.empty()) {
          report_.findings.push_back(
              {Severity::kWarning, "not-understood", file, statement.line,
               statement.not_understood +
                   " (check follows the rest of the history without this statement's effect)"});
        }
        if (statement.error.empty()) {
          for (const ddl::Effect& effect : statement.effects) origins_.apply(effect, file);
          return;
        }
        ++errors_;
        classify(file, statement, recreations, recreation_order);
      });
    } catch (const UserError& syntax) {
      // "<file>:<line>:<col>: <PostgreSQL's message>"
      std::string message = syntax.what();
      int line =
          message.rfind(file + ":", 0) == 0 ? std::atoi(message.c_str() + file.size() + 1) : 0;
      report_.findings.push_back({Severity::kError, "syntax", file, line, message});
      ++errors_;
      return;
    }
    for (const std::string& origin : recreation_order) {
      const Recreation& group = recreations[origin];
      std::string objects;
      for (const std::string& object : group.objects) {
        objects += (objects.empty() ? "" : ", ") + object;
      }
      report_.findings.push_back(
          {Severity::kError, "recreated-object", file, group.first_line,
           fmt::format("{}:{}: re-creates what {} already created ({}); on a database where {} "
                       "is applied, this migration fails with \"already exists\"",
                       file, group.first_line, origin, objects, origin)});
    }
  }

  // Errors found so far: after one, later snapshots cannot be compared fairly.
  int errors() const { return errors_; }
  model::Catalog catalog() const { return replayer_.catalog(); }

 private:
  // Says why a statement could not be applied: an object created twice, one dropped or altered
  // before anything created it, or else what the replayer found.
  void classify(const std::string& file, const ddl::ReplayedStatement& statement,
                std::map<std::string, Recreation>& recreations,
                std::vector<std::string>& recreation_order) {
    bool explained = false;
    for (const ddl::Effect& effect : statement.effects) {
      if (effect.action != Action::kCreated || effect.guarded || !origins_.has(effect.key)) {
        continue;
      }
      const std::string& origin = origins_.at(effect.key).file;
      Recreation& group = recreations[origin];
      if (group.objects.empty()) {
        group.first_line = statement.line;
        recreation_order.push_back(origin);
      }
      group.objects.push_back(ddl::display_key(effect.key));
      explained = true;
    }
    if (explained) return;
    for (const ddl::Effect& effect : statement.effects) {
      if (effect.guarded || origins_.has(effect.key) || effect.action == Action::kCreated) continue;
      // Columns come with their table: only named objects are followed across files.
      if (effect.key.rfind("column ", 0) == 0) continue;
      bool drop = effect.action == Action::kDropped;
      report_.findings.push_back(
          {Severity::kError, drop ? "drop-before-create" : "alter-before-create", file,
           statement.line,
           fmt::format("{}:{}: {} {}, which no earlier migration created", file, statement.line,
                       drop ? "drops" : "alters", ddl::display_key(effect.key))});
      return;
    }
    report_.findings.push_back({Severity::kError, "replay", file, statement.line,
                                fmt::format("{} (replaying the migrations in journal order "
                                            "from an empty schema)",
                                            statement.error)});
  }

  Report& report_;
  ddl::Replayer replayer_;
  Origins origins_;
  int errors_ = 0;
};

// An enum whose snapshot lists the database's values in another order (drizzle-kit writes the
// order of the schema source; ADD VALUE ... BEFORE / AFTER and RENAME VALUE keep their own
// positions in the database) is a warning of its own, and the snapshot's order is taken as the
// replayed one so that it does not also read as a rebuild of the type.
void report_enum_order(const model::Catalog& replayed, model::Catalog& snapshot,
                       const std::string& snapshot_file, Report& report) {
  for (model::Enum& item : snapshot.enums) {
    const model::Enum* actual = replayed.find_enum(item.schema, item.name);
    if (actual == nullptr || actual->values == item.values) continue;
    std::vector<std::string> wanted = item.values;
    std::vector<std::string> have = actual->values;
    std::sort(wanted.begin(), wanted.end());
    std::sort(have.begin(), have.end());
    if (wanted != have) continue;
    std::string order;
    for (const std::string& value : actual->values) order += (order.empty() ? "" : ", ") + value;
    report.findings.push_back(
        {Severity::kWarning, "enum-order", snapshot_file, 0,
         fmt::format("lists the values of enum \"{}\".\"{}\" in another order than the migrations "
                     "give the database ({}); harmless unless something sorts by it",
                     item.schema, item.name, order)});
    item.values = actual->values;
  }
}

// A primary key named otherwise than the snapshot implies (a renamed table keeps its key's first
// name; a key declared beside a UNIQUE of its column takes that one's), which the snapshot cannot
// hold: nothing fails today, but a later migration that drops or changes the key by the name the
// snapshot implies does. One warning per key, with the statement that aligns the name; the key is
// then no difference.
void report_primary_key_names(model::Catalog& replayed, const model::Catalog& snapshot,
                              const std::string& snapshot_file, Report& report) {
  for (const store::PrimaryKeyNamedOtherwise& key :
       store::take_primary_keys_named_otherwise(snapshot, replayed)) {
    std::string table = key.schema == "public" ? sqlparse::quote_identifier(key.table)
                                               : sqlparse::quote_identifier(key.schema) + "." +
                                                     sqlparse::quote_identifier(key.table);
    std::string implied = sqlparse::implicit_name(key.table, {}, "pkey");
    diff::ChangeSet rename;
    rename.changes.push_back(diff::RenameConstraint{{key.schema, key.table}, key.name, implied});
    report.findings.push_back(
        {Severity::kWarning, "primary-key-name", snapshot_file, 0,
         fmt::format(
             "the primary key of {} is named \"{}\" in the database the migrations build{}; "
             "the snapshot marks the key on column \"{}\" without a name, which "
             "drizzle-kit and flick generate take for \"{}\", so a later migration that "
             "drops or changes the key by that name fails. To align them: {}",
             table, key.name,
             key.name.size() > 5 && key.name.ends_with("_pkey")
                 ? " (a renamed table keeps its key's name)"
                 : "",
             key.column, implied, emit::sql_statements(rename).front())});
  }
}

// Objects of schemas provided elsewhere that the snapshot records and the migrations never
// created (onlook's snapshot has auth.users): the database has them, so they are no difference.
void leave_out_provided(model::Catalog& snapshot, const model::Catalog& replayed,
                        const std::function<bool(const std::string&)>& provided) {
  auto leave_out = [&](auto& items, const auto& replayed_items) {
    std::erase_if(items, [&](const auto& item) {
      return provided(item.schema) &&
             std::none_of(replayed_items.begin(), replayed_items.end(), [&](const auto& other) {
               return other.schema == item.schema && other.name == item.name;
             });
    });
  };
  leave_out(snapshot.tables, replayed.tables);
  leave_out(snapshot.enums, replayed.enums);
  leave_out(snapshot.sequences, replayed.sequences);
  leave_out(snapshot.views, replayed.views);
  std::erase_if(snapshot.schemas, [&](const std::string& schema) {
    return provided(schema) && std::find(replayed.schemas.begin(), replayed.schemas.end(),
                                         schema) == replayed.schemas.end();
  });
}

}  // namespace

std::function<bool(const std::string& schema)> provided_elsewhere(
    const std::vector<std::string>& schema_filter) {
  if (schema_filter.empty()) return {};
  return [schema_filter](const std::string& schema) {
    return schema != "pg_catalog" && schema != "information_schema" &&
           !introspect::passes_filter(schema_filter, schema);
  };
}

void check_history(const store::MigrationFolder& folder, bool every_snapshot, Report& report,
                   const std::string& search_path,
                   const std::function<bool(const std::string& file)>& earlier_error_for,
                   const std::vector<std::string>& schema_filter) {
  std::function<bool(const std::string&)> provided = provided_elsewhere(schema_filter);
  const auto& entries = folder.journal().entries;
  std::size_t last_snapshot = entries.size();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (std::filesystem::exists(folder.snapshot_path(entries[i]))) last_snapshot = i;
  }
  HistoryCheck history(report, search_path, provided);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const store::JournalEntry& entry = entries[i];
    std::filesystem::path path = folder.sql_path(entry);
    if (!std::filesystem::exists(path)) continue;  // reported by check_structure
    std::string file = path.filename().string();
    history.replay(file, store::read_text_file(path.string()));
    if (!every_snapshot && i != last_snapshot) continue;
    if (history.errors() > 0) continue;  // the replayed schema is not what a database has
    std::filesystem::path snapshot_path = folder.snapshot_path(entry);
    std::string snapshot_file = "meta/" + snapshot_path.filename().string();
    if (!std::filesystem::exists(snapshot_path) || report.has_error_for(snapshot_file) ||
        (earlier_error_for && earlier_error_for(snapshot_file))) {
      continue;
    }
    store::Snapshot snapshot;
    try {
      snapshot = store::read_snapshot(snapshot_path);
    } catch (const UserError& error) {
      report.findings.push_back({Severity::kError, "bad-snapshot", snapshot_file, 0, error.what()});
      continue;
    }
    model::Catalog replayed = history.catalog();
    store::reconcile_with_drizzle_snapshot(snapshot.catalog, replayed, snapshot.objects_recorded);
    if (provided) leave_out_provided(snapshot.catalog, replayed, provided);
    report_enum_order(replayed, snapshot.catalog, snapshot_file, report);
    report_primary_key_names(replayed, snapshot.catalog, snapshot_file, report);
    ChangesDescription differences = snapshot_differences(replayed, snapshot.catalog);
    if (differences.count == 0) continue;
    report.findings.push_back(
        {Severity::kError, "snapshot-mismatch", snapshot_file, 0,
         fmt::format("does not match the schema the migrations up to {} build ({} difference{}); "
                     "from the replayed schema to the snapshot's, generate would write:{}",
                     file, differences.count, differences.count == 1 ? "" : "s",
                     describe_differences(differences))});
  }
  std::vector<std::string> assumed = history.assumed_existing();
  if (!assumed.empty()) {
    std::string list;
    for (const std::string& object : assumed) list += (list.empty() ? "" : ", ") + object;
    std::string filter;
    for (const std::string& pattern : schema_filter) {
      filter += (filter.empty() ? "" : ", ") + pattern;
    }
    report.findings.push_back(
        {Severity::kWarning, "provided-elsewhere", "", 0,
         fmt::format("taken to exist on the database, as the migrations use them and never create "
                     "them, in schemas outside schemaFilter ({}): {}. A database without them "
                     "(a plain PostgreSQL rather than the platform the folder is written for) "
                     "fails at their first use",
                     filter, list)});
  }
}

}  // namespace flick::check
