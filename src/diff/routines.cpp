// Extensions, functions and procedures, triggers: matched by identity (extension name; function
// schema, name and argument types; trigger name on its table), compared by canonical form.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "diff/context.hpp"
#include "diff/references.hpp"
#include "flick/error.hpp"

namespace flick::diff {
namespace {

std::string function_key(const model::Function& function) {
  return function.schema + '\x1f' + function.name + '\x1f' + function.arguments;
}

// Whether the trigger runs `function` ("schema.name"): its canonical text names it qualified.
bool runs(const model::Trigger& trigger, const std::string& function) {
  return trigger.canonical.find("FUNCTION " + function + "(") != std::string::npos;
}

// Where a type written in a signature ("SETOF public.customer", "public.customer[]") comes
// from: 0 a built-in or an enum (created before every function), 1 a table's row type, a domain,
// a composite, range or multirange type (created with the tables), 2 a view's row type.
int type_level(const model::Catalog& catalog, std::string type) {
  if (type.rfind("SETOF ", 0) == 0) type.erase(0, 6);
  while (type.ends_with("[]")) type.resize(type.size() - 2);
  std::size_t dot = type.find('.');
  if (dot == std::string::npos) return 0;
  std::string schema = type.substr(0, dot);
  std::string name = type.substr(dot + 1);
  auto unquote = [](std::string& part) {
    if (part.size() >= 2 && part.front() == '"' && part.back() == '"') {
      part = part.substr(1, part.size() - 2);
    }
  };
  unquote(schema);
  unquote(name);
  if (catalog.find_view(schema, name) != nullptr) return 2;
  if (catalog.find_table(schema, name) != nullptr || catalog.has_user_type(schema, name)) {
    return catalog.find_enum(schema, name) != nullptr ? 0 : 1;
  }
  return 0;
}

// The types of a signature: its result and each argument.
std::vector<std::string> signature_types(const model::Function& function) {
  std::vector<std::string> types = {function.returns};
  std::size_t start = 0;
  while (start < function.arguments.size()) {
    std::size_t end = function.arguments.find(", ", start);
    if (end == std::string::npos) end = function.arguments.size();
    types.push_back(function.arguments.substr(start, end - start));
    start = end + 2;
  }
  return types;
}

// A function's body as its canonical form ends with it (the tokens after " AS ", or from
// "begin atomic"): what it reads when it runs, without its name, arguments or options.
std::string body_of(const model::Function& function) {
  const std::string& canonical = function.canonical;
  std::size_t atomic = canonical.find(" begin atomic");
  if (atomic != std::string::npos) return canonical.substr(atomic);
  std::size_t as = canonical.find(" AS ");
  return as == std::string::npos ? canonical : canonical.substr(as + 4);
}

// When each function (by function_key) can be created, from what it depends on: 0 with the other
// functions, before domains and tables (where column defaults, CHECKs and domains can call it);
// 1 after the tables, domains and composite types, before the views (a signature naming one of
// those types, or a SQL body naming a table, domain or composite type: SQL bodies are checked
// when created); 2 after the views (a signature or SQL body naming a view). A function calling
// another, and an aggregate made of one, waits as long as it does.
std::map<std::string, int> function_levels(const model::Catalog& catalog) {
  std::unordered_map<std::string, int> relation_level;
  for (const model::Table& table : catalog.tables) relation_level[table.name] = 1;
  for (const model::Domain& domain : catalog.domains) relation_level[domain.name] = 1;
  for (const model::CompositeType& type : catalog.composite_types) relation_level[type.name] = 1;
  for (const model::RangeType& type : catalog.range_types) relation_level[type.name] = 1;
  for (const model::View& view : catalog.views) relation_level[view.name] = 2;
  std::map<std::string, int> levels;
  std::unordered_map<std::string, int> level_by_name;  // the highest level of a function name
  std::vector<std::pair<const model::Function*, std::unordered_set<std::string>>> calls;
  for (const model::Function& function : catalog.functions) {
    int level = 0;
    for (const std::string& type : signature_types(function)) {
      level = std::max(level, type_level(catalog, type));
    }
    std::unordered_set<std::string> names;
    if (function.language == "sql" || function.aggregate) {
      names = referenced_identifiers(function.aggregate ? function.definition : body_of(function));
      names.erase(function.name);
      if (!function.aggregate) {
        for (const std::string& name : names) {
          auto found = relation_level.find(name);
          if (found != relation_level.end()) level = std::max(level, found->second);
        }
      }
    }
    levels[function_key(function)] = level;
    level_by_name[function.name] = std::max(level_by_name[function.name], level);
    calls.emplace_back(&function, std::move(names));
  }
  // Calls of functions created later, until nothing changes.
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& [function, names] : calls) {
      int& level = levels[function_key(*function)];
      for (const std::string& name : names) {
        auto found = level_by_name.find(name);
        if (found == level_by_name.end() || found->second <= level) continue;
        level = found->second;
        level_by_name[function->name] = std::max(level_by_name[function->name], level);
        changed = true;
      }
    }
  }
  return levels;
}

