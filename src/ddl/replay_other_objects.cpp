// Objects the model does not hold yet (functions, procedures, triggers, extensions, domains,
// composite and range types), followed by kind and name so that a history that creates,
// replaces and drops them replays like PostgreSQL runs it.

#include <fmt/format.h>

#include "ddl/replay_internal.hpp"

namespace flick::ddl {
namespace {

// The other object `key` names: itself, or for a function dropped without its argument list,
// the one function of that name.
std::set<std::string>::iterator find_other(std::set<std::string>& objects, const std::string& key) {
  auto exact = objects.find(key);
  if (exact != objects.end() || key.find('(') != std::string::npos) return exact;
  auto candidate = objects.lower_bound(key + "(");
  if (candidate != objects.end() && candidate->rfind(key + "(", 0) == 0) return candidate;
  return objects.end();
}

}  // namespace

void replay_create_other(Node* statement, const Source& source, ReplayState& state) {
  if (statement->node_case == PG_QUERY__NODE__NODE_CREATE_TRIG_STMT) {
    // The table must exist (reported as PostgreSQL would).
    state.builder.table(qualified_name(statement->create_trig_stmt->relation, source), -1, source);
  }
  auto& objects = state.builder.other_objects();
  for (const Effect& effect : statement_effects(statement, source.default_schema())) {
    if (effect.action != Effect::Action::kCreated) continue;
    if (objects.count(effect.key) != 0) {
      if (effect.guarded || state.duplicates_ignored) {
        // OR REPLACE / IF NOT EXISTS: replaced or kept.
        if (!effect.guarded) state.skipped = true;
        continue;
      }
      if (state.replace_existing) {
        state.recreated = true;
        continue;
      }
      source.fail(-1, display_key(effect.key) + " already exists");
    }
    objects.insert(effect.key);
  }
}

bool replay_drop_other(Node* statement, const Source& source, ReplayState& state) {
  const PgQuery__DropStmt& drop = *statement->drop_stmt;
  switch (drop.remove_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
      break;
    default:
      return false;
  }
  auto& objects = state.builder.other_objects();
  std::vector<Effect> effects = statement_effects(statement, source.default_schema());
  if (drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE) {
    // DROP TYPE of enums is the model's; of domains, composite and range types, ours.
    bool others = false;
    for (const Effect& effect : effects) others = others || objects.count(effect.key) != 0;
    if (!others) return false;
  }
  for (const Effect& effect : effects) {
    auto found = find_other(objects, effect.key);
    if (found == objects.end()) {
      if (drop.missing_ok || state.duplicates_ignored) continue;
      source.fail(-1, display_key(effect.key) + " does not exist");
    }
    objects.erase(found);
  }
  return true;
}

void replay_rename_other(PgQuery__RenameStmt& statement, const Source& source, ReplayState& state) {
  PgQuery__Node node = PG_QUERY__NODE__INIT;
  node.node_case = PG_QUERY__NODE__NODE_RENAME_STMT;
  node.rename_stmt = &statement;
  auto& objects = state.builder.other_objects();
  for (const Effect& effect : statement_effects(&node, source.default_schema())) {
    if (effect.action != Effect::Action::kRenamed) continue;
    auto found = find_other(objects, effect.key);
    if (found == objects.end()) {
      if (statement.missing_ok) continue;
      source.fail(-1, display_key(effect.key) + " does not exist");
    }
    std::string to = effect.renamed_to;
    if (to.find('(') == std::string::npos && found->find('(') != std::string::npos) {
      to += found->substr(found->find('('));  // renamed without its argument list
    }
    objects.erase(found);
    objects.insert(to);
  }
}

}  // namespace flick::ddl
