// Functions, procedures, aggregates, triggers, extensions, domains, composite and range types
// and collations, followed by kind and name so that a history that creates,
// replaces and drops them replays like PostgreSQL runs it.

#include <fmt/format.h>

#include <algorithm>

#include "ddl/replay_internal.hpp"
#include "sqlparse/sqlparse.hpp"

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

// The object of `objects` named `qualified` ("schema.name"), removed (`to` empty) or renamed to
// the key `to` ("kind schema.name"). False when `objects` has none of that name.
template <typename Named>
bool follow_named(std::vector<Named>& objects, const std::string& qualified,
                  const std::string& to) {
  std::string schema = qualified.substr(0, qualified.find('.'));
  std::string name = qualified.substr(qualified.find('.') + 1);
  auto found = std::find_if(objects.begin(), objects.end(), [&](const Named& object) {
    return object.schema == schema && object.name == name;
  });
  if (found == objects.end()) return false;
  if (to.empty()) {
    objects.erase(found);
  } else {
    std::string renamed = to.substr(to.find(' ') + 1);
    found->schema = renamed.substr(0, renamed.find('.'));
    found->name = renamed.substr(renamed.find('.') + 1);
  }
  return true;
}

// `object` into `objects`, in place of an earlier one of the same schema and name.
template <typename Named>
void replace_named(std::vector<Named>& objects, Named object) {
  std::erase_if(objects, [&](const Named& existing) {
    return existing.schema == object.schema && existing.name == object.name;
  });
  objects.push_back(std::move(object));
}

// The model's side of a key: the function, trigger or extension it names is removed (`to`
// empty) or renamed to the key `to`.
void follow_in_model(CatalogBuilder& builder, const std::string& key, const std::string& to) {
  model::Catalog& catalog = builder.catalog();
  std::string kind = key.substr(0, key.find(' '));
  std::string name = key.substr(key.find(' ') + 1);
  if (kind == "extension") {
    std::erase_if(catalog.extensions, [&](const model::Extension& e) { return e.name == name; });
  } else if (kind == "collation") {
    follow_named(catalog.collations, name, to);
  } else if (kind == "type") {
    // Enums are the model's own; a type key names one of these.
    follow_named(catalog.composite_types, name, to) ||
        follow_named(catalog.range_types, name, to) || follow_named(catalog.domains, name, to);
  } else if (kind == "function" || kind == "procedure" || kind == "aggregate") {
    for (auto it = catalog.functions.begin(); it != catalog.functions.end(); ++it) {
      std::string function_key = fmt::format("{} {}.{}({})",
                                             it->aggregate   ? "aggregate"
                                             : it->procedure ? "procedure"
                                                             : "function",
                                             it->schema, it->name, it->arguments);
      if (function_key != key) continue;
      if (to.empty()) {
        catalog.functions.erase(it);
      } else {
        std::string renamed = to.substr(to.find(' ') + 1);
        it->schema = renamed.substr(0, renamed.find('.'));
        it->name = renamed.substr(renamed.find('.') + 1, renamed.find('(') - renamed.find('.') - 1);
      }
      return;
    }
  } else if (kind == "trigger") {
    // "schema.table.trigger"
    std::size_t last = name.rfind('.');
    std::string table_path = name.substr(0, last);
    std::string trigger = name.substr(last + 1);
    model::Table* table = builder.find_table(table_path.substr(0, table_path.find('.')),
                                             table_path.substr(table_path.find('.') + 1));
    if (table == nullptr) return;
    for (auto it = table->triggers.begin(); it != table->triggers.end(); ++it) {
      if (it->name != trigger) continue;
      if (to.empty()) {
        table->triggers.erase(it);
      } else {
        it->name = to.substr(to.rfind('.') + 1);
      }
      return;
    }
  }
}

// A routine into the model, replacing an earlier definition of the same identity.
void replace_routine(model::Catalog& catalog, model::Function routine) {
  for (model::Function& existing : catalog.functions) {
    if (existing.schema == routine.schema && existing.name == routine.name &&
        existing.arguments == routine.arguments) {
      existing = std::move(routine);
      return;
    }
  }
  catalog.functions.push_back(std::move(routine));
}