// `catalog`'s functions in an order where a SQL-bodied function or an aggregate comes after the
// functions it calls (PostgreSQL checks SQL bodies and an aggregate's functions when it creates
// them), in the catalog's order otherwise. SQL bodies calling each other in a cycle cannot be
// created at all: a UserError naming the cycle.
std::vector<const model::Function*> creation_order(const model::Catalog& catalog) {
  const std::vector<model::Function>& functions = catalog.functions;
  std::unordered_map<std::string, std::vector<std::size_t>> by_name;
  for (std::size_t i = 0; i < functions.size(); ++i) by_name[functions[i].name].push_back(i);
  std::vector<std::vector<std::size_t>> needs(functions.size());
  for (std::size_t i = 0; i < functions.size(); ++i) {
    const model::Function& function = functions[i];
    std::unordered_set<std::string> names;
    if (function.aggregate) {
      names = referenced_identifiers(function.definition);  // SFUNC = name, FINALFUNC = name
    } else if (function.language == "sql") {
      names = called_identifiers(body_of(function));
    }
    for (const std::string& name : names) {
      auto found = by_name.find(name);
      if (found == by_name.end()) continue;
      for (std::size_t j : found->second) {
        if (j != i) needs[i].push_back(j);
      }
    }
  }
  enum class Mark { kNew, kVisiting, kDone };
  std::vector<Mark> marks(functions.size(), Mark::kNew);
  std::vector<std::size_t> path;
  std::vector<const model::Function*> order;
  auto label = [&](std::size_t i) {
    return fmt::format("\"{}\".\"{}\"({})", functions[i].schema, functions[i].name,
                       functions[i].arguments);
  };
  auto visit = [&](auto& self, std::size_t i) -> void {
    if (marks[i] == Mark::kDone) return;
    if (marks[i] == Mark::kVisiting) {
      std::string cycle;
      auto start = std::find(path.begin(), path.end(), i);
      for (auto at = start; at != path.end(); ++at) cycle += label(*at) + " -> ";
      throw UserError(fmt::format(
          "functions call each other in a cycle, PostgreSQL cannot create them (it checks a SQL "
          "body when it creates the function): {}{}",
          cycle, label(i)));
    }
    marks[i] = Mark::kVisiting;
    path.push_back(i);
    for (std::size_t j : needs[i]) self(self, j);
    path.pop_back();
    marks[i] = Mark::kDone;
    order.push_back(&functions[i]);
  };
  for (std::size_t i = 0; i < functions.size(); ++i) visit(visit, i);
  return order;
}

Phase creation_phase(const std::map<std::string, int>& levels, const model::Function& function) {
  switch (levels.at(function_key(function))) {
    case 0:
      return kCreateFunctions;
    case 1:
      return kCreateTableFunctions;
    default:
      return kCreateSqlFunctions;
  }
}

// Refuses to change type `schema`.`name` (a `kind`) that a column of `catalog` stores: PostgreSQL
// cannot alter or drop a type in use.
void refuse_if_stored(const model::Catalog& catalog, const std::string& schema,
                      const std::string& name, const char* kind) {
  for (const model::Table& table : catalog.tables) {
    for (const model::Column& column : table.columns) {
      std::string base = column.type.substr(0, column.type.find('['));
      if (column.type_schema != schema || base != name) continue;
      throw UserError(fmt::format(
          "{} \"{}\".\"{}\" changes, but column \"{}\" of \"{}\".\"{}\" stores it and "
          "PostgreSQL cannot alter a type in use: write this migration by hand (flick generate "
          "--custom), e.g. a new type, a new column, copy, drop the old",
          kind, schema, name, column.name, table.schema, table.name));
    }
  }
}

