
#include "diff/names.hpp"
#include "diff/opclasses.hpp"
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
// identical definition under another name becomes a rename. A table has few constraints and
// indexes, so the lookups are linear scans.
template <typename T, typename NameOf, typename Same, typename Drop, typename Add, typename Rename,
          typename Hinted>
void diff_named(const std::vector<T>& olds, const std::vector<T>& news,
                const model::Table& old_table, const model::Table& new_table, NameOf name_of,
                Same same, Drop drop, Add add, Rename rename, Hinted hinted) {
  if (olds.empty() && news.empty()) return;
  std::vector<std::string> new_names;
  new_names.reserve(news.size());
  for (const T& item : news) new_names.push_back(name_of(item, new_table));
  std::vector<bool> new_used(news.size(), false);
  auto find_new = [&](const std::string& name) -> std::size_t {
    for (std::size_t n = 0; n < news.size(); ++n) {
      if (!new_used[n] && new_names[n] == name) return n;
    }
    return news.size();
  };
  auto pair_up = [&](const T& old_item, std::size_t n, const std::string& old_name) {
    new_used[n] = true;
    if (!same(old_item, news[n])) {
      drop(old_item, old_name);
      add(news[n]);
    } else if (old_name != new_names[n]) {
      rename(old_name, new_names[n]);
    }
  };
  std::vector<std::pair<const T*, std::string>> unmatched;
  for (const T& old_item : olds) {
    std::string old_name = name_of(old_item, old_table);
    std::size_t n = find_new(old_name);
    if (n == news.size()) {
      if (const NameParts* target = hinted(old_name)) n = find_new(target->back());
    }
    if (n < news.size()) {
      pair_up(old_item, n, old_name);
    } else {
      unmatched.emplace_back(&old_item, std::move(old_name));
    }
  }
  for (const auto& [old_item, old_name] : unmatched) {
    std::size_t n = 0;
    while (n < news.size() && (new_used[n] || !same(*old_item, news[n]))) ++n;
    if (n < news.size()) {
      new_used[n] = true;
      rename(old_name, new_names[n]);
    } else {
      drop(*old_item, old_name);
    }
  }
  for (std::size_t n = 0; n < news.size(); ++n) {
    if (!new_used[n]) add(news[n]);
  }
}

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
  if (old_key && new_key && old_key->name != new_key->name) {
    constraint_hint(old_key->name);  // a hint for the rename below is satisfied by it
  }
  if (old_key && new_key && same_columns(pair, old_key->columns, new_key->columns)) {
    if (old_key->name != new_key->name) rename_constraint(old_key->name, new_key->name);
  } else {
    if (old_key) context.add(kDropPrimaryKeys, DropConstraint{table, old_key->name});
    if (new_key)
      context.add(kAddPrimaryKeys, AddPrimaryKey{table, new_key->name, new_key->columns});
  }

  auto uniques_name_of = [](const model::UniqueConstraint& u, const model::Table& t) {
    return u.name.empty() ? sqlparse::implicit_name(t.name, u.columns, "key") : u.name;
  };
  auto uniques_same = [&](const model::UniqueConstraint& a, const model::UniqueConstraint& b) {
    return same_columns(pair, a.columns, b.columns) && a.nulls_not_distinct == b.nulls_not_distinct;
  };
  auto uniques_drop = drop_constraint_in(kDropConstraints);
  auto uniques_add = [&](const model::UniqueConstraint& u) {
    model::UniqueConstraint named = u;
    named.name = uniques_name_of(u, new_table);
    context.add(kAddConstraints, AddUnique{table, named});
  };
  auto uniques_rename = rename_constraint;
  auto uniques_hinted = constraint_hint;
  diff_named(old_table.uniques, new_table.uniques, old_table, new_table, uniques_name_of,
             uniques_same, uniques_drop, uniques_add, uniques_rename, uniques_hinted);

  auto checks_name_of = [](const model::CheckConstraint& c, const model::Table& t) {
    return c.name.empty() ? sqlparse::implicit_name(t.name, {}, "check") : c.name;
  };
  auto checks_same = [](const model::CheckConstraint& a, const model::CheckConstraint& b) {
    return a.expression == b.expression;
  };
  auto checks_drop = drop_constraint_in(kDropConstraints);
  auto checks_add = [&](const model::CheckConstraint& c) {
    model::CheckConstraint named = c;
    named.name = checks_name_of(c, new_table);
    context.add(kAddConstraints, AddCheck{table, named});
  };
  auto checks_rename = rename_constraint;
  auto checks_hinted = constraint_hint;
  diff_named(old_table.checks, new_table.checks, old_table, new_table, checks_name_of, checks_same,
             checks_drop, checks_add, checks_rename, checks_hinted);

  auto exclusions_name_of = [](const model::ExclusionConstraint& e, const model::Table&) {
    return e.name;
  };
  auto exclusions_same = [](const model::ExclusionConstraint& a,
                            const model::ExclusionConstraint& b) {
    return a.definition == b.definition;
  };
  auto exclusions_add = [&](const model::ExclusionConstraint& e) {
    context.add(kAddConstraints, AddExclusion{table, e});
  };
  diff_named(old_table.exclusions, new_table.exclusions, old_table, new_table, exclusions_name_of,
             exclusions_same, drop_constraint_in(kDropConstraints), exclusions_add,
             rename_constraint, constraint_hint);

  auto foreign_keys_name_of = [](const model::ForeignKey& f, const model::Table& t) {
    return f.name.empty() ? sqlparse::implicit_name(t.name, f.columns, "fkey") : f.name;
  };
  auto foreign_keys_same = [&](const model::ForeignKey& a, const model::ForeignKey& b) {
    if (!same_columns(pair, a.columns, b.columns) || a.on_delete != b.on_delete ||
        a.on_update != b.on_update) {
      return false;
    }
    auto it = context.pair_by_old_table.find(table_key(a.ref_schema, a.ref_table));
    if (it == context.pair_by_old_table.end()) {
      // A table neither catalog has (one a platform provides, outside the schemas compared): the
      // same key when it names the same table and columns. Otherwise the table is gone.
      return context.from.find_table(a.ref_schema, a.ref_table) == nullptr &&
             context.to.find_table(b.ref_schema, b.ref_table) == nullptr &&
             a.ref_schema == b.ref_schema && a.ref_table == b.ref_table &&
             a.ref_columns == b.ref_columns;
    }
    const TablePair& referenced = context.table_pairs[it->second];
    return referenced.target.schema == b.ref_schema && referenced.target.name == b.ref_table &&
           same_columns(referenced, a.ref_columns, b.ref_columns);
  };
  auto foreign_keys_drop = [&](const model::ForeignKey&, const std::string& name) {
    context.add(kDropForeignKeys, DropConstraint{table, name, true});
  };
  auto foreign_keys_add = [&](const model::ForeignKey& f) {
    model::ForeignKey named = f;
    named.name = foreign_keys_name_of(f, new_table);
    context.add(kAlteredForeignKeys, AddForeignKey{table, named});
  };
  auto foreign_keys_rename = rename_constraint;
  auto foreign_keys_hinted = constraint_hint;
  diff_named(old_table.foreign_keys, new_table.foreign_keys, old_table, new_table,
             foreign_keys_name_of, foreign_keys_same, foreign_keys_drop, foreign_keys_add,
             foreign_keys_rename, foreign_keys_hinted);

  auto indexes_name_of = [](const model::Index& index, const model::Table& t) {
    if (!index.name.empty()) return index.name;
    std::vector<std::string> columns;
    for (const model::IndexElement& element : index.elements) {
      columns.push_back(element.is_expression ? "expr" : element.expression);
    }
    return sqlparse::implicit_name(t.name, columns, "idx");
  };
  auto indexes_same = [&](const model::Index& a, const model::Index& b) {
    if (a.unique != b.unique || a.nulls_not_distinct != b.nulls_not_distinct ||
        a.method != b.method || a.where != b.where || a.with != b.with ||
        a.elements.size() != b.elements.size() || !same_columns(pair, a.include, b.include)) {
      return false;
    }
    for (std::size_t i = 0; i < a.elements.size(); ++i) {
      const model::IndexElement& x = a.elements[i];
      const model::IndexElement& y = b.elements[i];
      if (x.is_expression != y.is_expression || x.asc != y.asc || x.nulls != y.nulls) {
        return false;
      }
      // A key written with its type's default operator class is the same key (the new side's
      // column tells the type; an expression's is unknown, so its classes compare by name).
      const model::Column* typed =
          y.is_expression ? nullptr : model::find_column(new_table, y.expression);
      if (!same_opclass(x.opclass, y.opclass, b.method, typed, context.to)) return false;
      bool same_target = x.is_expression ? x.expression == y.expression
                                         : same_columns(pair, {x.expression}, {y.expression});
      if (!same_target) return false;
    }
    return true;
  };
  auto indexes_drop = [&](const model::Index&, const std::string& name) {
    context.add(kDropIndexes, DropIndex{{table.schema, name}});
  };
  auto indexes_add = [&](const model::Index& index) {
    model::Index named = index;
    named.name = indexes_name_of(index, new_table);
    context.add(kAlteredIndexes, CreateIndex{table, named});
  };
  auto indexes_rename = [&](const std::string& from, const std::string& to) {
    context.add(kFollowRenames, RenameIndex{{table.schema, from}, to});
  };
  auto indexes_hinted = [&](const std::string& old_name) {
    const NameParts* target =
        context.hints.renamed_to(ObjectKind::kIndex, {old_table.schema, old_name});
    if (target == nullptr) {
      target = context.hints.renamed_to(ObjectKind::kIndex, {table.schema, old_name});
    }
    return target;
  };
  diff_named(old_table.indexes, new_table.indexes, old_table, new_table, indexes_name_of,
             indexes_same, indexes_drop, indexes_add, indexes_rename, indexes_hinted);
}

}  // namespace flick::diff
