// Extensions, functions and procedures, triggers: matched by identity (extension name; function
// schema, name and argument types; trigger name on its table), compared by canonical form.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
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

// Whether a type written in a signature ("SETOF public.customer", "public.customer[]") is the row
// type of a table or view of `catalog`.
bool is_row_type(const model::Catalog& catalog, std::string type) {
  if (type.rfind("SETOF ", 0) == 0) type.erase(0, 6);
  while (type.ends_with("[]")) type.resize(type.size() - 2);
  std::size_t dot = type.find('.');
  if (dot == std::string::npos) return false;
  std::string schema = type.substr(0, dot);
  std::string name = type.substr(dot + 1);
  auto unquote = [](std::string& part) {
    if (part.size() >= 2 && part.front() == '"' && part.back() == '"') {
      part = part.substr(1, part.size() - 2);
    }
  };
  unquote(schema);
  unquote(name);
  return catalog.find_table(schema, name) != nullptr || catalog.find_view(schema, name) != nullptr;
}

bool signature_names_row_type(const model::Catalog& catalog, const model::Function& function) {
  if (is_row_type(catalog, function.returns)) return true;
  std::size_t start = 0;
  while (start < function.arguments.size()) {
    std::size_t end = function.arguments.find(", ", start);
    if (end == std::string::npos) end = function.arguments.size();
    if (is_row_type(catalog, function.arguments.substr(start, end - start))) return true;
    start = end + 2;
  }
  return false;
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

// The functions (by function_key) created after the tables and views, from what they depend on:
// a SQL body is checked when created, so one naming a table, view, domain or composite type of
// the catalog, or another function created late, waits for them; so does a signature naming a
// table's row type, and an aggregate whose support functions wait. Everything else is created
// early, where column defaults, CHECKs, domains and views can use it.
std::set<std::string> late_functions(const model::Catalog& catalog) {
  std::unordered_set<std::string> relations;
  for (const model::Table& table : catalog.tables) relations.insert(table.name);
  for (const model::View& view : catalog.views) relations.insert(view.name);
  for (const model::Domain& domain : catalog.domains) relations.insert(domain.name);
  for (const model::CompositeType& type : catalog.composite_types) relations.insert(type.name);
  std::set<std::string> late;
  std::unordered_set<std::string> late_names;
  std::vector<std::pair<const model::Function*, std::unordered_set<std::string>>> pending;
  for (const model::Function& function : catalog.functions) {
    if (signature_names_row_type(catalog, function)) {
      late.insert(function_key(function));
      late_names.insert(function.name);
      continue;
    }
    if (function.language != "sql" && !function.aggregate) continue;
    std::unordered_set<std::string> names =
        referenced_identifiers(function.aggregate ? function.definition : body_of(function));
    names.erase(function.name);
    bool reads_relation = false;
    if (!function.aggregate) {
      for (const std::string& name : names)
        reads_relation = reads_relation || relations.count(name);
    }
    if (reads_relation) {
      late.insert(function_key(function));
      late_names.insert(function.name);
    } else {
      pending.emplace_back(&function, std::move(names));
    }
  }
  // Calls of late functions, until nothing changes.
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& [function, names] : pending) {
      if (late.count(function_key(*function))) continue;
      for (const std::string& name : names) {
        if (late_names.count(name) == 0) continue;
        late.insert(function_key(*function));
        late_names.insert(function->name);
        changed = true;
        break;
      }
    }
  }
  return late;
}

Phase creation_phase(const std::set<std::string>& late, const model::Function& function) {
  return late.count(function_key(function)) ? kCreateSqlFunctions : kCreateFunctions;
}

DropFunction drop_of(const model::Function& function) {
  return DropFunction{
      {function.schema, function.name}, function.arguments, function.procedure, function.aggregate};
}

}  // namespace

void diff_routines(Context& context) {
  const model::Catalog& from = context.from;
  const model::Catalog& to = context.to;

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
  for (const model::Domain& domain : from.domains) {
    if (to.find_domain(domain.schema, domain.name) == nullptr) {
      context.add(kDropDomains, DropDomain{{domain.schema, domain.name}});
    }
  }

  // Composite types, after the domains and enums their attributes may use.
  for (const model::CompositeType& type : to.composite_types) {
    const model::CompositeType* old = from.find_composite_type(type.schema, type.name);
    if (old == nullptr) {
      context.add(kCreateDomains, CreateCompositeType{type});
    } else if (!(*old == type)) {
      // PostgreSQL changes no attribute of a composite type a column stores.
      for (const model::Table& table : from.tables) {
        for (const model::Column& column : table.columns) {
          std::string base = column.type.substr(0, column.type.find('['));
          if (column.type_schema != type.schema || base != type.name) continue;
          throw UserError(fmt::format(
              "composite type \"{}\".\"{}\" changes its attributes, but column \"{}\" of "
              "\"{}\".\"{}\" stores it and PostgreSQL cannot alter a type in use: write this "
              "migration by hand (flick generate --custom), e.g. a new type, a new column, copy, "
              "drop the old",
              type.schema, type.name, column.name, table.schema, table.name));
        }
      }
      context.add(kCreateDomains, AlterCompositeType{*old, type});
    }
  }
  for (const model::CompositeType& type : from.composite_types) {
    if (to.find_composite_type(type.schema, type.name) == nullptr) {
      context.add(kDropDomains, DropCompositeType{{type.schema, type.name}});
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
  std::set<std::string> late = late_functions(to);
  // Aggregates after the functions they are made of, in each phase; dropped before them.
  for (bool aggregates : {false, true}) {
    for (const model::Function& function : to.functions) {
      if (function.aggregate != aggregates) continue;
      auto found = old_functions.find(function_key(function));
      Phase phase = creation_phase(late, function);
      if (found == old_functions.end()) {
        context.add(phase, CreateFunction{function});
        continue;
      }
      kept.insert(found->first);
      const model::Function& old = *found->second;
      if (old == function) continue;
      if (old.returns != function.returns || old.procedure != function.procedure ||
          old.aggregate != function.aggregate) {
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
        context.add(kDropFunctions, drop_of(function));
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
      if (same == new_table.triggers.end() || !(*same == trigger) || runs_recreated(trigger)) {
        context.add(kDropTriggers, DropTrigger{pair.carried, trigger.name});
      }
    }
    for (const model::Trigger& trigger : new_table.triggers) {
      auto same = std::find_if(old_table.triggers.begin(), old_table.triggers.end(),
                               [&](const model::Trigger& t) { return t.name == trigger.name; });
      if (same == old_table.triggers.end() || !(*same == trigger) || runs_recreated(trigger)) {
        context.add(kCreateTriggers, CreateTrigger{pair.target, trigger});
      }
    }
  }
  for (std::size_t n : context.tables.created) {
    const model::Table& table = to.tables[n];
    for (const model::Trigger& trigger : table.triggers) {
      context.add(kCreateTriggers, CreateTrigger{{table.schema, table.name}, trigger});
    }
  }
}

}  // namespace flick::diff