// Refuses to change `collation` when a column, domain, composite attribute or range type of
// `catalog` uses it: PostgreSQL has no ALTER for its definition and cannot drop it in use.
void refuse_if_collation_used(const model::Catalog& catalog, const model::Collation& collation) {
  auto fail = [&](const std::string& user) {
    throw UserError(fmt::format(
        "collation \"{}\".\"{}\" changes, but {} uses it and PostgreSQL cannot alter a "
        "collation or drop one in use: create a new collation, move its users to it, then drop "
        "the old",
        collation.schema, collation.name, user));
  };
  for (const model::Table& table : catalog.tables) {
    for (const model::Column& column : table.columns) {
      if (model::names_collation(column.collation, collation)) {
        fail(fmt::format("column \"{}\" of \"{}\".\"{}\"", column.name, table.schema, table.name));
      }
    }
  }
  for (const model::Domain& domain : catalog.domains) {
    if (model::names_collation(domain.collation, collation)) {
      fail(fmt::format("domain \"{}\".\"{}\"", domain.schema, domain.name));
    }
  }
  for (const model::RangeType& range : catalog.range_types) {
    if (model::names_collation(range.collation, collation)) {
      fail(fmt::format("range type \"{}\".\"{}\"", range.schema, range.name));
    }
  }
  for (const model::CompositeType& type : catalog.composite_types) {
    for (const model::CompositeAttribute& attribute : type.attributes) {
      if (model::names_collation(attribute.collation, collation)) {
        fail(fmt::format("attribute \"{}\" of type \"{}\".\"{}\"", attribute.name, type.schema,
                         type.name));
      }
    }
  }
}

// Triggers with the same definition, whatever their enabled state.
bool same_definition(const model::Trigger& a, const model::Trigger& b) {
  return a.name == b.name && a.canonical == b.canonical;
}

// CREATE TRIGGER, then its state when it is not the default one.
void create_trigger(Context& context, const QualifiedName& table, const model::Trigger& trigger) {
  context.add(kCreateTriggers, CreateTrigger{table, trigger});
  if (trigger.enabled != 'O') {
    context.add(kCreateTriggers, SetTriggerState{table, trigger.name, trigger.enabled});
  }
}

DropFunction drop_of(const model::Function& function) {
  return DropFunction{
      {function.schema, function.name}, function.arguments, function.procedure, function.aggregate};
}

}  // namespace

bool result_changes(const model::Function& from, const model::Function& to) {
  return from.returns != to.returns || from.procedure != to.procedure ||
         from.aggregate != to.aggregate;
}

std::string trigger_state_words(char enabled, bool past) {
  std::string words = enabled == 'D' ? "disable" : "enable";
  if (past) words += "d";
  if (enabled == 'R') words += " (replica sessions only)";
  if (enabled == 'A') words += " (always, replica sessions too)";
  return words;
}

namespace {

// A function created after the views (its SQL body reads one) that a created view calls cannot
// wait for them: such functions move among the views, each after the views and functions it
// reads and before the views calling it (one dependency order over both; a cycle is refused by
// name). Nothing moves when no created view calls such a function.
void interleave_view_functions(Context& context) {
  std::vector<Change>& views = context.phases[kCreateViews];
  std::vector<Change>& late = context.phases[kCreateSqlFunctions];
  std::unordered_set<std::string> called;
  for (const Change& change : views) {
    if (const auto* view = std::get_if<CreateView>(&change)) {
      for (const std::string& name : called_identifiers(view->view.definition)) {
        called.insert(name);
      }
    }
  }
  std::vector<Change> moved;
  for (auto it = late.begin(); it != late.end();) {
    const auto* create = std::get_if<CreateFunction>(&*it);
    if (create != nullptr && called.count(create->function.name) != 0) {
      moved.push_back(std::move(*it));
      it = late.erase(it);
    } else {
      ++it;
    }
  }
  if (moved.empty()) return;
  std::vector<Change> nodes = std::move(views);
  views.clear();
  for (Change& change : moved) nodes.push_back(std::move(change));
  // The name each node is known by, the names it mentions (views it reads) and calls.
  std::vector<std::string> names(nodes.size());
  std::vector<bool> is_view(nodes.size(), false);
  std::vector<std::unordered_set<std::string>> mentions(nodes.size()), calls(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    std::string sql;
    if (const auto* view = std::get_if<CreateView>(&nodes[i])) {
      names[i] = view->view.name;
      is_view[i] = true;
      sql = view->view.definition;
    } else if (const auto* create = std::get_if<CreateFunction>(&nodes[i])) {
      names[i] = create->function.name;
      sql = body_of(create->function);
    }
    mentions[i] = referenced_identifiers(sql);
    calls[i] = called_identifiers(sql);
  }
  std::vector<int> state(nodes.size(), 0);  // 0 not yet, 1 being placed, 2 placed
  std::vector<std::size_t> path;
  std::vector<Change> ordered;
  auto place = [&](auto& self, std::size_t i) -> void {
    if (state[i] == 2) return;
    if (state[i] == 1) {
      std::string cycle;
      for (auto at = std::find(path.begin(), path.end(), i); at != path.end(); ++at) {
        cycle += "\"" + names[*at] + "\" -> ";
      }
      throw UserError(
          "views and the functions they call read each other in a cycle, PostgreSQL cannot "
          "create them: " +
          cycle + "\"" + names[i] + "\"");
    }
    state[i] = 1;
    path.push_back(i);
    for (std::size_t j = 0; j < nodes.size(); ++j) {
      const auto& uses = is_view[j] ? mentions[i] : calls[i];
      if (j != i && !names[j].empty() && uses.count(names[j]) != 0) self(self, j);
    }
    path.pop_back();
    state[i] = 2;
    ordered.push_back(std::move(nodes[i]));
  };
  for (std::size_t i = 0; i < nodes.size(); ++i) place(place, i);
  views = std::move(ordered);
}

}  // namespace