// Puts what a CREATE EXTENSION / FUNCTION / PROCEDURE / TRIGGER defines into the model,
// replacing an earlier definition of the same object.
void define_in_model(Node* statement, const Source& source, CatalogBuilder& builder) {
  model::Catalog& catalog = builder.catalog();
  switch (statement->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
      return replace_named(catalog.domains, domain_of(*statement->create_domain_stmt, source));
    }
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT: {
      return replace_named(catalog.composite_types,
                           composite_type_of(*statement->composite_type_stmt, source));
    }
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT: {
      std::string name = statement->create_extension_stmt->extname;
      if (std::none_of(catalog.extensions.begin(), catalog.extensions.end(),
                       [&](const model::Extension& e) { return e.name == name; })) {
        transform_create_extension(*statement->create_extension_stmt, source, builder);
      }
      return;
    }
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
      return replace_routine(catalog, function_of(*statement->create_function_stmt, source));
    }
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT: {
      return replace_named(catalog.range_types,
                           range_type_of(*statement->create_range_stmt, source));
    }
    case PG_QUERY__NODE__NODE_DEFINE_STMT: {
      if (statement->define_stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION) {
        return replace_named(catalog.collations,
                             collation_of(*statement->define_stmt, source, catalog));
      }
      return replace_routine(catalog, aggregate_of(*statement->define_stmt, source));
    }
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
      PgQuery__CreateTrigStmt& create = *statement->create_trig_stmt;
      model::Table& table = builder.table(qualified_name(create.relation, source), -1, source);
      model::Trigger trigger = trigger_of(create, source);
      for (model::Trigger& existing : table.triggers) {
        if (existing.name == trigger.name) {
          existing = std::move(trigger);
          return;
        }
      }
      table.triggers.push_back(std::move(trigger));
      return;
    }
    default:
      return;
  }
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
  if (!state.skipped) define_in_model(statement, source, state.builder);
}

bool replay_drop_other(Node* statement, const Source& source, ReplayState& state) {
  const PgQuery__DropStmt& drop = *statement->drop_stmt;
  switch (drop.remove_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION:
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
    follow_in_model(state.builder, *found, "");
    objects.erase(found);
  }
  return true;
}

void replay_alter_domain(PgQuery__AlterDomainStmt& statement, const Source& source,
                         ReplayState& state) {
  QualifiedName name = qualified_name(statement.type_name, statement.n_type_name, -1, source);
  model::Domain* domain = nullptr;
  for (model::Domain& candidate : state.builder.catalog().domains) {
    if (candidate.schema == name.schema && candidate.name == name.name) domain = &candidate;
  }
  if (domain == nullptr) {
    source.fail(-1, fmt::format("type \"{}\".\"{}\" does not exist", name.schema, name.name));
  }
  std::string subtype = statement.subtype;
  if (subtype == "T") {  // SET / DROP DEFAULT
    if (statement.def == nullptr) {
      domain->default_expr.reset();
    } else {
      domain->default_expr = sqlparse::deparse_default_node(
          statement.def, sqlparse::canonical_type(domain->base_type));
    }
  } else if (subtype == "N") {
    domain->not_null = false;
  } else if (subtype == "O") {
    domain->not_null = true;
  } else if (subtype == "C" && statement.def != nullptr &&
             statement.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
             statement.def->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK) {
    const PgQuery__Constraint& constraint = *statement.def->constraint;
    std::string check_name =
        sqlparse::is_set(constraint.conname) ? constraint.conname : domain->name + "_check";
    for (int n = 1;
         !sqlparse::is_set(constraint.conname) &&
         std::any_of(domain->checks.begin(), domain->checks.end(),
                     [&](const model::CheckConstraint& c) { return c.name == check_name; });
         ++n) {
      check_name = domain->name + "_check" + std::to_string(n);
    }
    domain->checks.push_back({check_name, sqlparse::deparse_expression_node(constraint.raw_expr)});
  } else if (subtype == "X") {
    std::string constraint = statement.name;
    auto before = domain->checks.size();
    std::erase_if(domain->checks,
                  [&](const model::CheckConstraint& c) { return c.name == constraint; });
    if (before == domain->checks.size() && !statement.missing_ok) {
      source.fail(-1, fmt::format("constraint \"{}\" of domain \"{}\" does not exist", constraint,
                                  domain->name));
    }
  } else if (subtype != "V") {  // VALIDATE CONSTRAINT changes nothing the model holds
    source.unsupported(-1, "unsupported ALTER DOMAIN");
  }
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
    follow_in_model(state.builder, *found, to);
    objects.erase(found);
    objects.insert(to);
  }
}

}  // namespace flick::ddl
