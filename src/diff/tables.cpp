#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "diff/context.hpp"
#include "diff/table_diff.hpp"
#include "flick/error.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::diff {
namespace {

std::string meta_table_name(const std::string& schema, const std::string& name) {
  return fmt::format("\"{}\".\"{}\"", schema, name);
}

void create_table(Context& context, const model::Table& table) {
  QualifiedName name{table.schema, table.name};
  context.add(table.partition_of ? kCreatePartitions : kCreateTables, CreateTable{&table});
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

// ALTER TABLE ... NO INHERIT for the parents the table leaves (before parents are dropped and
// its own columns change), INHERIT for the ones it gains (once its columns are added). Returns
// the old table as NO INHERIT and INHERIT leave it when it leaves or gains a parent with CHECKs:
// the CHECKs of a parent it leaves are its own then, its own equal to a gained parent's are that
// parent's.
std::optional<model::Table> diff_inheritance(Context& context, const TablePair& pair) {
  const model::Table& old_table = *pair.old_table;
  const model::Table& new_table = *pair.new_table;
  if (old_table.inherits.empty() && new_table.inherits.empty()) return std::nullopt;
  std::vector<model::TableParent> old_parents = mapped_parents(context, old_table);
  if (old_parents == new_table.inherits) return std::nullopt;
  std::optional<model::Table> left;
  for (std::size_t i = 0; i < old_parents.size(); ++i) {
    const model::TableParent& parent = old_parents[i];
    if (std::find(new_table.inherits.begin(), new_table.inherits.end(), parent) !=
        new_table.inherits.end()) {
      continue;
    }
    const model::TableParent& before = old_table.inherits[i];
    context.add(
        kDropForeignKeys,
        SetInheritance{pair.carried, {context.mapped_schema(before.schema), before.name}, false});
    if (const model::Table* parent = context.from.find_table(before.schema, before.name)) {
      for (const model::CheckConstraint& check : parent->checks) {
        if (!left) left = old_table;
        bool has =
            std::any_of(left->checks.begin(), left->checks.end(),
                        [&](const model::CheckConstraint& c) { return c.name == check.name; });
        if (!has) left->checks.push_back(check);
      }
    }
  }
  for (const model::TableParent& parent : new_table.inherits) {
    if (std::find(old_parents.begin(), old_parents.end(), parent) != old_parents.end()) continue;
    const model::Table* gained = context.to.find_table(parent.schema, parent.name);
    // INHERIT merges the child's CHECKs equal to the parent's (from then on the parent's); one
    // the child lacks makes PostgreSQL refuse it.
    bool has_checks =
        gained == nullptr ||
        std::all_of(gained->checks.begin(), gained->checks.end(),
                    [&](const model::CheckConstraint& check) {
                      return std::find(old_table.checks.begin(), old_table.checks.end(), check) !=
                             old_table.checks.end();
                    });
    if (gained != nullptr && !gained->checks.empty() && has_checks) {
      if (!left) left = old_table;
      std::erase_if(left->checks, [&](const model::CheckConstraint& check) {
        return std::find(gained->checks.begin(), gained->checks.end(), check) !=
               gained->checks.end();
      });
    }
    if (!has_checks) {
      throw UserError(fmt::format(
          "table {} gains parent {}, which has CHECK constraints the table lacks: PostgreSQL "
          "wants the child to have them before ALTER TABLE ... INHERIT; write this migration by "
          "hand (flick generate --custom)",
          meta_table_name(new_table.schema, new_table.name),
          meta_table_name(parent.schema, parent.name)));
    }
    context.add(kAddConstraints, SetInheritance{pair.target, {parent.schema, parent.name}, true});
  }
  return left;
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
  if (old_table.partition_by != new_table.partition_by) {
    throw UserError(fmt::format(
        "table {}: the partition key changes from `{}` to `{}`, which PostgreSQL cannot do in "
        "place; write this migration by hand (flick generate --custom): create the new table, "
        "copy the rows, swap the names",
        meta_table_name(new_table.schema, new_table.name),
        old_table.partition_by.empty() ? "none" : old_table.partition_by,
        new_table.partition_by.empty() ? "none" : new_table.partition_by));
  }
  // The old parent under its new name when it is renamed or moved (its partitions follow it).
  std::optional<model::PartitionOf> old_of = old_table.partition_of;
  bool old_parent_dropped = false;
  if (old_of) {
    auto parent = context.pair_by_old_table.find(table_key(old_of->schema, old_of->name));
    if (parent != context.pair_by_old_table.end()) {
      old_of->schema = context.table_pairs[parent->second].target.schema;
      old_of->name = context.table_pairs[parent->second].target.name;
    } else {
      old_parent_dropped = true;
    }
  }
  if (old_of != new_table.partition_of) {
    if (old_of && old_parent_dropped) {
      // Detached before its parent is dropped: a drop takes the partitions with it.
      context.add(kDropForeignKeys,
                  DetachPartition{{context.mapped_schema(old_table.partition_of->schema),
                                   old_table.partition_of->name},
                                  pair.carried});
    } else if (old_of) {
      // Moved to another bound or parent: detached just before it is attached again, so that
      // column changes of its old parent reach it first. Detached for good: before its own
      // constraints and indexes are renamed (PostgreSQL refuses to rename what a partition has
      // from its parent) or changed, once the tables have their new names.
      context.add(new_table.partition_of ? kAddConstraints : kFollowRenames,
                  DetachPartition{{old_of->schema, old_of->name}, pair.target});
    }
    if (new_table.partition_of) {
      context.add(kAddConstraints,
                  AttachPartition{{new_table.partition_of->schema, new_table.partition_of->name},
                                  pair.target,
                                  new_table.partition_of->bound});
    }
  }
  std::optional<model::Table> left = diff_inheritance(context, pair);
  // A partition's columns follow its parent's (PostgreSQL refuses to change them on their own);
  // a table about to be attached gets the parent's columns first.
  if (!new_table.partition_of || !old_table.partition_of) diff_columns(context, pair);
  if (old_table.partition_of && !new_table.partition_of) {
    // Detached for good: compared as what PostgreSQL leaves it.
    model::Table detached = sqlparse::detached_partition(context.from, old_table);
    TablePair effective = pair;
    effective.old_table = &detached;
    diff_constraints(context, effective);
  } else if (left) {
    TablePair effective = pair;  // NO INHERIT left it the parents' CHECKs
    effective.old_table = &*left;
    diff_constraints(context, effective);
  } else {
    diff_constraints(context, pair);
  }
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
  if (pair.new_table->partition_of || !pair.new_table->inherits.empty() ||
      !pair.old_table->inherits.empty()) {
    // A partition's columns are its parent's, and so are a child's inherited ones: their renames
    // are the parent's question. (A child's own columns pair by name too: a rename of one is a
    // drop and an add.)
    Matching matching;
    std::vector<bool> new_paired(news.size(), false);
    for (std::size_t o = 0; o < olds.size(); ++o) {
      bool paired = false;
      for (std::size_t n = 0; n < news.size() && !paired; ++n) {
        if (olds[o].name != news[n].name) continue;
        matching.pairs.emplace_back(o, n);
        new_paired[n] = paired = true;
      }
      if (!paired) matching.dropped.push_back(o);
    }
    for (std::size_t n = 0; n < news.size(); ++n) {
      if (!new_paired[n]) matching.created.push_back(n);
    }
    return matching;
  }
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

std::vector<model::TableParent> mapped_parents(const Context& context,
                                               const model::Table& old_table) {
  std::vector<model::TableParent> parents;
  for (const model::TableParent& parent : old_table.inherits) {
    auto found = context.pair_by_old_table.find(table_key(parent.schema, parent.name));
    if (found == context.pair_by_old_table.end()) {
      parents.push_back(parent);
    } else {
      const QualifiedName& now = context.table_pairs[found->second].target;
      parents.push_back({now.schema, now.name});
    }
  }
  return parents;
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

namespace {

// How many generations of parents (PARTITION OF, INHERITS) a table has above it: 0 for a table
// that is no partition and inherits from none.
int parent_depth(const model::Catalog& catalog, const model::Table& table, int limit = 32) {
  if (limit == 0) return 0;
  int depth = 0;
  auto parent_at = [&](const std::string& schema, const std::string& name) {
    const model::Table* parent = catalog.find_table(schema, name);
    if (parent != nullptr) depth = std::max(depth, 1 + parent_depth(catalog, *parent, limit - 1));
  };
  if (table.partition_of) parent_at(table.partition_of->schema, table.partition_of->name);
  for (const model::TableParent& parent : table.inherits) parent_at(parent.schema, parent.name);
  return depth;
}

}  // namespace

void diff_tables(Context& context) {
  std::vector<std::size_t> created = context.tables.created;
  std::stable_sort(created.begin(), created.end(), [&](std::size_t a, std::size_t b) {
    return parent_depth(context.to, context.to.tables[a]) <
           parent_depth(context.to, context.to.tables[b]);
  });
  for (std::size_t n : created) create_table(context, context.to.tables[n]);
  std::unordered_set<std::string> dropped;
  for (std::size_t o : context.tables.dropped) {
    dropped.insert(table_key(context.from.tables[o].schema, context.from.tables[o].name));
  }
  // Children before their parents: PostgreSQL refuses to drop a table others inherit from.
  std::vector<std::size_t> drops = context.tables.dropped;
  std::stable_sort(drops.begin(), drops.end(), [&](std::size_t a, std::size_t b) {
    return parent_depth(context.from, context.from.tables[a]) >
           parent_depth(context.from, context.from.tables[b]);
  });
  for (std::size_t o : drops) {
    const model::Table& table = context.from.tables[o];
    // Dropping a partitioned table drops its partitions.
    if (table.partition_of &&
        dropped.count(table_key(table.partition_of->schema, table.partition_of->name)) != 0) {
      context.tables_changing_shape.insert(&table);
      continue;
    }
    DropTable drop{{context.mapped_schema(table.schema), table.name}, {}};
    for (const model::Policy& policy : table.policies) drop.policies.push_back(policy.name);
    context.add(kDropTables, std::move(drop));
    context.tables_changing_shape.insert(&table);
  }
  for (const TablePair& pair : context.table_pairs) diff_table(context, pair);
}

}  // namespace flick::diff