void diff_routines(Context& context) {
  const model::Catalog& from = context.from;
  const model::Catalog& to = context.to;

  // Collations: created with the extensions, before any type or table uses them; dropped once
  // nothing does.
  for (const model::Collation& collation : to.collations) {
    const model::Collation* old = from.find_collation(collation.schema, collation.name);
    if (old == nullptr) {
      context.add(kCreateExtensions, CreateCollation{collation});
    } else if (!(*old == collation)) {
      refuse_if_collation_used(from, *old);
      context.add(kCreateExtensions, DropCollation{{old->schema, old->name}});
      context.add(kCreateExtensions, CreateCollation{collation});
    }
  }
  for (const model::Collation& collation : from.collations) {
    if (to.find_collation(collation.schema, collation.name) == nullptr) {
      context.add(kDropExtensions, DropCollation{{collation.schema, collation.name}});
    }
  }

  std::set<std::string> old_extensions, new_extensions;
  for (const model::Extension& extension : from.extensions) old_extensions.insert(extension.name);
  for (const model::Extension& extension : to.extensions) new_extensions.insert(extension.name);
  for (const model::Extension& extension : to.extensions) {
    if (!old_extensions.count(extension.name))
      context.add(kCreateExtensions, CreateExtension{extension});
  }
  for (const model::Extension& extension : from.extensions) {
    if (!new_extensions.count(extension.name))
      context.add(kDropExtensions, DropExtension{extension.name});
  }

  for (const model::Domain& domain : to.domains) {
    const model::Domain* old = from.find_domain(domain.schema, domain.name);
    if (old == nullptr) {
      context.add(kCreateDomains, CreateDomain{domain});
    } else if (!(*old == domain)) {
      if (old->base_type != domain.base_type || old->collation != domain.collation) {
        // Columns of the domain stop PostgreSQL from dropping it: it says so, naming them.
        context.add(kDropChangedFunctions, DropDomain{{old->schema, old->name}});
        context.add(kCreateDomains, CreateDomain{domain});
      } else {
        context.add(kCreateDomains, AlterDomain{*old, domain});
      }
    }
  }
  // Range types after the domains their subtype may be; dropped before them.
  for (const model::RangeType& range : to.range_types) {
    const model::RangeType* old = from.find_range_type(range.schema, range.name);
    if (old == nullptr) {
      context.add(kCreateDomains, CreateRangeType{range});
    } else if (!(*old == range)) {
      refuse_if_stored(from, range.schema, range.name, "range type");
      std::string multirange = model::multirange_name(*old);
      refuse_if_stored(from, range.schema, multirange, "multirange type");
      context.add(kDropChangedFunctions, DropRangeType{{old->schema, old->name}});
      context.add(kCreateDomains, CreateRangeType{range});
    }
  }

  // Composite types, after the domains, enums and range types their attributes may use.
  for (const model::CompositeType& type : to.composite_types) {
    const model::CompositeType* old = from.find_composite_type(type.schema, type.name);
    if (old == nullptr) {
      context.add(kCreateDomains, CreateCompositeType{type});
    } else if (!(*old == type)) {
      refuse_if_stored(from, type.schema, type.name, "composite type");
      context.add(kCreateDomains, AlterCompositeType{*old, type});
    }
  }
  // Dropped in the reverse order: composite types, range types, then domains.
  for (const model::CompositeType& type : from.composite_types) {
    if (to.find_composite_type(type.schema, type.name) == nullptr) {
      context.add(kDropDomains, DropCompositeType{{type.schema, type.name}});
    }
  }
  for (const model::RangeType& range : from.range_types) {
    if (to.find_range_type(range.schema, range.name) == nullptr) {
      context.add(kDropDomains, DropRangeType{{range.schema, range.name}});
    }
  }
  for (const model::Domain& domain : from.domains) {
    if (to.find_domain(domain.schema, domain.name) == nullptr) {
      context.add(kDropDomains, DropDomain{{domain.schema, domain.name}});
    }
  }

  // Functions whose result changes are dropped and created again: triggers running them go
  // and come back around it.
  std::set<std::string> recreated;
  std::map<std::string, const model::Function*> old_functions;
  for (const model::Function& function : from.functions) {
    old_functions[function_key(function)] = &function;
  }
  std::set<std::string> kept;
  std::map<std::string, int> levels = function_levels(to);
  // Aggregates after the functions they are made of, in each phase; dropped before them.
  std::vector<const model::Function*> order = creation_order(to);
  for (bool aggregates : {false, true}) {
    for (const model::Function* created : order) {
      const model::Function& function = *created;
      if (function.aggregate != aggregates) continue;
      auto found = old_functions.find(function_key(function));
      Phase phase = creation_phase(levels, function);
      if (found == old_functions.end()) {
        context.add(phase, CreateFunction{function});
        continue;
      }
      kept.insert(found->first);
      const model::Function& old = *found->second;
      if (old == function) continue;
      if (result_changes(old, function)) {
        context.add(kDropChangedFunctions, drop_of(old));
        context.add(phase, CreateFunction{function});
        recreated.insert(function.schema + "." + function.name);
      } else {
        context.add(phase, ReplaceFunction{function});
      }
    }
  }
  for (bool aggregates : {true, false}) {
    for (const model::Function& function : from.functions) {
      if (function.aggregate == aggregates && !kept.count(function_key(function))) {
        // A signature using a domain or composite type that goes too: dropped before the type.
        bool uses_dropped_type = false;
        for (const std::string& type : signature_types(function)) {
          uses_dropped_type =
              uses_dropped_type || (type_level(from, type) == 1 && type_level(to, type) == 0);
        }
        context.add(uses_dropped_type ? kDropTypedFunctions : kDropFunctions, drop_of(function));
      }
    }
  }

  auto runs_recreated = [&](const model::Trigger& trigger) {
    for (const std::string& function : recreated) {
      if (runs(trigger, function)) return true;
    }
    return false;
  };
  for (const TablePair& pair : context.table_pairs) {
    const model::Table& old_table = *pair.old_table;
    const model::Table& new_table = *pair.new_table;
    for (const model::Trigger& trigger : old_table.triggers) {
      auto same = std::find_if(new_table.triggers.begin(), new_table.triggers.end(),
                               [&](const model::Trigger& t) { return t.name == trigger.name; });
      if (same == new_table.triggers.end() || !same_definition(*same, trigger) ||
          runs_recreated(trigger)) {
        context.add(kDropTriggers, DropTrigger{pair.carried, trigger.name});
      }
    }
    for (const model::Trigger& trigger : new_table.triggers) {
      auto same = std::find_if(old_table.triggers.begin(), old_table.triggers.end(),
                               [&](const model::Trigger& t) { return t.name == trigger.name; });
      if (same == old_table.triggers.end() || !same_definition(*same, trigger) ||
          runs_recreated(trigger)) {
        create_trigger(context, pair.target, trigger);
      } else if (same->enabled != trigger.enabled) {
        context.add(kCreateTriggers, SetTriggerState{pair.target, trigger.name, trigger.enabled});
      }
    }
  }
  for (std::size_t n : context.tables.created) {
    const model::Table& table = to.tables[n];
    for (const model::Trigger& trigger : table.triggers) {
      create_trigger(context, {table.schema, table.name}, trigger);
    }
  }
  interleave_view_functions(context);
}

}  // namespace flick::diff
