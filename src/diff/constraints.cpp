#include <functional>

#include "diff/names.hpp"
#include "diff/table_diff.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::diff {
namespace {

struct PrimaryKeyShape {
  std::string name;
  std::vector<std::string> columns;
};

std::optional<PrimaryKeyShape> effective_primary_key(const model::Table& table) {
  if (table.primary_key) {
    const model::PrimaryKey& key = *table.primary_key;
    return PrimaryKeyShape{
        key.name.empty() ? sqlparse::implicit_name(table.name, {}, "pkey") : key.name, key.columns};
  }
  for (const model::Column& column : table.columns) {
    if (column.primary_key) {
      return PrimaryKeyShape{sqlparse::implicit_name(table.name, {}, "pkey"), {column.name}};
    }
  }
  return std::nullopt;
}

// Pairs a table's old and new objects of one kind. Equal names with equal definitions are kept;
// equal names with different definitions are dropped and re-created; a rename hint or an
// identical definition under another name becomes a rename.
template <typename T>
struct NamedDiff {
  std::function<std::string(const T&, const model::Table&)> name_of;
  // Whether `old_item` (of the old table) and `new_item` define the same object.
  std::function<bool(const T&, const T&)> same;
  std::function<void(const T&, const std::string& old_name)> drop;
  std::function<void(const T&)> add;
  std::function<void(const std::string& from, const std::string& to)> rename;
  std::function<const NameParts*(const std::string& old_name)> hinted;

  void run(const std::vector<T>& olds, const std::vector<T>& news, const model::Table& old_table,
           const model::Table& new_table) const {
    std::vector<std::string> new_names;
    new_names.reserve(news.size());
    std::unordered_map<std::string, std::size_t> new_by_name;
    for (std::size_t i = 0; i < news.size(); ++i) {
      new_names.push_back(name_of(news[i], new_table));
      new_by_name.emplace(new_names.back(), i);
    }
    std::vector<bool> new_used(news.size(), false);
    std::vector<std::size_t> unmatched;
    auto pair_up = [&](std::size_t o, std::size_t n, const std::string& old_name) {
      new_used[n] = true;
      if (!same(olds[o], news[n])) {
        drop(olds[o], old_name);
        add(news[n]);
      } else if (old_name != new_names[n]) {
        rename(old_name, new_names[n]);
      }
    };
    for (std::size_t o = 0; o < olds.size(); ++o) {
      std::string old_name = name_of(olds[o], old_table);
      auto it = new_by_name.find(old_name);
      if (it != new_by_name.end() && !new_used[it->second]) {
        pair_up(o, it->second, old_name);
        continue;
      }
      const NameParts* target = hinted ? hinted(old_name) : nullptr;
      if (target != nullptr) {
        auto target_it = new_by_name.find(target->back());
        if (target_it != new_by_name.end() && !new_used[target_it->second]) {
          pair_up(o, target_it->second, old_name);
          continue;
        }
      }
      unmatched.push_back(o);
    }
    for (std::size_t o : unmatched) {
      std::string old_name = name_of(olds[o], old_table);
      bool renamed = false;
      for (std::size_t n = 0; n < news.size(); ++n) {
        if (new_used[n] || !same(olds[o], news[n])) continue;
        new_used[n] = true;
        rename(old_name, new_names[n]);
        renamed = true;
        break;
      }
      if (!renamed) drop(olds[o], old_name);
    }
    for (std::size_t n = 0; n < news.size(); ++n) {
      if (!new_used[n]) add(news[n]);
    }
  }
};

}  // namespace

