#include <fmt/format.h>

#include <algorithm>

#include "diff/context.hpp"
#include "diff/table_diff.hpp"

namespace flick::diff {
namespace {

std::string meta_table_name(const std::string& schema, const std::string& name) {
  return fmt::format("\"{}\".\"{}\"", schema, name);
}

void create_table(Context& context, const model::Table& table) {
  QualifiedName name{table.schema, table.name};
  context.add(kCreateTables, CreateTable{table});
  for (const model::ForeignKey& foreign_key : table.foreign_keys) {
    context.add(kCreatedForeignKeys, AddForeignKey{name, foreign_key});
  }
  for (const model::Index& index : table.indexes) {
    context.add(kCreatedIndexes, CreateIndex{name, index});
  }
  for (const model::Policy& policy : table.policies) {
    context.add(kCreatePolicies, CreatePolicy{name, policy});
  }
  if (table.comment) context.add(kComments, SetTableComment{name, table.comment});
  for (const model::Column& column : table.columns) {
    if (column.comment) {
      context.add(kComments, SetColumnComment{name, column.name, column.comment});
    }
  }
}

void diff_policies(Context& context, const TablePair& pair) {
  const auto& olds = pair.old_table->policies;
  const auto& news = pair.new_table->policies;
  std::vector<bool> new_used(news.size(), false);
  std::vector<const model::Policy*> unmatched_old;
  for (const model::Policy& old_policy : olds) {
    auto it = std::find_if(news.begin(), news.end(),
                           [&](const model::Policy& p) { return p.name == old_policy.name; });
    if (it == news.end()) {
      unmatched_old.push_back(&old_policy);
      continue;
    }
    new_used[it - news.begin()] = true;
    if (*it == old_policy) continue;
    bool alterable = it->as == old_policy.as && it->for_command == old_policy.for_command &&
                     (it->using_expr || !old_policy.using_expr) &&
                     (it->with_check || !old_policy.with_check);
    if (alterable) {
      context.add(kCreatePolicies, AlterPolicy{pair.target, *it});
    } else {
      context.add(kDropPolicies, DropPolicy{pair.target, old_policy.name});
      context.add(kCreatePolicies, CreatePolicy{pair.target, *it});
    }
  }
  for (const model::Policy* old_policy : unmatched_old) {
    bool renamed = false;
    for (std::size_t i = 0; i < news.size() && !renamed; ++i) {
      if (new_used[i]) continue;
      model::Policy renamed_copy = *old_policy;
      renamed_copy.name = news[i].name;
      if (renamed_copy == news[i]) {
        context.add(kRenamePolicies, RenamePolicy{pair.target, old_policy->name, news[i].name});
        new_used[i] = true;
        renamed = true;
      }
    }
    if (!renamed) context.add(kDropPolicies, DropPolicy{pair.target, old_policy->name});
  }
  for (std::size_t i = 0; i < news.size(); ++i) {
    if (!new_used[i]) context.add(kCreatePolicies, CreatePolicy{pair.target, news[i]});
  }
}

void diff_table(Context& context, const TablePair& pair) {
  const model::Table& old_table = *pair.old_table;
  const model::Table& new_table = *pair.new_table;
  if (pair.carried.schema != pair.target.schema) {
    context.add(kMoveTables, MoveTable{pair.carried, pair.target.schema});
  }
  if (old_table.name != new_table.name) {
    context.add(kRenameTables,
                RenameTable{QualifiedName{pair.target.schema, old_table.name}, new_table.name});
  }
  if (old_table.schema != new_table.schema || old_table.name != new_table.name) {
    context.result.renamed_tables.emplace_back(meta_table_name(old_table.schema, old_table.name),
                                               meta_table_name(new_table.schema, new_table.name));
  }
  diff_columns(context, pair);
  diff_constraints(context, pair);
  if (old_table.unlogged != new_table.unlogged) {
    context.add(kAlterColumns, SetLogged{pair.target, new_table.unlogged});
  }
  if (old_table.rls_enabled != new_table.rls_enabled) {
    if (new_table.rls_enabled) {
      context.add(kRowLevelSecurity, EnableRls{pair.target});
    } else {
      context.add(kRowLevelSecurity, DisableRls{pair.target});
    }
  }
  diff_policies(context, pair);
  if (old_table.comment != new_table.comment) {
    context.add(kComments, SetTableComment{pair.target, new_table.comment});
  }
}

// Columns pair up by name; only when some are left over on both sides (a possible rename) does
// the general matcher with hints and questions run. Most tables take the first path.
Matching match_columns(Context& context, const TablePair& pair) {
  const auto& olds = pair.old_table->columns;
  const auto& news = pair.new_table->columns;
  bool same_names = olds.size() == news.size();
  for (std::size_t i = 0; same_names && i < olds.size(); ++i) {
    same_names = olds[i].name == news[i].name;
  }
  Matching matching;
  if (same_names) {
    matching.pairs.reserve(olds.size());
    for (std::size_t i = 0; i < olds.size(); ++i) matching.pairs.emplace_back(i, i);
    return matching;
  }
  NameParts scope{pair.target.schema, pair.target.name};
  NameParts alt_scope{pair.old_table->schema, pair.old_table->name};
  std::vector<ScopedName> old_columns, new_columns;
  old_columns.reserve(olds.size());
  for (const model::Column& column : olds) old_columns.push_back({scope, alt_scope, column.name});
  new_columns.reserve(news.size());
  for (const model::Column& column : news) new_columns.push_back({scope, {}, column.name});
  return match_names(ObjectKind::kColumn, old_columns, new_columns, false, context.hints,
                     context.options);
}

}  // namespace

bool same_columns(const TablePair& pair, const std::vector<std::string>& old_columns,
                  const std::vector<std::string>& new_columns) {
  if (old_columns.size() != new_columns.size()) return false;
  for (std::size_t i = 0; i < old_columns.size(); ++i) {
    const std::string* name = &old_columns[i];
    if (!pair.column_renames.empty()) {
      auto it = pair.column_renames.find(*name);
      if (it != pair.column_renames.end()) name = &it->second;
    }
    if (*name != new_columns[i]) return false;
  }
  return true;
}

void match_tables(Context& context) {
  context.table_pairs.reserve(context.tables.pairs.size());
  for (const auto& [o, n] : context.tables.pairs) {
    TablePair pair;
    pair.old_table = &context.from.tables[o];
    pair.new_table = &context.to.tables[n];
    pair.carried = {context.mapped_schema(pair.old_table->schema), pair.old_table->name};
    pair.target = {pair.new_table->schema, pair.new_table->name};
    pair.columns = match_columns(context, pair);
    for (const auto& [oc, nc] : pair.columns.pairs) {
      const std::string& old_name = pair.old_table->columns[oc].name;
      const std::string& new_name = pair.new_table->columns[nc].name;
      if (old_name != new_name) pair.column_renames[old_name] = new_name;
    }
    context.pair_by_old_table[table_key(pair.old_table->schema, pair.old_table->name)] =
        context.table_pairs.size();
    context.table_pairs.push_back(std::move(pair));
  }
}

void diff_tables(Context& context) {
  for (std::size_t n : context.tables.created) create_table(context, context.to.tables[n]);
  for (std::size_t o : context.tables.dropped) {
    const model::Table& table = context.from.tables[o];
    DropTable drop{{context.mapped_schema(table.schema), table.name}, {}};
    for (const model::Policy& policy : table.policies) drop.policies.push_back(policy.name);
    context.add(kDropTables, std::move(drop));
    context.tables_changing_shape.insert(&table);
  }
  for (const TablePair& pair : context.table_pairs) diff_table(context, pair);
}

}  // namespace flick::diff