void diff_constraints(Context& context, const TablePair& pair) {
  const model::Table& old_table = *pair.old_table;
  const model::Table& new_table = *pair.new_table;
  const QualifiedName& table = pair.target;
  auto rename_constraint = [&](const std::string& from, const std::string& to) {
    context.add(kFollowRenames, RenameConstraint{table, from, to});
  };
  auto drop_constraint_in = [&](Phase phase) {
    return [&context, &table, phase](const auto&, const std::string& name) {
      context.add(phase, DropConstraint{table, name});
    };
  };
  auto constraint_hint = [&](const std::string& old_name) {
    const NameParts* target = context.hints.renamed_to(
        ObjectKind::kConstraint, {old_table.schema, old_table.name, old_name});
    if (target == nullptr) {
      target =
          context.hints.renamed_to(ObjectKind::kConstraint, {table.schema, table.name, old_name});
    }
    return target;
  };

  // Primary key.
  std::optional<PrimaryKeyShape> old_key = effective_primary_key(old_table);
  std::optional<PrimaryKeyShape> new_key = effective_primary_key(new_table);
  if (old_key && new_key && mapped_columns(pair, old_key->columns) == new_key->columns) {
    if (old_key->name != new_key->name) rename_constraint(old_key->name, new_key->name);
  } else {
    if (old_key) context.add(kDropPrimaryKeys, DropConstraint{table, old_key->name});
    if (new_key)
      context.add(kAddPrimaryKeys, AddPrimaryKey{table, new_key->name, new_key->columns});
  }

  NamedDiff<model::UniqueConstraint> uniques;
  uniques.name_of = [](const model::UniqueConstraint& u, const model::Table& t) {
    return u.name.empty() ? sqlparse::implicit_name(t.name, u.columns, "key") : u.name;
  };
  uniques.same = [&](const model::UniqueConstraint& a, const model::UniqueConstraint& b) {
    return mapped_columns(pair, a.columns) == b.columns &&
           a.nulls_not_distinct == b.nulls_not_distinct;
  };
  uniques.drop = drop_constraint_in(kDropConstraints);
  uniques.add = [&](const model::UniqueConstraint& u) {
    model::UniqueConstraint named = u;
    named.name = uniques.name_of(u, new_table);
    context.add(kAddConstraints, AddUnique{table, named});
  };
  uniques.rename = rename_constraint;
  uniques.hinted = constraint_hint;
  uniques.run(old_table.uniques, new_table.uniques, old_table, new_table);

  NamedDiff<model::CheckConstraint> checks;
  checks.name_of = [](const model::CheckConstraint& c, const model::Table& t) {
    return c.name.empty() ? sqlparse::implicit_name(t.name, {}, "check") : c.name;
  };
  checks.same = [](const model::CheckConstraint& a, const model::CheckConstraint& b) {
    return a.expression == b.expression;
  };
  checks.drop = drop_constraint_in(kDropConstraints);
  checks.add = [&](const model::CheckConstraint& c) {
    model::CheckConstraint named = c;
    named.name = checks.name_of(c, new_table);
    context.add(kAddConstraints, AddCheck{table, named});
  };
  checks.rename = rename_constraint;
  checks.hinted = constraint_hint;
  checks.run(old_table.checks, new_table.checks, old_table, new_table);

  NamedDiff<model::ForeignKey> foreign_keys;
  foreign_keys.name_of = [](const model::ForeignKey& f, const model::Table& t) {
    return f.name.empty() ? sqlparse::implicit_name(t.name, f.columns, "fkey") : f.name;
  };
  foreign_keys.same = [&](const model::ForeignKey& a, const model::ForeignKey& b) {
    if (mapped_columns(pair, a.columns) != b.columns || a.on_delete != b.on_delete ||
        a.on_update != b.on_update) {
      return false;
    }
    auto it = context.pair_by_old_table.find(table_key(a.ref_schema, a.ref_table));
    if (it == context.pair_by_old_table.end()) return false;  // the referenced table is gone
    const TablePair& referenced = context.table_pairs[it->second];
    return referenced.target.schema == b.ref_schema && referenced.target.name == b.ref_table &&
           mapped_columns(referenced, a.ref_columns) == b.ref_columns;
  };
  foreign_keys.drop = drop_constraint_in(kDropForeignKeys);
  foreign_keys.add = [&](const model::ForeignKey& f) {
    model::ForeignKey named = f;
    named.name = foreign_keys.name_of(f, new_table);
    context.add(kAlteredForeignKeys, AddForeignKey{table, named});
  };
  foreign_keys.rename = rename_constraint;
  foreign_keys.hinted = constraint_hint;
  foreign_keys.run(old_table.foreign_keys, new_table.foreign_keys, old_table, new_table);

  NamedDiff<model::Index> indexes;
  indexes.name_of = [](const model::Index& index, const model::Table& t) {
    if (!index.name.empty()) return index.name;
    std::vector<std::string> columns;
    for (const model::IndexElement& element : index.elements) {
      columns.push_back(element.is_expression ? "expr" : element.expression);
    }
    return sqlparse::implicit_name(t.name, columns, "idx");
  };
  indexes.same = [&](const model::Index& a, const model::Index& b) {
    model::Index mapped = a;
    for (model::IndexElement& element : mapped.elements) {
      if (!element.is_expression)
        element.expression = mapped_columns(pair, {element.expression})[0];
    }
    mapped.include = mapped_columns(pair, a.include);
    mapped.name = b.name;
    mapped.concurrently = b.concurrently;
    return mapped == b;
  };
  indexes.drop = [&](const model::Index&, const std::string& name) {
    context.add(kDropIndexes, DropIndex{{table.schema, name}});
  };
  indexes.add = [&](const model::Index& index) {
    model::Index named = index;
    named.name = indexes.name_of(index, new_table);
    context.add(kAlteredIndexes, CreateIndex{table, named});
  };
  indexes.rename = [&](const std::string& from, const std::string& to) {
    context.add(kFollowRenames, RenameIndex{{table.schema, from}, to});
  };
  indexes.hinted = [&](const std::string& old_name) {
    const NameParts* target =
        context.hints.renamed_to(ObjectKind::kIndex, {old_table.schema, old_name});
    if (target == nullptr) {
      target = context.hints.renamed_to(ObjectKind::kIndex, {table.schema, old_name});
    }
    return target;
  };
  indexes.run(old_table.indexes, new_table.indexes, old_table, new_table);
}

}  // namespace flick::diff
